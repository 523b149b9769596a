import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from './index';
import { DefenderApiError, createTrackingId, isDefenderApiError, parseErrorBody } from './index';

type CoreModule = typeof source;

const UUID_V4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
const TARGET = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';

describe('DefenderApiError', () => {
  it('is an Error named by a literal', () => {
    const error = new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' } });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DefenderApiError);
    expect(error.name).toBe('DefenderApiError');
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
    expect(String(error)).toBe('DefenderApiError: InvalidHashValue');
    expect(error.stack?.split('\n')[0]).toBe('DefenderApiError: InvalidHashValue');
  });

  it('takes its status from the registry, 500 for an unknown code, and the given one when valid', () => {
    expect(new DefenderApiError('ResourceNotFound').status).toBe(404);
    expect(new DefenderApiError('TooManyRequests').status).toBe(429);
    expect(new DefenderApiError<string>('SomethingNew').status).toBe(500);
    expect(new DefenderApiError('BadRequest', { status: 422 }).status).toBe(422);
    for (const status of [0, 99, 600, 404.5, Number.NaN, '404' as unknown as number]) {
      expect(new DefenderApiError('Forbidden', { status }).status).toBe(403);
    }
  });

  it('keeps every option', () => {
    const cause = new TypeError('socket hang up');
    const error = new DefenderApiError('MaximumBatchSizeExceeded', {
      params: { received: 600, allowed: 500 },
      message: 'Too many indicators',
      target: TARGET,
      status: 400,
      serverMessage: 'Maximum batch size exceeded. Received: 600, allowed: 500.',
      retryAfter: 3,
      cause,
    });
    expect(error).toMatchObject({
      code: 'MaximumBatchSizeExceeded',
      status: 400,
      params: { received: 600, allowed: 500 },
      message: 'Too many indicators',
      target: TARGET,
      serverMessage: 'Maximum batch size exceeded. Received: 600, allowed: 500.',
      retryAfter: 3,
      known: true,
      fallbackCode: 'MaximumBatchSizeExceeded',
    });
    expect(error.cause).toBe(cause);
  });

  it('has an own cause only when one is given', () => {
    expect(Object.hasOwn(new DefenderApiError('NotFound'), 'cause')).toBe(false);
    expect(Object.hasOwn(new DefenderApiError('NotFound', { cause: undefined }), 'cause')).toBe(true);
    expect(new DefenderApiError('NotFound', { cause: 'text' }).cause).toBe('text');
  });

  it('takes its message from the message option, then the server message, then the code', () => {
    expect(new DefenderApiError('NotFound', { message: 'a', serverMessage: 'b' }).message).toBe('a');
    expect(new DefenderApiError('NotFound', { serverMessage: 'b' }).message).toBe('b');
    expect(new DefenderApiError('NotFound').message).toBe('NotFound');
  });

  it('has readonly fields and frozen params', () => {
    const params = { hash: 'abc' };
    const error = new DefenderApiError('InvalidHashValue', { params, target: TARGET });
    params.hash = 'changed';
    expect(error.params).toEqual({ hash: 'abc' });
    expect(Object.isFrozen(error.params)).toBe(true);
    const writable = error as unknown as Record<string, unknown>;
    for (const key of ['code', 'status', 'params', 'target', 'serverMessage', 'retryAfter']) {
      expect(() => {
        writable[key] = 'changed';
      }, key).toThrow(TypeError);
    }
    expect(error.code).toBe('InvalidHashValue');
    expect(error.target).toBe(TARGET);
  });

  it('copies params without taking over a __proto__ key as a prototype', () => {
    const params = JSON.parse('{"__proto__": {"polluted": true}, "hash": "abc"}') as { hash: string };
    const error = new DefenderApiError('InvalidHashValue', { params });
    expect(Object.getPrototypeOf(error.params)).toBe(Object.prototype);
    expect((error.params as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports an unknown code with the fallback of its status', () => {
    const error = new DefenderApiError<string>('Uautoriseret', { status: 401 });
    expect(error.known).toBe(false);
    expect(error.fallbackCode).toBe('Unauthorized');
    expect(new DefenderApiError<string>('__proto__').known).toBe(false);
  });

  describe('toJSON', () => {
    it('gives exactly the wire body { error: { code, message, target } }, with the server message', () => {
      const error = new DefenderApiError('InvalidUrl', { message: 'local text', serverMessage: 'URL x is invalid.', target: TARGET, params: { url: 'x' }, cause: new Error('secret') });
      expect(JSON.parse(JSON.stringify(error))).toStrictEqual({ error: { code: 'InvalidUrl', message: 'URL x is invalid.', target: TARGET } });
    });

    it('falls back to Error.message without a server message', () => {
      expect(new DefenderApiError('NotFound', { message: 'Machine 1 was not found', target: TARGET }).toJSON()).toStrictEqual({
        error: { code: 'NotFound', message: 'Machine 1 was not found', target: TARGET },
      });
    });

    it('makes a tracking ID when there is none, the same one on every call', () => {
      const error = new DefenderApiError('InternalServerError');
      const first = error.toJSON();
      expect(first.error.target).toMatch(UUID_V4);
      expect(error.toJSON()).toStrictEqual(first);
      expect(JSON.stringify(error)).toBe(JSON.stringify(first));
      expect(error.target).toBeUndefined();
      expect(new DefenderApiError('InternalServerError').toJSON().error.target).not.toBe(first.error.target);
    });

    it('round-trips through parseErrorBody', () => {
      const error = new DefenderApiError('ResourceNotFound', { serverMessage: 'Machine 123 was not found', target: TARGET });
      expect(parseErrorBody(JSON.stringify(error))).toMatchObject({ code: 'ResourceNotFound', known: true, message: 'Machine 123 was not found', target: TARGET });
    });
  });

  describe('fromParsed', () => {
    it('keeps code, status, server message, target and Retry-After, with the parsed body as cause', () => {
      const parsed = parseErrorBody({ error: { code: 'TooManyRequests', message: 'Rate limit is exceeded.', target: TARGET } }, { status: 429 });
      const error = DefenderApiError.fromParsed({ ...parsed, retryAfter: 30 });
      expect(error).toMatchObject({ name: 'DefenderApiError', code: 'TooManyRequests', status: 429, serverMessage: 'Rate limit is exceeded.', message: 'Rate limit is exceeded.', target: TARGET, retryAfter: 30, params: {} });
      expect(error.cause).toMatchObject({ raw: parsed.raw });
      expect(isDefenderApiError(error)).toBe(true);
      expect(error.toJSON()).toStrictEqual({ error: { code: 'TooManyRequests', message: 'Rate limit is exceeded.', target: TARGET } });
    });

    it('keeps an unknown code from an HTML page as the status fallback', () => {
      const error = DefenderApiError.fromParsed(parseErrorBody('<html>Bad gateway</html>', { status: 502 }));
      expect(error).toMatchObject({ code: 'InternalServerError', status: 502, serverMessage: undefined, target: undefined, message: 'InternalServerError' });
    });

    it('keeps a code the registry does not know', () => {
      const error = DefenderApiError.fromParsed(parseErrorBody({ error: { code: 'QuotaExhausted', message: 'm' } }, { status: 429 }));
      expect(error).toMatchObject({ code: 'QuotaExhausted', known: false, fallbackCode: 'TooManyRequests', status: 429 });
    });
  });
});

describe('isDefenderApiError', () => {
  it('is true for instances and subclasses', () => {
    class ClientError extends DefenderApiError {}
    expect(isDefenderApiError(new DefenderApiError('NotFound'))).toBe(true);
    expect(isDefenderApiError(new ClientError('Forbidden'))).toBe(true);
  });

  it.each([
    ['a plain object that looks alike', { name: 'DefenderApiError', code: 'NotFound', status: 404, target: TARGET, serverMessage: 'x', params: {} }],
    ['an Error named DefenderApiError', Object.assign(new Error('x'), { name: 'DefenderApiError', code: 'NotFound', status: 404 })],
    ['an object built on the prototype', Object.create(DefenderApiError.prototype) as object],
    ['a parsed body', parseErrorBody({ error: { code: 'NotFound' } })],
    ['a wire body', { error: { code: 'NotFound', message: 'm', target: TARGET } }],
    ['the brand with a non-string code', { [Symbol.for('@defender-errors/core/DefenderApiError')]: true, code: 404 }],
    ['the brand as a string key', { '@defender-errors/core/DefenderApiError': true, code: 'NotFound' }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'DefenderApiError'],
    ['a number', 404],
  ])('is false for %s', (_label, value) => {
    expect(isDefenderApiError(value)).toBe(false);
  });

  it('is false, without throwing, for a Proxy whose traps throw', () => {
    const fail = (): never => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, { get: fail, getPrototypeOf: fail, has: fail, getOwnPropertyDescriptor: fail });
    expect(isDefenderApiError(hostile)).toBe(false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(isDefenderApiError(proxy)).toBe(false);
  });
});

describe('the ESM and CJS builds (dist) recognise each other’s errors', () => {
  const esmPath = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const cjsPath = fileURLToPath(new URL('../dist/index.cjs', import.meta.url));
  let esm: CoreModule;
  let cjs: CoreModule;

  beforeAll(async () => {
    if (!existsSync(esmPath) || !existsSync(cjsPath)) {
      throw new Error('dist/ is missing: run `pnpm --filter @defender-errors/core build` before the tests.');
    }
    cjs = createRequire(import.meta.url)(cjsPath) as CoreModule;
    esm = (await import(/* @vite-ignore */ esmPath)) as CoreModule;
  });

  it('loads two distinct copies of the class', () => {
    expect(cjs.DefenderApiError).not.toBe(esm.DefenderApiError);
    expect(cjs.DefenderApiError).not.toBe(DefenderApiError);
  });

  it('an error made by the CJS build is a DefenderApiError to the ESM build (though not instanceof)', () => {
    const fromCjs = new cjs.DefenderApiError('InvalidUrl', { params: { url: 'x' }, target: TARGET });
    expect(fromCjs instanceof esm.DefenderApiError).toBe(false);
    expect(esm.isDefenderApiError(fromCjs)).toBe(true);
    expect(isDefenderApiError(fromCjs)).toBe(true);
  });

  it('and the other way round', () => {
    const fromEsm = new esm.DefenderApiError('Forbidden');
    expect(cjs.isDefenderApiError(fromEsm)).toBe(true);
    expect(cjs.isDefenderApiError(new DefenderApiError('NotFound'))).toBe(true);
  });

  it('look-alikes without the brand are rejected by both builds', () => {
    const lookAlike = { name: 'DefenderApiError', code: 'NotFound', status: 404 };
    expect(esm.isDefenderApiError(lookAlike)).toBe(false);
    expect(cjs.isDefenderApiError(lookAlike)).toBe(false);
    expect(esm.isDefenderApiError(Object.create(cjs.DefenderApiError.prototype))).toBe(false);
  });

  it('both builds expose the same API and registry', () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(esm).sort()).toEqual(Object.keys(source).sort());
    expect([...cjs.ERROR_CODES]).toEqual([...source.ERROR_CODES]);
    expect(cjs.createTrackingId()).toMatch(UUID_V4);
    expect(createTrackingId()).toMatch(UUID_V4);
  });
});
