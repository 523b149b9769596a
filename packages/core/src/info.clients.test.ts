import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmptyPipeline, createDefaultHttpClient, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { DefaultApiError } from '@microsoft/kiota-abstractions';
import { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import axios from 'axios';
import createHttpError from 'http-errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readError, toErrorInfo, type ErrorInfo } from './index';

// Issue 13 point 5 (core): what each real client throws for a Defender answer, read by toErrorInfo
// and readError. The server is a loopback stand-in for the API.
const TARGET = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const REQUEST_ID = '7b5e1f2a-8c3d-4e9f-a1b2-c3d4e5f60718';

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const ANSWERS: Readonly<Record<string, Answer>> = {
  '/api/machines/123': { status: 404, body: { error: { code: 'ResourceNotFound', message: 'Machine 123 was not found.', target: TARGET } } },
  '/api/indicators': { status: 400, body: { error: { code: 'InvalidUrl', message: 'URL http:/x is invalid.', target: TARGET } } },
  '/api/advancedqueries/run': { status: 429, body: { error: { code: 'TooManyRequests', message: 'Rate limit is exceeded.', target: TARGET } }, headers: { 'retry-after': '30' } },
  '/v1.0/security/runHuntingQuery': {
    status: 500,
    body: { error: { code: 'UnknownError', message: 'The query failed.', innerError: { date: '2025-06-15T12:00:00', 'request-id': REQUEST_ID, 'client-request-id': 'c0ffee00-0000-4000-8000-000000000000' } } },
  },
};

/** What each answer must read as: code, status, target, message and retryAfter. */
const EXPECTED: Readonly<Record<string, Partial<ErrorInfo>>> = {
  '/api/machines/123': { code: 'ResourceNotFound', known: true, status: 404, target: TARGET, message: 'Machine 123 was not found.', retryAfter: undefined },
  '/api/indicators': { code: 'InvalidUrl', known: true, status: 400, target: TARGET, message: 'URL http:/x is invalid.', retryAfter: undefined },
  '/api/advancedqueries/run': { code: 'TooManyRequests', known: true, status: 429, target: TARGET, message: 'Rate limit is exceeded.', retryAfter: 30 },
  '/v1.0/security/runHuntingQuery': { code: 'UnknownError', known: true, status: 500, target: REQUEST_ID, message: 'The query failed.', retryAfter: undefined },
};
const PATHS = Object.keys(ANSWERS);

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = ANSWERS[new URL(request.url ?? '/', 'http://x').pathname];
    request.resume();
    if (!answer) return void response.writeHead(500).end();
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

async function thrown(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the client to throw');
}

async function expectRead(value: unknown, path: string): Promise<void> {
  const expected = EXPECTED[path];
  expect(toErrorInfo(value), `toErrorInfo ${path}`).toMatchObject(expected!);
  expect(await readError(value), `readError ${path}`).toMatchObject(expected!);
}

describe('axios', () => {
  it.each(PATHS)('the AxiosError and its response for %s', async (path) => {
    const error = await thrown(() => axios.get(origin + path, { timeout: 10_000 }));
    expect(axios.isAxiosError(error)).toBe(true);
    await expectRead(error, path);
    await expectRead((error as { response: unknown }).response, path);
  });

  it('a network failure is InternalServerError; ECONNREFUSED is not a Defender code', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const error = await thrown(() => axios.get(`http://127.0.0.1:${port}/`, { timeout: 10_000 }));
    expect((error as { code: string }).code).toBe('ECONNREFUSED');
    expect(toErrorInfo(error)).toMatchObject({ code: 'InternalServerError', known: false, status: 500, message: undefined, target: undefined });
  });
});

describe('Azure RestError (@azure/core-rest-pipeline)', () => {
  it.each(PATHS)('a RestError built, as Azure SDK clients do, from the real response of %s', async (path) => {
    const pipeline = createEmptyPipeline();
    const request = createPipelineRequest({ url: origin + path, timeout: 10_000, allowInsecureConnection: true });
    const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
    const code = (JSON.parse(response.bodyAsText ?? '{}') as { error: { code: string } }).error.code;
    await expectRead(new RestError(`Request failed with ${response.status}`, { code, statusCode: response.status, request, response }), path);
    // Without the body's code (the pipeline's own), the body text still gives it.
    await expectRead(new RestError('failed', { code: 'REQUEST_SEND_ERROR', statusCode: response.status, request, response }), path);
  });

  it("the pipeline's own codes are not Defender codes", () => {
    expect(toErrorInfo(new RestError('socket hang up', { code: 'REQUEST_SEND_ERROR' }))).toMatchObject({ code: 'InternalServerError', status: 500, message: undefined });
  });
});

describe('Microsoft Graph GraphError (@microsoft/microsoft-graph-client)', () => {
  it.each(PATHS)('what Client.api().get() throws for %s', async (path) => {
    const client = Client.init({ authProvider: (done) => done(null, 'token'), baseUrl: origin, defaultVersion: '' });
    // No retries: the 429 is to reach the test, not to be waited out.
    const error = await thrown(() => client.api(path).middlewareOptions([new RetryHandlerOptions(0, 0)]).get());
    expect((error as { constructor: { name: string } }).constructor.name).toBe('GraphError');
    await expectRead(error, path);
  });
});

describe('Kiota ApiError / ODataError (@microsoft/kiota-abstractions)', () => {
  it.each(PATHS)('an ODataError carrying the MainError of %s', async (path) => {
    const response = await fetch(origin + path, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { error: Record<string, unknown> & { innerError?: Record<string, string> } };
    // As the Kiota fetch adapter and msgraph-sdk's deserializer build it: headers as name -> values,
    // the MainError with a camel-cased InnerError.
    const error = Object.assign(new DefaultApiError(String(body.error['message'])), {
      error: { ...body.error, innerError: body.error.innerError && { requestId: body.error.innerError['request-id'], clientRequestId: body.error.innerError['client-request-id'] } },
    });
    error.responseStatusCode = response.status;
    error.responseHeaders = Object.fromEntries([...response.headers].map(([name, value]) => [name, [value]]));
    await expectRead(error, path);
  });

  it('an ApiError with no MainError gives the status fallback', () => {
    const error = new DefaultApiError('the server answered 404');
    error.responseStatusCode = 404;
    expect(toErrorInfo(error)).toMatchObject({ code: 'NotFound', known: false, status: 404, message: undefined });
  });
});

describe('fetch Response', () => {
  it.each(PATHS)('%s: status and Retry-After synchronously, the body in readError', async (path) => {
    const expected = EXPECTED[path]!;
    const response = await fetch(origin + path, { signal: AbortSignal.timeout(10_000) });
    expect(toErrorInfo(response)).toMatchObject({ status: expected.status, retryAfter: expected.retryAfter, message: undefined });
    expect(await readError(response)).toMatchObject(expected);
  });

  it.each(PATHS)('%s: a value holding the Response (ky HTTPError), read by readError', async (path) => {
    const response = await fetch(origin + path, { signal: AbortSignal.timeout(10_000) });
    const error = Object.assign(new Error(`Request failed with status code ${response.status}`), { name: 'HTTPError', response });
    expect(await readError(error)).toMatchObject(EXPECTED[path]!);
  });
});

describe('http-errors', () => {
  it('a 4xx: status, fallback code, and the message it exposes', () => {
    expect(toErrorInfo(createHttpError(404, 'No such machine.'))).toMatchObject({ code: 'NotFound', known: false, status: 404, message: 'No such machine.' });
    expect(toErrorInfo(createHttpError(429))).toMatchObject({ code: 'TooManyRequests', status: 429 });
  });

  it('a 5xx: its message is not exposed, so not kept', () => {
    expect(toErrorInfo(createHttpError(503, 'db-7 password=hunter2'))).toMatchObject({ code: 'InternalServerError', status: 503, message: undefined, target: undefined });
  });
});
