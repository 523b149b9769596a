import createHttpError from 'http-errors';
import { describe, expect, it } from 'vitest';
import { DefenderApiError, parseErrorBody, readError, readErrorResponse, toErrorInfo } from './index';

const TARGET = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const INNER = { code: 'ResourceNotFound', message: 'Machine 1 was not found.', target: TARGET };
const BODY = { error: INNER };
const FOUND = { code: 'ResourceNotFound', known: true, status: 404, message: 'Machine 1 was not found.', target: TARGET };
/** What nothing readable gives: InternalServerError, with nothing of the value kept as text. */
const NOTHING = { code: 'InternalServerError', known: false, status: 500, message: undefined, target: undefined, retryAfter: undefined, isErrorBody: false };

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('toErrorInfo: core’s own values', () => {
  it('returns a result of core’s readers as is, and only those (not a look-alike copy)', async () => {
    const parsed = parseErrorBody(JSON.stringify(BODY), { status: 404 });
    expect(toErrorInfo(parsed)).toBe(parsed);
    expect(await readError(parsed)).toBe(parsed);
    const info = await readErrorResponse(new Response(JSON.stringify(BODY), { status: 404 }));
    expect(toErrorInfo(info)).toBe(info);
    const copy = { ...parsed, code: 'InvalidUrl', known: true };
    expect(toErrorInfo(copy)).not.toBe(copy);
  });

  it('reads a DefenderApiError, with its retryAfter', () => {
    const error = new DefenderApiError('TooManyRequests', { serverMessage: 'Slow down.', target: TARGET, retryAfter: 12 });
    expect(toErrorInfo(error)).toMatchObject({ code: 'TooManyRequests', known: true, status: 429, message: 'Slow down.', target: TARGET, retryAfter: 12, raw: error });
    const unknown = DefenderApiError.fromCode('db-7', { status: 503 });
    expect(toErrorInfo(unknown)).toMatchObject({ code: 'db-7', known: false, fallbackCode: 'InternalServerError', status: 503 });
  });
});

describe('toErrorInfo: one reading per object', () => {
  it('returns the first reading of an object again, and reads anew when a status is given', () => {
    let reads = 0;
    const error = { get error() { reads += 1; return { code: 'InvalidUrl', message: 'URL x is invalid.', target: 't' }; } };
    const first = toErrorInfo(error);
    expect(toErrorInfo(error)).toBe(first);
    expect(reads).toBe(1);
    expect(toErrorInfo(error, { status: 404 })).toMatchObject({ code: 'InvalidUrl', status: 404 });
    expect(reads).toBe(2);
    expect(toErrorInfo(error)).toBe(first);
  });
});

describe('toErrorInfo: bodies', () => {
  it('reads a body as text or parsed, and the inner error object', () => {
    expect(toErrorInfo(JSON.stringify(BODY), { status: 404 })).toMatchObject(FOUND);
    expect(toErrorInfo(BODY)).toMatchObject(FOUND);
    expect(toErrorInfo(INNER)).toMatchObject({ ...FOUND, isErrorBody: true });
  });

  it.each(['innerError', 'innererror'])('takes the Graph shape’s %s request-id as the tracking ID when there is no target', (key) => {
    const graph = { error: { code: 'UnknownError', message: '', [key]: { date: '2025-06-15T12:00:00', 'request-id': 'req-1', 'client-request-id': 'client-1' } } };
    expect(toErrorInfo(graph)).toMatchObject({ code: 'UnknownError', known: true, status: 500, target: 'req-1', message: '' });
    expect(parseErrorBody(JSON.stringify(graph)).target).toBe('req-1');
    const withTarget = { error: { ...graph.error, target: TARGET } };
    expect(toErrorInfo(withTarget).target).toBe(TARGET);
  });

  it('reads ActiveRequestAlreadyExists as a registered 400', () => {
    expect(toErrorInfo({ error: { code: 'ActiveRequestAlreadyExists', message: 'Action is already in progress' } })).toMatchObject({ known: true, status: 400 });
  });
});

describe('toErrorInfo: client and framework errors', () => {
  it('an axios-shaped error: its own code is never a Defender code', () => {
    const response = { status: 404, statusText: 'Not Found', headers: { 'Retry-After': '7' }, data: '<html>Not Found</html>', config: {} };
    const error = Object.assign(new Error('Request failed with status code 404'), { isAxiosError: true, code: 'ERR_BAD_REQUEST', response });
    expect(toErrorInfo(error)).toMatchObject({ code: 'NotFound', known: false, status: 404, message: undefined, retryAfter: 7 });
    expect(toErrorInfo(Object.assign(new Error('socket hang up'), { isAxiosError: true, code: 'ECONNRESET' }))).toMatchObject(NOTHING);
  });

  it('a Node system error is InternalServerError', () => {
    expect(toErrorInfo(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104 }))).toMatchObject(NOTHING);
  });

  it('a Fastify validation error: 400, no message, FST_ERR_VALIDATION not taken', () => {
    const error = Object.assign(new Error('body/name must be string'), { statusCode: 400, code: 'FST_ERR_VALIDATION', validation: [] });
    expect(toErrorInfo(error)).toMatchObject({ code: 'BadRequest', known: false, status: 400, message: undefined });
  });

  it('a body-parser error (http-errors, expose: true) keeps its message; a Hono HTTPException (no expose) does not', () => {
    const parseFailed = createHttpError(400, 'Unexpected token } in JSON at position 9', { type: 'entity.parse.failed' });
    expect(toErrorInfo(parseFailed)).toMatchObject({ code: 'BadRequest', status: 400, message: 'Unexpected token } in JSON at position 9' });
    const hono = Object.assign(new Error('Unauthorized: token expired for user bob'), { status: 401 });
    expect(toErrorInfo(hono)).toMatchObject({ code: 'Unauthorized', status: 401, message: undefined });
  });

  it('a status that is not an error status is not read', () => {
    expect(toErrorInfo(Object.assign(new Error('moved'), { status: 302 }))).toMatchObject(NOTHING);
    expect(toErrorInfo(Object.assign(new Error('odd'), { statusCode: 4040 }))).toMatchObject(NOTHING);
  });

  it('an ofetch-shaped FetchError: the parsed data it holds, the status and headers of its response', async () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': '30' } });
    const error = Object.assign(new Error('[GET] "/api": 429'), { name: 'FetchError', status: 429, statusCode: 429, data: { error: { code: 'TooManyRequests', target: TARGET } }, response });
    const expected = { code: 'TooManyRequests', known: true, status: 429, target: TARGET, retryAfter: 30 };
    expect(toErrorInfo(error)).toMatchObject(expected);
    expect(await readError(error)).toMatchObject(expected);
  });

  it('a Kiota ApiError’s headers, a map of arrays', () => {
    const error = Object.assign(new Error('throttled'), { responseStatusCode: 429, responseHeaders: { 'Retry-After': ['45'] } });
    expect(toErrorInfo(error)).toMatchObject({ code: 'TooManyRequests', status: 429, retryAfter: 45, message: undefined });
  });

  it('the status option wins over the value’s', async () => {
    expect(toErrorInfo(BODY, { status: 410 })).toMatchObject({ code: 'ResourceNotFound', status: 410 });
    const response = new Response(JSON.stringify(BODY), { status: 404 });
    expect(await readError(response, { status: 502 })).toMatchObject({ code: 'ResourceNotFound', status: 502, target: TARGET });
  });
});

describe('toErrorInfo: anything else, and hostile values', () => {
  it.each([
    ['an Error', new Error('db-7 password=hunter2')],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a symbol', Symbol('x')],
    ['a function', () => 'x'],
    ['an array', [BODY]],
    ['a revoked Proxy', revoked()],
    ['a Proxy whose traps all throw', new Proxy({}, { get: () => { throw new Error('get'); }, has: () => { throw new Error('has'); }, getPrototypeOf: () => { throw new Error('proto'); }, ownKeys: () => { throw new Error('keys'); }, getOwnPropertyDescriptor: () => { throw new Error('descriptor'); } })],
  ])('%s is InternalServerError with nothing kept as text', async (_name, value) => {
    expect(toErrorInfo(value)).toMatchObject(NOTHING);
    expect(await readError(value)).toMatchObject(NOTHING);
  });

  it('a response that is not a response, and getters that throw', async () => {
    const error = { isAxiosError: true, get response(): never { throw new Error('response'); } };
    expect(toErrorInfo(error)).toMatchObject(NOTHING);
    const holder = { response: { status: 404, headers: { get: () => { throw new Error('get'); } }, text: () => Promise.reject(new Error('text')) } };
    expect(await readError(holder)).toMatchObject({ code: 'NotFound', status: 404 });
    expect(toErrorInfo(BODY, { get status(): never { throw new Error('status'); } })).toMatchObject(FOUND);
    expect(toErrorInfo(BODY, null as never)).toMatchObject(FOUND);
  });
});
