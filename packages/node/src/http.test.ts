import type { IncomingMessage, ServerResponse } from 'node:http';
import { DefenderApiError, ERROR_CODES, parseErrorBody } from '@defender-errors/core';
import { createErrorTranslator, resources } from '@defender-errors/i18n';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, sendError, type SentError } from './index';
import { ACCEPT_LANGUAGE_CASES } from './testing/accept-language';
import { bodyMessage } from './testing/body-message';
import { rawRequest, startServer, type TestServer } from './testing/http';

const translator = createErrorTranslator();
const SECRET = 'db-7.internal password=hunter2';
const TRACKING_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

/** The error each test route raises. */
function routeError(name: string, query: URLSearchParams): unknown {
  switch (name) {
    case 'hash':
      return new DefenderApiError('InvalidHashValue', { params: { hash: query.get('hash') ?? 'abc' } });
    case 'tracked':
      return new DefenderApiError('ResourceNotFound', { params: { resource: 'Machine 42' }, target: TRACKING_ID });
    case 'quota':
      return new DefenderApiError('TooManyRequests', { retryAfter: 29.2 });
    case 'crash': {
      const error = new Error(`connect failed: ${SECRET}`, { cause: new Error(SECRET) });
      return Object.assign(error, { code: 'ECONNREFUSED', errno: -111 });
    }
    case 'upstream':
      return new DefenderApiError('InternalServerError', { serverMessage: SECRET, message: SECRET, target: TRACKING_ID, cause: new Error(SECRET) });
    case 'gateway':
      return new DefenderApiError('InvalidUrl', { status: 502, params: { url: SECRET }, serverMessage: `URL ${SECRET} is invalid.` });
    case 'unknown':
      return new DefenderApiError<string>('QuotaPolicyChanged', { status: 409, serverMessage: 'Policy changed.' });
    case 'forwarded':
      return DefenderApiError.fromParsed(
        parseErrorBody({ error: { code: 'InvalidHashValue', message: 'Hash value 0xdead is not valid here.', target: TRACKING_ID } }, { status: 400 }),
      );
    case 'thrown-string':
      return SECRET;
    default:
      return new DefenderApiError('NotFound');
  }
}

interface Harness {
  readonly server: TestServer;
  readonly logged: { error: unknown; sent: SentError }[];
}

const MODES = { problem: { problemJson: true }, wire: { localize: false }, standard: {} } as const;

/** Plain `node:http`: the handler is called with a `next` that ends the broken response. */
async function startPlainServer(): Promise<Harness> {
  const logged: Harness['logged'] = [];
  const handlers = Object.fromEntries(
    Object.entries(MODES).map(([mode, options]) => [mode, errorHandler({ ...options, onError: (error, _req, sent) => logged.push({ error, sent }) })]),
  );
  const server = await startServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [first = '', second] = url.pathname.split('/').filter(Boolean);
    const mode = second === undefined ? 'standard' : first;
    const name = second ?? first;
    if (name === 'vary') res.setHeader('Vary', 'Origin');
    if (name === 'late') res.writeHead(200, { 'Content-Type': 'text/plain' }).write('partial');
    const handle = handlers[mode] ?? handlers['standard'];
    handle?.(routeError(name, url.searchParams), req, res, () => res.destroy());
  });
  return { server, logged };
}

/** Express 5: one router per mode, each ending in its own error handler. */
async function startExpressServer(): Promise<Harness> {
  const logged: Harness['logged'] = [];
  const app = express();
  for (const [mode, options] of Object.entries(MODES)) {
    const router = express.Router();
    router.get('/:name', (req, res) => {
      if (req.params.name === 'vary') res.setHeader('Vary', 'Origin');
      if (req.params.name === 'late') res.writeHead(200, { 'Content-Type': 'text/plain' }).write('partial');
      throw routeError(req.params.name, new URL(req.url, 'http://127.0.0.1').searchParams);
    });
    router.use(errorHandler({ ...options, onError: (error, _req, sent) => logged.push({ error, sent }) }));
    app.use(mode === 'standard' ? '/' : `/${mode}`, router);
  }
  const server = await startServer(app);
  return { server, logged };
}


describe.each([
  ['node:http', startPlainServer],
  ['Express 5', startExpressServer],
])('%s server with errorHandler', (_name, start) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await start();
  });
  afterAll(async () => {
    await harness.server.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${harness.server.origin}${path}`, { headers });

  it('tests at least 30 Accept-Language headers', () => {
    expect(ACCEPT_LANGUAGE_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ACCEPT_LANGUAGE_CASES.map(([header, lng]) => [header === undefined ? '(none)' : JSON.stringify(header.slice(0, 60)), header, lng] as const))(
    'Accept-Language %s',
    async (_label, header, lng) => {
      const response = await get('/hash?hash=abc', header === undefined ? {} : { 'accept-language': header });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-language')).toBe(lng);
      expect(response.headers.get('vary')).toBe('Accept-Language');
      expect(response.headers.get('retry-after')).toBeNull();
      const body = (await response.json()) as { error: { code: string; message: string; target: string } };
      expect(Object.keys(body)).toEqual(['error']);
      expect(Object.keys(body.error)).toEqual(['code', 'message', 'target']);
      expect(body.error.code).toBe('InvalidHashValue');
      expect(body.error.message).toBe(bodyMessage(translator, 'InvalidHashValue', { hash: 'abc' }, lng));
      expect(body.error.target).toMatch(UUID);
    },
  );

  it('sends different text per language, each with a fresh tracking ID', async () => {
    const english = (await (await get('/hash?hash=abc', { 'accept-language': 'en' })).json()) as { error: { message: string; target: string } };
    const danish = (await (await get('/hash?hash=abc', { 'accept-language': 'da' })).json()) as { error: { message: string; target: string } };
    expect(danish.error.message).not.toBe(english.error.message);
    expect(danish.error.message).toContain('abc');
    expect(danish.error.target).not.toBe(english.error.target);
  });

  it('keeps the error’s own tracking ID', async () => {
    const response = await get('/tracked', { 'accept-language': 'da' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string; target: string } };
    expect(body.error).toEqual({
      code: 'ResourceNotFound',
      message: translator.format('ResourceNotFound', { resource: 'Machine 42' }, { lng: 'da-DK' }),
      target: TRACKING_ID,
    });
  });

  it('sends Retry-After (whole seconds, rounded up) with 429', async () => {
    const response = await get('/quota', { 'accept-language': 'da' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('content-language')).toBe('da-DK');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TooManyRequests');
    expect(body.error.message).toBe(`${translator.format('TooManyRequests', {}, { lng: 'da-DK' })} ${translator.labels('da-DK').retryAfter(30)}`);
  });

  it('turns any other error into a 500 that leaks nothing, and hands the original to onError', async () => {
    harness.logged.length = 0;
    const response = await get('/crash', { 'accept-language': 'da' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('ECONNREFUSED');
    expect(text).not.toContain('connect failed');
    expect(text).not.toMatch(/\bat\s/);
    const body = JSON.parse(text) as { error: { code: string; message: string; target: string } };
    expect(body.error.code).toBe('InternalServerError');
    expect(body.error.message).toBe(translator.format('InternalServerError', {}, { lng: 'da-DK' }));
    expect(body.error.target).toMatch(UUID);
    expect(harness.logged).toHaveLength(1);
    const [entry] = harness.logged;
    expect((entry?.error as Error).message).toContain('hunter2');
    expect(entry?.sent).toEqual({ status: 500, code: 'InternalServerError', target: body.error.target, lng: 'da-DK', contentType: 'application/json; charset=utf-8' });
  });

  it('sends a thrown non-Error value as a 500 without its text', async () => {
    const response = await get('/thrown-string');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('hunter2');
  });

  it.each(['/upstream', '/wire/upstream', '/problem/upstream'])('hides the server message of a 5xx DefenderApiError (%s)', async (path) => {
    const response = await get(path, { 'accept-language': 'en-GB' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).toContain(TRACKING_ID);
    expect(text).toContain(JSON.stringify(translator.format('InternalServerError', {}, { lng: 'en-US' })));
  });

  it('hides the parameters of a 5xx whose code is a 4xx one', async () => {
    const response = await get('/problem/gateway');
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body['code']).toBe('InvalidUrl');
    expect(body['params']).toEqual({});
    expect(body['detail']).toBe(translator.format('InternalServerError', {}, { lng: 'en-US' }));
  });

  it('sends RFC 9457 problem+json when asked', async () => {
    const response = await get('/problem/tracked', { 'accept-language': 'da' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('da-DK');
    const description = translator.describe(new DefenderApiError('ResourceNotFound', { params: { resource: 'Machine 42' } }), { lng: 'da-DK' });
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: description.title,
      status: 404,
      detail: description.message,
      instance: `urn:uuid:${TRACKING_ID}`,
      code: 'ResourceNotFound',
      params: { resource: 'Machine 42' },
      trackingId: TRACKING_ID,
    });
  });

  it('problem+json for 429 keeps Retry-After and a fresh urn:uuid instance', async () => {
    const response = await get('/problem/quota');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    const body = (await response.json()) as { instance: string; trackingId: string; status: number };
    expect(body.status).toBe(429);
    expect(body.trackingId).toMatch(UUID);
    expect(body.instance).toBe(`urn:uuid:${body.trackingId}`);
  });

  it('localize: false sends the English wire text whatever the client asks', async () => {
    const response = await get('/wire/hash?hash=abc', { 'accept-language': 'da' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('en-US');
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe(bodyMessage(translator, 'InvalidHashValue', { hash: 'abc' }, 'en-US'));
  });

  it('localize: false passes a 4xx server message through verbatim; localized, it is re-rendered', async () => {
    const wire = (await (await get('/wire/forwarded', { 'accept-language': 'da' })).json()) as { error: { code: string; message: string; target: string } };
    expect(wire.error).toEqual({ code: 'InvalidHashValue', message: 'Hash value 0xdead is not valid here.', target: TRACKING_ID });
    const localized = (await (await get('/forwarded', { 'accept-language': 'da' })).json()) as { error: { message: string; target: string } };
    expect(localized.error.message).not.toContain('not valid here');
    expect(localized.error.target).toBe(TRACKING_ID);
  });

  it('keeps an unknown code and its status, with the fallback text', async () => {
    const response = await get('/unknown', { 'accept-language': 'da' });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('QuotaPolicyChanged');
    expect(body.error.message).toBe(translator.describe(new DefenderApiError<string>('QuotaPolicyChanged', { status: 409 }), { lng: 'da' }).message);
  });

  it('adds Accept-Language to an existing Vary header', async () => {
    const response = await get('/vary');
    expect(response.headers.get('vary')).toBe('Origin, Accept-Language');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${harness.server.origin}/hash?hash=abc`, { method: 'HEAD', headers: { 'accept-language': 'da' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('da-DK');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('calls next(err) when the headers were already sent', async () => {
    harness.logged.length = 0;
    const outcome = await get('/late').then(
      async (response) => ({ status: response.status, body: await response.text().catch(() => 'aborted') }),
      () => ({ status: 0, body: 'aborted' }),
    );
    expect(outcome.body === 'aborted' || outcome.body === 'partial').toBe(true);
    expect(outcome.body).not.toContain('InvalidHashValue');
    expect(harness.logged).toHaveLength(0);
  });

  describe('over a raw socket (headers fetch refuses)', () => {
    it.each([
      ['UTF-8 language names', 'Accept-Language: 日本語, dänisch, da;q=0.5\r\n', 'da-DK'],
      ['Latin-1 bytes', Buffer.from('Accept-Language: d\u00e4, \u00ff\u00fe, da;q=0.2\r\n', 'latin1'), 'da-DK'],
      ['a CRLF-injected header after the value', 'Accept-Language: en-GB\r\nX-Injected: da\r\n', 'en-US'],
      ['a second Accept-Language line', 'Accept-Language: fr\r\nAccept-Language: da\r\n', 'da-DK'],
    ] as const)('%s', async (_label, block, lng) => {
      const response = await rawRequest(harness.server.port, '/hash?hash=abc', block);
      expect(response.status).toBe(400);
      expect(response.headers['content-language']).toBe(lng);
      expect(response.headers['x-injected']).toBeUndefined();
      expect(response.headers['vary']).toBe('Accept-Language');
      const body = JSON.parse(response.body) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('InvalidHashValue');
      expect(body.error.message).toBe(bodyMessage(translator, 'InvalidHashValue', { hash: 'abc' }, lng));
    });

    it.each([
      ['a bare CR inside the value', 'Accept-Language: da\rX-Injected: 1\r\n'],
      ['a NUL inside the value', 'Accept-Language: da\u0000en\r\n'],
      ['a bare LF that starts a fake header', 'Accept-Language: da\nX-Injected: 1\r\n'],
      ['an obsolete line folding', 'Accept-Language: en\r\n  da\r\n'],
    ] as const)('%s: refused by Node’s parser before any handler, and the server lives on', async (_label, block) => {
      harness.logged.length = 0;
      const response = await rawRequest(harness.server.port, '/hash?hash=abc', block);
      expect(response.status).toBe(400);
      expect(response.raw).not.toMatch(/x-injected/i);
      expect(response.headers['content-language']).toBeUndefined();
      expect(response.body).not.toContain('InvalidHashValue');
      expect(harness.logged).toHaveLength(0);
      const next = await get('/hash?hash=abc', { 'accept-language': 'da' });
      expect(next.headers.get('content-language')).toBe('da-DK');
      await next.body?.cancel();
    });
  });
});

describe('sendError directly', () => {
  let server: TestServer;
  let respond: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
  beforeAll(async () => {
    server = await startServer((req, res) => respond(req, res));
  });
  afterAll(async () => {
    await server.close();
  });

  it('without a request: en-US, the registry status of every code', async () => {
    for (const code of ERROR_CODES) {
      respond = (_req, res) => void sendError(res, new DefenderApiError(code, { params: {} as never }));
      const response = await fetch(`${server.origin}/`, { headers: { 'accept-language': 'da' } });
      expect(response.headers.get('content-language')).toBe('en-US');
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe(code);
      expect(response.status).toBe(translator.describe(new DefenderApiError(code, { params: {} as never })).status);
    }
  });

  it('an app-chosen lng wins over Accept-Language', async () => {
    respond = (req, res) => void sendError(res, new DefenderApiError('Forbidden'), { req, lng: 'da' });
    const response = await fetch(`${server.origin}/`, { headers: { 'accept-language': 'en' } });
    expect(response.headers.get('content-language')).toBe('da-DK');
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(translator.format('Forbidden', {}, { lng: 'da-DK' }));
  });

  it('negotiates among the locales of an app’s own translator', async () => {
    const own = createErrorTranslator();
    // A reserved tag (qaa-qtz, "for local use"): never a locale the project bundles.
    const added: Record<string, string> = { ...resources['en-US'].errors, 'Forbidden.message': 'Förbjudet.' };
    own.addLocale('qtz-SE', added);
    respond = (req, res) => void sendError(res, new DefenderApiError('Forbidden'), { req, translator: own });
    const response = await fetch(`${server.origin}/`, { headers: { 'accept-language': 'qtz, da;q=0.5' } });
    expect(response.headers.get('content-language')).toBe('qtz-SE');
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Förbjudet.');
  });

  it('returns what it sent, and refuses to write after the headers', async () => {
    const outcomes: unknown[] = [];
    respond = (req, res) => {
      outcomes.push(sendError(res, new DefenderApiError('NotFound', { target: 'not-a-uuid' }), { req, problemJson: true, problemType: (code) => `https://errors.example/${code}` }));
      try {
        sendError(res, new DefenderApiError('NotFound'));
      } catch (error) {
        outcomes.push((error as Error).message);
      }
    };
    const response = await fetch(`${server.origin}/`, { headers: { 'accept-language': 'da-DK' } });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['type']).toBe('https://errors.example/NotFound');
    expect(body['trackingId']).toBe('not-a-uuid');
    expect(body).not.toHaveProperty('instance');
    expect(outcomes).toEqual([
      { status: 404, code: 'NotFound', target: 'not-a-uuid', lng: 'da-DK', contentType: 'application/problem+json; charset=utf-8' },
      expect.stringContaining('already sent'),
    ]);
  });

  it.each([
    [1e308, '86400'],
    [1e12, '86400'],
    [-1, null],
    [Number.NaN, null],
  ])('Retry-After for retryAfter %s is %s: whole seconds within one day, never exponent notation (issue 18.5)', async (retryAfter, expected) => {
    respond = (req, res) => void sendError(res, new DefenderApiError('TooManyRequests', { retryAfter }), { req });
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe(expected);
    await response.body?.cancel();
  });

  it('a 5xx body never echoes an unknown code (issue 18.6)', async () => {
    for (const problemJson of [false, true]) {
      respond = (req, res) => void sendError(res, new DefenderApiError<string>('db-7 password=hunter2', { status: 500 }), { req, problemJson });
      const response = await fetch(`${server.origin}/`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('"code":"db-7 password=hunter2"');
      expect(text).not.toContain('hunter2');
      expect(text).toContain('"code":"InternalServerError"');
    }
  });

  it('errorHandler falls back to a bare 500 when the translator itself fails', async () => {
    const broken = { ...createErrorTranslator(), describe: () => { throw new Error(SECRET); } };
    const seen: unknown[] = [];
    const handle = errorHandler({ translator: broken, onError: (error) => seen.push(error) });
    respond = (req, res) => handle(new DefenderApiError('Forbidden'), req, res, () => res.destroy());
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe('InternalServerError');
    expect(seen).toHaveLength(2);
  });
});
