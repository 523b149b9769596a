import { runInNewContext } from 'node:vm';
import { RestError } from '@azure/core-rest-pipeline';
import { DefaultApiError } from '@microsoft/kiota-abstractions';
import { GraphError } from '@microsoft/microsoft-graph-client';
import createHttpError from 'http-errors';
import { describe, expect, it } from 'vitest';
import { DefenderApiError, parseRetryAfter, readError, retryAfterHeaderValue, toErrorInfo } from './index';
import { isObject, isPlainObject } from './safe';

// Exact-output tests of the readers, written to kill the mutants Stryker found surviving the other
// suites (`node security/mutation.mjs --module "core readers"`): each reader's members one at a time,
// with the client classes users hold, and the edges of the guarded reads.

const TARGET = 'a4c1e2f0-9d8b-4c7a-b6e5-1f2d3c4b5a69';
const body = (error: Record<string, unknown>) => JSON.stringify({ error });
/** A code whose registry status (400) differs from the statuses the tests send. */
const INVALID_URL = { code: 'InvalidUrl', message: 'URL x is invalid.', target: TARGET };

describe('Azure RestError', () => {
  it('without a response: its code when registered, its status, and the body it parsed into details', () => {
    expect(toErrorInfo(new RestError('gone', { code: 'ResourceNotFound', statusCode: 410 }))).toMatchObject({ code: 'ResourceNotFound', status: 410, details: [], target: undefined });
    const withDetails = Object.assign(new RestError('bad', { statusCode: 422 }), { details: { error: INVALID_URL } });
    expect(toErrorInfo(withDetails)).toMatchObject({ code: 'InvalidUrl', status: 422, target: TARGET });
  });

  it('its statusCode wins over the status of its response; without one the response status counts', () => {
    const response = (status: number) => ({ status, bodyAsText: body(INVALID_URL), headers: { get: () => undefined }, request: {} });
    expect(toErrorInfo(new RestError('x', { statusCode: 503, response: response(500) as never })).status).toBe(503);
    expect(toErrorInfo(new RestError('x', { response: response(422) as never })).status).toBe(422);
  });

  it('a body with an empty code takes the registered code of the error', () => {
    const response = { status: 404, bodyAsText: body({ code: '', message: 'gone', target: TARGET }), headers: { get: () => undefined }, request: {} };
    expect(toErrorInfo(new RestError('x', { code: 'ResourceNotFound', statusCode: 404, response: response as never }))).toMatchObject({ code: 'ResourceNotFound', target: TARGET, message: 'gone' });
  });
});

/** A GraphError as GraphErrorHandler builds it. */
function graphError(statusCode: number, fields: { code?: string; requestId?: string | null; body?: unknown }): GraphError {
  return Object.assign(new GraphError(statusCode, 'failed'), { code: null, requestId: null, ...fields });
}

describe('Microsoft Graph GraphError', () => {
  it('its statusCode, its code when the body has none, its requestId when the body has no target', () => {
    expect(toErrorInfo(graphError(410, { code: 'ResourceNotFound', requestId: 'r-1', body: 'not JSON' }))).toMatchObject({ code: 'ResourceNotFound', status: 410, target: 'r-1', details: [] });
    const inner = JSON.stringify({ code: 'InvalidUrl', message: 'URL x is invalid.', details: [{ code: 'Detail', message: 'd' }] });
    expect(toErrorInfo(graphError(422, { requestId: 'r-2', body: inner }))).toMatchObject({ code: 'InvalidUrl', status: 422, target: 'r-2', details: [{ code: 'Detail', message: 'd' }] });
  });

  it('an empty or missing requestId is no tracking ID', () => {
    expect(toErrorInfo(graphError(404, { code: 'ResourceNotFound', requestId: '', body: 'x' })).target).toBeUndefined();
    expect(toErrorInfo(graphError(404, { code: 'ResourceNotFound', requestId: 42 as never, body: 'x' })).target).toBeUndefined();
  });

  it('an object with only a requestId is not a GraphError', () => {
    expect(toErrorInfo({ requestId: 'r-3', message: 'x' })).toMatchObject({ code: 'InternalServerError', target: undefined });
    expect(toErrorInfo({ requestId: 'r-3', statusCode: 404 })).toMatchObject({ status: 404, target: undefined });
  });
});

describe('Kiota ApiError', () => {
  it('a status without headers, and headers without a status', () => {
    expect(toErrorInfo(Object.assign(new DefaultApiError('x'), { responseStatusCode: 404 })).status).toBe(404);
    const headersOnly = Object.assign(new DefaultApiError('x'), { responseHeaders: { 'retry-after': ['30'] }, error: { code: 'TooManyRequests', message: 'slow down' } });
    expect(toErrorInfo(headersOnly)).toMatchObject({ code: 'TooManyRequests', retryAfter: 30 });
  });
});

describe('errors carrying a status', () => {
  it('Retry-After from the headers http-errors keeps, or from retryAfter seconds', () => {
    expect(toErrorInfo(createHttpError(429, 'slow', { headers: { 'Retry-After': '30' } })).retryAfter).toBe(30);
    expect(toErrorInfo(Object.assign(new Error('x'), { status: 429, headers: { 'retry-after': 12 } })).retryAfter).toBe(12);
    expect(toErrorInfo(Object.assign(new Error('x'), { status: 503, retryAfter: 2.5 })).retryAfter).toBe(3);
  });

  it.each([
    [0, 0],
    [86_400, 86_400],
    [86_401, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['30', undefined],
  ])('retryAfter %s -> %s', (seconds, expected) => {
    expect(toErrorInfo(Object.assign(new Error('x'), { status: 429, retryAfter: seconds })).retryAfter).toBe(expected);
  });

  it('a value without a 4xx/5xx status is not read for a retry', () => {
    expect(toErrorInfo(Object.assign(new Error('x'), { retryAfter: 30, headers: { 'retry-after': '30' } })).retryAfter).toBeUndefined();
  });

  it('a message only when exposed', () => {
    expect(toErrorInfo(Object.assign(new Error('Bad field'), { status: 400, expose: true }))).toMatchObject({ message: 'Bad field', details: [] });
  });
});

describe('bodies that are not plain objects, and copies of results', () => {
  it('reads a body of another realm and a class instance', () => {
    expect(toErrorInfo(runInNewContext(`({ error: ${JSON.stringify(INVALID_URL)} })`))).toMatchObject({ code: 'InvalidUrl', target: TARGET });
    class Body {
      readonly error = INVALID_URL;
    }
    expect(toErrorInfo(new Body())).toMatchObject({ code: 'InvalidUrl', target: TARGET });
  });

  it('a copy of a result keeps its status and seconds', () => {
    const copy = { ...toErrorInfo({ error: INVALID_URL }, { status: 422 }), retryAfter: 5 };
    expect(toErrorInfo(copy)).toMatchObject({ code: 'InvalidUrl', status: 422, retryAfter: 5, target: TARGET });
  });

  it('an object with a code and an error member, or an odata.error text, is no inner error object', () => {
    expect(toErrorInfo({ code: 'InvalidUrl', error: 'x' }).code).toBe('InternalServerError');
    expect(toErrorInfo({ code: 'InvalidUrl', 'odata.error': 'x' }).code).toBe('InternalServerError');
    expect(toErrorInfo({ code: 'InvalidUrl', message: 'm' }).code).toBe('InvalidUrl');
  });
});

describe('headers', () => {
  it('finds Retry-After in any case, after other names, within the first 200 names', () => {
    const error = (headers: unknown) => toErrorInfo(Object.assign(new Error('x'), { status: 429, headers })).retryAfter;
    expect(error({ 'X-Other': 'a', 'Retry-After': '30' })).toBe(30);
    expect(error({ 'retry-after': ['7', '8'] })).toBe(7);
    expect(error({ 'retry-after': { 0: '7' } })).toBeUndefined();
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, index) => [`X-${index}`, 'a']));
    expect(error({ ...many, 'Retry-After': '30' })).toBeUndefined();
  });
});

describe('readError', () => {
  it('the response status wins over the body code', async () => {
    expect(await readError(new Response(body(INVALID_URL), { status: 422 }))).toMatchObject({ code: 'InvalidUrl', status: 422, target: TARGET });
    expect(await readError(new Response(body(INVALID_URL), { status: 422 }), { status: 409 })).toMatchObject({ code: 'InvalidUrl', status: 409 });
  });

  it('keeps what the user passed as raw', async () => {
    expect((await readError(undefined)).raw).toBeUndefined();
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); } });
    expect((await readError(hostile)).raw).toBe(hostile);
  });

  it('reads a value as a Response only with an HTTP status, headers.get and text()', async () => {
    const text = async () => body(INVALID_URL);
    expect((await readError({ headers: new Headers(), text })).code).toBe('InternalServerError');
    expect((await readError({ status: 400, headers: {}, text })).code).not.toBe('InvalidUrl');
    expect((await readError({ status: 400, headers: new Headers(), text: body(INVALID_URL) })).code).not.toBe('InvalidUrl');
    expect((await readError({ status: 400, headers: new Headers(), text })).code).toBe('InvalidUrl');
  });

  it('a Response whose body was read already is read like toErrorInfo reads it', async () => {
    const response = new Response(body(INVALID_URL), { status: 422, headers: { 'retry-after': '5' } });
    await response.text();
    const info = await readError(response);
    expect(info).toMatchObject({ status: 422, retryAfter: 5 });
    expect(info.raw).toBe(response);
  });

  it('toErrorInfo keeps the status and Retry-After of a Response of any status', () => {
    expect(toErrorInfo(new Response(null, { status: 304, headers: { 'retry-after': '5' } }))).toMatchObject({ status: 304, retryAfter: 5 });
  });

  it('reads the data of an axios-style response, which is no fetch Response', async () => {
    const response = { status: 422, data: { error: INVALID_URL }, headers: { 'retry-after': '5' }, config: {} };
    expect(await readError(response)).toMatchObject({ code: 'InvalidUrl', status: 422, retryAfter: 5, target: TARGET });
  });

  it('a DefenderApiError is read with its own fields', async () => {
    const error = new DefenderApiError('InvalidUrl', { params: { url: 'x' }, target: TARGET });
    expect(await readError(error)).toMatchObject({ code: 'InvalidUrl', target: TARGET });
  });
});

describe('the guarded reads', () => {
  it('isObject and isPlainObject', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect([isObject(null), isObject(proxy), isObject([]), isObject({})]).toEqual([false, false, false, true]);
    expect([isPlainObject(42), isPlainObject(Object.create(null)), isPlainObject(new Date()), isPlainObject({})]).toEqual([false, true, false, true]);
  });
});

describe('Retry-After values', () => {
  const now = Date.UTC(2030, 0, 15, 8, 0, 0);
  it.each(['Tue, 15 Jan 2030 08:60:00 GMT', 'Tue, 15 Jan 2030 08:00:61 GMT', 'Tue, 15 Jan 2030 24:00:00 GMT', 'Tue, 32 Jan 2030 08:00:00 GMT', 'Fri, 29 Feb 2030 08:00:00 GMT'])('%s is no HTTP-date', (date) => {
    expect(parseRetryAfter(date, now)).toBeUndefined();
  });

  it('reads a valid date, and none when now is not a number', () => {
    expect(parseRetryAfter('Tue, 15 Jan 2030 08:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Tue, 15 Jan 2030 08:00:10 GMT', String(now) as never)).toBeUndefined();
  });

  it.each([['30'], [null], [Number.NaN], [-1], [Number.POSITIVE_INFINITY]])('retryAfterHeaderValue(%j) is undefined', (seconds) => {
    expect(retryAfterHeaderValue(seconds)).toBeUndefined();
  });
});
