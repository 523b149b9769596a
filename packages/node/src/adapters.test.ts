import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DefenderApiError, parseErrorBody } from '@defender-errors/core';
import { errorResponder, toResponse } from '@defender-errors/http';
import { createErrorTranslator } from '@defender-errors/i18n';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, fastifyErrorHandler } from './index';
import { ACCEPT_LANGUAGE_CASES } from './testing/accept-language';
import { bodyMessage } from './testing/body-message';
import { rawRequest, startServer, type RawResponse, type TestServer } from './testing/http';

/**
 * One table, every adapter: the same error and the same request must give the same status, headers
 * and body from node:http, Express 5, Fastify 5, Hono on @hono/node-server and a plain
 * `(request: Request) => Response` handler, all real servers on 127.0.0.1.
 */

const translator = createErrorTranslator();
const TRACKING_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const SECRET = 'db-7 password=hunter2';
/** Headers each server (or Node itself) adds on its own: not part of what the packages decide. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The error each route raises, by name. */
function routeError(name: string, query: URLSearchParams): unknown {
  switch (name) {
    case 'hash':
      return new DefenderApiError('InvalidHashValue', { params: { hash: query.get('hash') ?? 'abc' }, target: TRACKING_ID });
    case 'quota':
      return new DefenderApiError('TooManyRequests', { retryAfter: 29.2, target: TRACKING_ID });
    case 'huge-retry':
      return new DefenderApiError('TooManyRequests', { retryAfter: 1e308, target: TRACKING_ID });
    case 'crash':
      return Object.assign(new Error(`connect failed: ${SECRET}`), { code: 'ECONNREFUSED' });
    case 'unknown-5xx':
      return new DefenderApiError<string>(SECRET, { status: 500, target: TRACKING_ID });
    case 'forwarded':
      return DefenderApiError.fromParsed(parseErrorBody({ error: { code: 'ResourceNotFound', message: 'Machine 7 was not found.', target: TRACKING_ID } }, { status: 404 }));
    case 'http-error':
      return Object.assign(new Error(`Gone: ${SECRET}`), { status: 410, statusCode: 410, expose: true });
    case 'thrown-string':
      return SECRET;
    default:
      return new DefenderApiError('NotFound', { target: TRACKING_ID });
  }
}

function errorFor(url: string): unknown {
  const parsed = new URL(url, 'http://127.0.0.1');
  return routeError(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '', parsed.searchParams);
}

async function listen(listener: RequestListener): Promise<TestServer> {
  return startServer(listener);
}

async function startFastify(): Promise<TestServer & { app: FastifyInstance }> {
  const app = Fastify({
    bodyLimit: 64,
    serverFactory: (handler) => createServer({ maxHeaderSize: 64 * 1024 }, handler),
  });
  app.setErrorHandler(fastifyErrorHandler({ onError: (error) => fastifyErrors.push(error) }));
  app.addHook('onSend', async (_request, reply, payload) => {
    fastifyStatuses.push(reply.statusCode);
    return payload;
  });
  app.get('/validated', { schema: { querystring: { type: 'object', required: ['hash'], properties: { hash: { type: 'string', minLength: 64 } } } } }, () => ({ ok: true }));
  app.post('/echo', (request) => ({ received: request.body }));
  app.get('/late', async (_request, reply) => {
    reply.raw.end('partial');
    throw new Error('after the response');
  });
  app.get('/*', (request) => {
    throw errorFor(request.url);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, port, origin: `http://127.0.0.1:${port}`, close: () => app.close() };
}

function plainHandler(request: Request): Response {
  try {
    throw errorFor(request.url);
  } catch (error) {
    return toResponse(error, request);
  }
}

const servers: Record<string, TestServer> = {};
/** The statuses Fastify's `onSend` hook saw: the error handler answered through `reply`. */
const fastifyStatuses: number[] = [];
/** What Fastify's error handler was told of (its `onError`). */
const fastifyErrors: unknown[] = [];
let fastify: TestServer & { app: FastifyInstance };

beforeAll(async () => {
  const handleError = errorHandler();
  servers['node:http'] = await listen((req: IncomingMessage, res: ServerResponse) => handleError(errorFor(req.url ?? '/'), req, res, () => res.destroy()));

  const app = express();
  app.disable('x-powered-by');
  app.post('/echo', express.json({ limit: 64 }), (req, res) => void res.json({ received: req.body as unknown }));
  app.use((req) => {
    throw errorFor(req.url);
  });
  app.use(errorHandler());
  servers['Express 5'] = await listen(app);

  fastify = await startFastify();
  servers['Fastify 5'] = fastify;

  const hono = new Hono();
  const respond = errorResponder();
  hono.all('*', (c) => {
    throw errorFor(c.req.url);
  });
  hono.onError((error, c) => respond(error, c.req.raw));
  servers['Hono'] = await listen(getRequestListener(hono.fetch));

  servers['Request handler'] = await listen(getRequestListener(plainHandler));
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function comparable(status: number, headers: Iterable<[string, string]>, body: string): Answer {
  const kept = [...headers].filter(([name]) => !TRANSPORT_HEADERS.has(name.toLowerCase())).map(([name, value]) => [name.toLowerCase(), value] as const);
  return { status, headers: Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b))), body };
}

/** The answer of every adapter to one request, by adapter name. */
async function askAll(path: string, init: RequestInit = {}): Promise<Record<string, Answer>> {
  const entries = await Promise.all(
    Object.entries(servers).map(async ([name, server]) => {
      const response = await fetch(`${server.origin}${path}`, init);
      return [name, comparable(response.status, response.headers, await response.text())] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function askAllRaw(path: string, block: string | Buffer): Promise<Record<string, Answer>> {
  const entries = await Promise.all(
    Object.entries(servers).map(async ([name, server]) => {
      const response: RawResponse = await rawRequest(server.port, path, block);
      return [name, comparable(response.status, Object.entries(response.headers), response.body)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** All adapters gave the same answer: returns it. */
function same(answers: Record<string, Answer>): Answer {
  const [first, ...others] = Object.values(answers);
  expect(Object.keys(answers)).toEqual(['node:http', 'Express 5', 'Fastify 5', 'Hono', 'Request handler']);
  for (const [name, answer] of Object.entries(answers)) expect({ name, ...answer }).toEqual({ name, ...first });
  expect(others.length).toBe(4);
  return first as Answer;
}

describe('every adapter answers the same, for each of the Accept-Language headers of the node tests', () => {
  it('has the 40 headers', () => {
    expect(ACCEPT_LANGUAGE_CASES).toHaveLength(40);
  });

  it.each(ACCEPT_LANGUAGE_CASES.map(([header, lng]) => [header === undefined ? '(none)' : JSON.stringify(header.slice(0, 50)), header, lng] as const))(
    'Accept-Language %s',
    async (_label, header, lng) => {
      const answer = same(await askAll('/hash?hash=abc', { headers: header === undefined ? {} : { 'accept-language': header } }));
      expect(answer.status).toBe(400);
      expect(answer.headers).toEqual({
        'content-language': lng,
        'content-length': String(Buffer.byteLength(answer.body)),
        'content-type': 'application/json; charset=utf-8',
        vary: 'Accept-Language',
        'x-content-type-options': 'nosniff',
      });
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'InvalidHashValue', message: bodyMessage(translator, 'InvalidHashValue', { hash: 'abc' }, lng), target: TRACKING_ID },
      });
    },
  );
});

describe('every adapter answers the same for each kind of error', () => {
  it('429 with Retry-After in whole seconds', async () => {
    const answer = same(await askAll('/quota', { headers: { 'accept-language': 'da' } }));
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('30');
  });

  it('a Retry-After of 1e308: one day, not 1e+308', async () => {
    const answer = same(await askAll('/huge-retry'));
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('86400');
  });

  it('a crash: 500 InternalServerError with a fresh tracking ID and nothing of the error', async () => {
    const answers = await askAll('/crash', { headers: { 'accept-language': 'da' } });
    const targets = Object.values(answers).map((answer) => (JSON.parse(answer.body) as { error: { target: string } }).error.target);
    expect(new Set(targets).size).toBe(5);
    const normalized = Object.fromEntries(Object.entries(answers).map(([name, answer], index) => [name, { ...answer, body: answer.body.replace(targets[index] as string, 'T') }]));
    const answer = same(normalized);
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('hunter2');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'InternalServerError', message: translator.format('InternalServerError', {}, { lng: 'da-DK' }), target: 'T' } });
  });

  it('an unknown code in a 5xx: a registry code only (issue 18 point 6)', async () => {
    const answer = same(await askAll('/unknown-5xx'));
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('hunter2');
    expect(answer.body).not.toContain('db-7');
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'InternalServerError', target: TRACKING_ID } });
  });

  it('a forwarded 4xx keeps its tracking ID, re-rendered in the client’s language', async () => {
    const answer = same(await askAll('/forwarded', { headers: { 'accept-language': 'da' } }));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'ResourceNotFound', message: translator.describe(routeError('forwarded', new URLSearchParams()), { lng: 'da-DK' }).message, target: TRACKING_ID } });
    expect(answer.body).not.toContain('was not found');
  });

  it('an Error with a 4xx status (http-errors) answers that status with the fallback code, none of its text', async () => {
    const answers = await askAll('/http-error');
    for (const answer of Object.values(answers)) {
      expect(answer.status).toBe(410);
      expect(answer.body).not.toContain('hunter2');
      expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('BadRequest');
    }
  });

  it('a thrown string: 500, nothing of it', async () => {
    for (const answer of Object.values(await askAll('/thrown-string'))) {
      expect(answer.status).toBe(500);
      expect(answer.body).not.toContain('hunter2');
    }
  });

  it('HEAD: the same headers, no body', async () => {
    const answer = same(await askAll('/hash?hash=abc', { method: 'HEAD', headers: { 'accept-language': 'da' } }));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-language']).toBe('da-DK');
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(0);
    expect(answer.body).toBe('');
  });

  it.each([
    ['UTF-8 language names', 'Accept-Language: 日本語, dänisch, da;q=0.5\r\n', 'da-DK'],
    ['Latin-1 bytes', Buffer.from('Accept-Language: d\u00e4, \u00ff\u00fe, da;q=0.2\r\n', 'latin1'), 'da-DK'],
    ['a CRLF-injected header after the value', 'Accept-Language: en-GB\r\nX-Injected: da\r\n', 'en-US'],
    ['a second Accept-Language line', 'Accept-Language: fr\r\nAccept-Language: da\r\n', 'da-DK'],
  ] as const)('over a raw socket, %s', async (_label, block, lng) => {
    const answer = same(await askAllRaw('/hash?hash=abc', block));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-language']).toBe(lng);
    expect(answer.headers['x-injected']).toBeUndefined();
  });
});

describe('framework errors keep their status', () => {
  it('Express: body-parser’s entity.parse.failed answers 400, too large 413', async () => {
    const bad = await fetch(`${servers['Express 5']?.origin}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
    const large = await fetch(`${servers['Express 5']?.origin}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(200) }) });
    expect(large.status).toBe(413);
  });

  it('Fastify: schema validation 400, unsupported media type 415, body too large 413, through reply (no hijack)', async () => {
    fastifyStatuses.length = 0;
    const invalid = await fetch(`${fastify.origin}/validated?hash=abc`, { headers: { 'accept-language': 'da' } });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-language')).toBe('da-DK');
    const body = (await invalid.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toBe(translator.format('BadRequest', {}, { lng: 'da-DK' }));
    const media = await fetch(`${fastify.origin}/echo`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a/>' });
    expect(media.status).toBe(415);
    await media.body?.cancel();
    const large = await fetch(`${fastify.origin}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(200) }) });
    expect(large.status).toBe(413);
    await large.body?.cancel();
    expect(fastifyStatuses).toEqual([400, 415, 413]);
  });

  it('Fastify: an error after the response was sent leaves the reply alone', async () => {
    fastifyErrors.length = 0;
    const response = await fetch(`${fastify.origin}/late`);
    expect(await response.text()).toBe('partial');
    expect(fastifyErrors).toEqual([]);
  });
});
