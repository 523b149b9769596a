import { guardGlobals, propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createErrorBody,
  getErrorDefinition,
  isDefenderApiError,
  isErrorCode,
  MAX_RETRY_AFTER_SECONDS,
  parseErrorBody,
  parseRetryAfter,
  readError,
  readErrorResponse,
  retryAfterHeaderValue,
  toErrorInfo,
  type ParsedErrorBody,
  type ResponseLike,
} from './index';

// Issue 18 point 3 for core: every function documented never to throw (or never to reject) holds
// for hostile objects: throwing getters, revoked proxies, proxies whose traps all throw, cyclic,
// frozen and null-prototype objects, alone or where a client error keeps its parts.
const seed = propertySeed(20_251_207);
const RUNS = 10_000;
const parameters = { numRuns: RUNS, seed } as const;
/** A cap, not a timing assertion: 10 000 runs take a few seconds on a shared 2-core machine. */
const PROPERTY_TIMEOUT = 180_000;

guardGlobals();

function fail(what: string): never {
  throw new Error(`hostile ${what}`);
}

const ALL_TRAPS: ProxyHandler<object> = Object.fromEntries(
  ['get', 'set', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'setPrototypeOf', 'defineProperty', 'deleteProperty', 'isExtensible', 'preventExtensions', 'apply', 'construct'].map((trap) => [trap, () => fail(trap)]),
);

/** The members the readers look at, each of which a hostile object makes throw. */
const MEMBERS = ['error', 'odata.error', 'code', 'message', 'target', 'details', 'innerError', 'status', 'statusCode', 'response', 'data', 'headers', 'config', 'isAxiosError', 'body', 'bodyAsText', 'requestId', 'responseStatusCode', 'responseHeaders', 'text', 'get', 'getReader', 'expose', 'title', 'detail', 'retryAfter', 'name', 'bodyUsed'];

function throwingGetters(keys: readonly string[]): object {
  const object = {};
  for (const key of keys) Object.defineProperty(object, key, { enumerable: true, get: () => fail(`getter ${key}`) });
  return object;
}

function revoked(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

function cyclic(keys: readonly string[]): object {
  const object: Record<string, unknown> = {};
  for (const key of keys) object[key] = object;
  return object;
}

/**
 * fast-check inspects the values it generates (`in`, `toString`), which a hostile object would
 * break: the arbitraries give recipes, and each run builds its hostile objects from them.
 */
type Recipe = (() => unknown) & { readonly toString: () => string };

function recipe(description: string, build: () => unknown): Recipe {
  return Object.assign(build, { toString: () => description });
}

const keys = fc.subarray(MEMBERS, { minLength: 1 });
/** One hostile object, of each kind. */
const hostileAtom: fc.Arbitrary<Recipe> = fc.oneof(
  keys.map((names) => recipe(`getters throwing on ${names.join(', ')}`, () => throwingGetters(names))),
  fc.constantFrom('object', 'array', 'function').map((kind) => recipe(`revoked ${kind} Proxy`, () => revoked(kind === 'object' ? {} : kind === 'array' ? [] : () => undefined))),
  fc.constantFrom('object', 'function').map((kind) => recipe(`${kind} Proxy whose traps all throw`, () => new Proxy(kind === 'object' ? {} : () => undefined, ALL_TRAPS))),
  keys.map((names) => recipe(`cyclic through ${names.join(', ')}`, () => cyclic(names))),
);

/** Any value, hostile or not, frozen or of a null prototype. */
const part: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 3, arbitrary: hostileAtom },
  { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withBoxedValues: true, maxDepth: 2 }).map((value) => recipe(fc.stringify(value), () => value)) },
  { weight: 1, arbitrary: fc.constantFrom(404, 429, 500, '30', 'ResourceNotFound', true).map((value) => recipe(String(value), () => value)) },
);

const frozenOrNullPrototype = (record: Record<string, unknown>, mode: number): object => {
  if (mode === 1) return Object.freeze(record);
  if (mode === 2) return Object.assign(Object.create(null) as object, record);
  return record;
};

const BASES: readonly Record<string, unknown>[] = [
  {},
  { isAxiosError: true },
  { config: {}, data: undefined, status: 404 },
  { statusCode: 404, response: { bodyAsText: '' } },
  { name: 'RestError' },
  { requestId: 'r', statusCode: 500, body: '' },
  { responseStatusCode: 429 },
  { status: 404, headers: { get: () => null }, text: async () => '' },
  { response: { status: 404, headers: { get: () => null }, text: async () => '' } },
  { expose: true, status: 400 },
];

/** Shapes of the client errors the readers know, each with hostile parts where their members are. */
const shaped: fc.Arbitrary<Recipe> = fc
  .tuple(fc.dictionary(fc.constantFrom(...MEMBERS), part, { minKeys: 1, maxKeys: 6 }), fc.nat({ max: BASES.length - 1 }), fc.integer({ min: 0, max: 2 }))
  .map(([members, base, mode]) =>
    recipe(`shape ${base} (mode ${mode}) with ${Object.entries(members).map(([key, value]) => `${key}: ${String(value)}`).join('; ')}`, () => {
      const built = Object.fromEntries(Object.entries(members).map(([key, build]) => [key, build()]));
      return frozenOrNullPrototype({ ...BASES[base], ...built }, mode);
    }),
  );

const hostile = fc.oneof(hostileAtom, shaped, part);

function expectSound(result: ParsedErrorBody): void {
  expect(typeof result.code === 'string' && result.code.length > 0).toBe(true);
  expect(isErrorCode(result.fallbackCode)).toBe(true);
  expect(Number.isInteger(result.status) && result.status >= 100 && result.status <= 599).toBe(true);
  expect(result.message === undefined || typeof result.message === 'string').toBe(true);
  expect(result.target === undefined || typeof result.target === 'string').toBe(true);
  const { retryAfter } = result as ParsedErrorBody & { retryAfter?: unknown };
  expect(retryAfter === undefined || (Number.isInteger(retryAfter) && (retryAfter as number) >= 0)).toBe(true);
}

describe(`hostile values (seed ${seed}, ${RUNS} runs each)`, () => {
  it('the synchronous functions never throw', () => {
    fc.assert(
      fc.property(hostile, hostile, (valueRecipe, otherRecipe) => {
        const [value, other] = [valueRecipe(), otherRecipe()];
        expectSound(parseErrorBody(value, other as never));
        expectSound(toErrorInfo(value, other as never));
        expect(typeof isErrorCode(value)).toBe('boolean');
        expect(getErrorDefinition(value) === undefined || isErrorCode(value)).toBe(true);
        expect(isDefenderApiError(value)).toBe(false);
        const seconds = parseRetryAfter(value as never, other as never);
        expect(seconds === undefined || (Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_RETRY_AFTER_SECONDS)).toBe(true);
        expect(retryAfterHeaderValue(value) ?? '0').toMatch(/^\d+$/);
        const body = createErrorBody(value as never, other as never);
        expect(typeof body.error.message === 'string' && typeof body.error.target === 'string').toBe(true);
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  it('the asynchronous functions never reject', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (valueRecipe, otherRecipe) => {
        const [value, other] = [valueRecipe(), otherRecipe()];
        expectSound(await readError(value, other as never));
        expectSound(await readErrorResponse(value as ResponseLike));
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  it('a top-level hostile object is InternalServerError, with nothing of it kept as text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileAtom, async (valueRecipe) => {
        const value = valueRecipe();
        for (const info of [toErrorInfo(value), await readError(value)]) {
          expect(info).toMatchObject({ code: 'InternalServerError', known: false, status: 500, message: undefined, target: undefined, retryAfter: undefined });
        }
      }),
      { ...parameters, numRuns: 1_000 },
    );
  }, PROPERTY_TIMEOUT);
});
