import { guardGlobals, propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, MAX_BODY_LENGTH, MAX_RETRY_AFTER_SECONDS, isErrorCode, parseErrorBody, parseRetryAfter, type ParsedErrorBody } from './index';

/** Fixed unless FC_SEED is set; fast-check prints the seed and the counterexample path on failure. */
const seed = propertySeed(20_250_615);
const RUNS = 10_000;
const parameters = { numRuns: RUNS, seed } as const;
/** A cap, not a timing assertion: 10 000 runs take a few seconds on a shared 2-core machine. */
const PROPERTY_TIMEOUT = 120_000;

/** No global or built-in prototype may change while these properties run. */
guardGlobals();

function expectSound(result: ParsedErrorBody, input: unknown): void {
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  expect(Object.is(result.raw, input)).toBe(true);
  expect(result.code.length).toBeGreaterThan(0);
  expect(isErrorCode(result.fallbackCode)).toBe(true);
  if (result.known) expect(isErrorCode(result.code) && result.isErrorBody && result.fallbackCode === result.code).toBe(true);
  else if (isErrorCode(result.code)) expect(result.code).toBe(result.fallbackCode);
  expect(Number.isInteger(result.status) && result.status >= 100 && result.status <= 599).toBe(true);
  expect(result.message === undefined || typeof result.message === 'string').toBe(true);
  expect(result.target === undefined || typeof result.target === 'string').toBe(true);
}

const statusOption = fc.option(fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.double()), { nil: undefined });

describe(`parseErrorBody properties (seed ${seed}, ${RUNS} runs each)`, () => {
  it('never throws on any JSON value, given parsed or as text, and both agree', () => {
    fc.assert(
      fc.property(fc.jsonValue(), statusOption, (value, status) => {
        const options = status === undefined ? {} : { status };
        const fromValue = parseErrorBody(value, options);
        expectSound(fromValue, value);
        const text = JSON.stringify(value);
        const fromText = parseErrorBody(text, options);
        expectSound(fromText, text);
        if (text.length <= MAX_BODY_LENGTH) {
          // Text and parsed value agree; JSON itself loses -0, so compare whole results after a round trip.
          const pick = ({ code, known, status: s, message, target, isErrorBody, details, innerError }: ParsedErrorBody) => ({ code, known, status: s, message, target, isErrorBody, details, innerError });
          expect(pick(fromText)).toEqual(pick(parseErrorBody(JSON.parse(text), options)));
          const { code, known, status: s, message, target, isErrorBody } = fromValue;
          expect(pick(fromText)).toMatchObject({ code, known, status: s, message, target, isErrorBody });
        }
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.json()), statusOption, (text, status) => {
        expectSound(parseErrorBody(text, { status }), text);
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  it('never throws on any value at all', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }), (value) => {
        expectSound(parseErrorBody(value), value);
        const wrapped = { error: value };
        expectSound(parseErrorBody(wrapped), wrapped);
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  const code = fc.oneof(fc.constantFrom(...ERROR_CODES), fc.string({ minLength: 1 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));
  const target = fc.oneof(fc.uuid(), fc.string());
  const detail = fc.record({ code: fc.string(), message: fc.string(), target: fc.string() }, { requiredKeys: ['code'] });
  const extraMembers = (reserved: readonly string[]) => fc.dictionary(fc.string().filter((key) => !reserved.includes(key)), fc.jsonValue(), { maxKeys: 4 });
  const wellFormed = fc.record({
    code,
    message: fc.string(),
    target,
    odataV3: fc.boolean(),
    details: fc.option(fc.array(detail, { maxLength: 5 }), { nil: undefined }),
    innerError: fc.option(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), { nil: undefined }),
    extraError: extraMembers(['code', 'message', 'target', 'details', 'innerError', 'innererror']),
    extraBody: extraMembers(['error', 'odata.error']),
    form: fc.constantFrom('value', 'text', 'indented', 'bom'),
    status: statusOption,
  });

  it('keeps code, message and target of any well-formed body exactly', () => {
    fc.assert(
      fc.property(wellFormed, (body) => {
        const error: Record<string, unknown> = {
          ...body.extraError,
          code: body.code,
          message: body.odataV3 ? { lang: 'en-US', value: body.message } : body.message,
          target: body.target,
        };
        if (body.details !== undefined) error.details = body.details;
        if (body.innerError !== undefined) error.innerError = body.innerError;
        const value = { ...body.extraBody, [body.odataV3 ? 'odata.error' : 'error']: error };
        const input =
          body.form === 'value' ? value : body.form === 'text' ? JSON.stringify(value) : body.form === 'indented' ? JSON.stringify(value, null, 2) : `\uFEFF${JSON.stringify(value)}`;
        fc.pre(typeof input !== 'string' || input.length <= MAX_BODY_LENGTH);
        const result = parseErrorBody(input, { status: body.status });
        expectSound(result, input);
        expect(result.code).toBe(body.code);
        expect(result.message).toBe(body.message);
        expect(result.target).toBe(body.target);
        expect(result.isErrorBody).toBe(true);
        expect(result.known).toBe((ERROR_CODES as readonly string[]).includes(body.code));
        expect(result.details).toEqual(
          (body.details ?? []).map((entry) => ({ code: entry.code, message: entry.message, target: entry.target })),
        );
        expect(result.innerError).toEqual(body.form === 'value' || body.innerError === undefined ? body.innerError : JSON.parse(JSON.stringify(body.innerError)));
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  it('of a well-formed body cut anywhere, keeps each of code, message, target whole or not at all', () => {
    fc.assert(
      fc.property(wellFormed, fc.double({ min: 0, max: 1, noNaN: true }), (body, at) => {
        const text = JSON.stringify({ error: { code: body.code, target: body.target, message: body.message, innerError: body.innerError } });
        const cut = text.slice(0, Math.floor(text.length * at));
        const result = parseErrorBody(cut, { status: body.status });
        expectSound(result, cut);
        expect([body.code, result.fallbackCode]).toContain(result.code);
        expect([body.target, undefined]).toContain(result.target);
        expect([body.message, undefined]).toContain(result.message);
        if (cut.length === text.length) expect(result.target).toBe(body.target);
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);
});

describe(`parseRetryAfter properties (seed ${seed}, ${RUNS} runs each)`, () => {
  it('gives undefined or a whole number of seconds >= 0 for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), fc.integer({ min: 0, max: 4_102_444_800_000 }), (value, now) => {
        const seconds = parseRetryAfter(value, now);
        if (seconds !== undefined) expect(Number.isSafeInteger(seconds) && seconds >= 0).toBe(true);
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);

  it('reads back any delta-seconds and any IMF-fixdate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (delta, now, offset) => {
          const inBound = (seconds: number): number | undefined => (seconds <= MAX_RETRY_AFTER_SECONDS ? seconds : undefined);
          expect(parseRetryAfter(String(delta), now)).toBe(inBound(delta));
          const date = Math.floor((now + offset) / 1000) * 1000;
          expect(parseRetryAfter(new Date(date).toUTCString(), now)).toBe(inBound(Math.max(0, Math.ceil((date - now) / 1000))));
        },
      ),
      parameters,
    );
  }, PROPERTY_TIMEOUT);
});
