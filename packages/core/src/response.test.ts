import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, readErrorResponse, type ResponseLike } from './index';

const TARGET = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const DEFENDER_BODY = JSON.stringify({ error: { code: 'InvalidHashValue', message: 'Hash value abc is invalid.', target: TARGET } });
const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
const ONE_MEGABYTE = 1024 * 1024;
/** A body of 1 MB: a valid error body whose message runs far past the cap. */
const HUGE_BODY = `{"error":{"code":"InvalidUrl","target":"${TARGET}","message":"${'a'.repeat(ONE_MEGABYTE)}"}}`;

function jsonResponse(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

describe('readErrorResponse with Response objects', () => {
  it('reads a JSON error body', async () => {
    const info = await readErrorResponse(jsonResponse(DEFENDER_BODY, 400));
    expect(info).toMatchObject({ code: 'InvalidHashValue', known: true, status: 400, message: 'Hash value abc is invalid.', target: TARGET, retryAfter: undefined, raw: DEFENDER_BODY });
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype);
  });

  it('reads an HTML proxy page as the status fallback, keeping the text', async () => {
    const info = await readErrorResponse(new Response(HTML_502, { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(info).toMatchObject({ code: 'InternalServerError', known: false, isErrorBody: false, status: 502, message: undefined, raw: HTML_502 });
  });

  it('reads an empty body and a null body', async () => {
    expect(await readErrorResponse(new Response('', { status: 404 }))).toMatchObject({ code: 'NotFound', known: false, raw: '' });
    expect(await readErrorResponse(new Response(null, { status: 401 }))).toMatchObject({ code: 'Unauthorized', known: false, raw: '' });
  });

  it('reads a body that starts with a UTF-8 BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(DEFENDER_BODY)]);
    const info = await readErrorResponse(new Response(bytes, { status: 400 }));
    expect(info).toMatchObject({ code: 'InvalidHashValue', known: true, target: TARGET });
  });

  it('decodes multi-byte UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ error: { code: 'NotFound', message: 'Ressourcen blev ikke fundet: æøå 😀', target: TARGET } }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < bytes.length; index += 1) controller.enqueue(bytes.subarray(index, index + 1));
        controller.close();
      },
    });
    const info = await readErrorResponse(new Response(stream, { status: 404 }));
    expect(info.message).toBe('Ressourcen blev ikke fundet: æøå 😀');
  });

  it('reads only the first 64 KiB of a 1 MB body, and the code and target sent before the cut survive', async () => {
    const info = await readErrorResponse(jsonResponse(HUGE_BODY, 400));
    expect(typeof info.raw).toBe('string');
    expect((info.raw as string).length).toBe(MAX_BODY_LENGTH);
    expect(HUGE_BODY.startsWith(info.raw as string)).toBe(true);
    expect(info).toMatchObject({ code: 'InvalidUrl', known: true, target: TARGET, message: undefined });
  });

  it('stops reading an endless body at the cap and cancels the stream', async () => {
    let pulledBytes = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(4096));
        pulledBytes += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const info = await readErrorResponse(new Response(stream, { status: 503 }));
    expect(info).toMatchObject({ code: 'InternalServerError', status: 503, isErrorBody: false });
    expect((info.raw as string).length).toBe(MAX_BODY_LENGTH);
    expect(pulledBytes).toBeLessThan(MAX_BODY_LENGTH * 2);
    await Promise.resolve();
    expect(cancelled).toBe(true);
  });

  it('counts a body that fails mid-stream, or was already read, as empty', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    expect(await readErrorResponse(new Response(failing, { status: 500 }))).toMatchObject({ code: 'InternalServerError', raw: '' });
    const used = jsonResponse(DEFENDER_BODY, 400);
    await used.text();
    expect(await readErrorResponse(used)).toMatchObject({ code: 'BadRequest', known: false, raw: '' });
  });

  it('accepts a minimal response-like object, and survives one whose members throw', async () => {
    const minimal: ResponseLike = { status: 403, headers: { get: (name) => (name === 'retry-after' ? '5' : null) }, text: async () => DEFENDER_BODY };
    expect(await readErrorResponse(minimal)).toMatchObject({ code: 'InvalidHashValue', status: 403, retryAfter: 5 });
    const hostile = {
      get status(): number {
        throw new Error('status');
      },
      get headers(): never {
        throw new Error('headers');
      },
      get body(): never {
        throw new Error('body');
      },
    } as unknown as ResponseLike;
    expect(await readErrorResponse(hostile)).toMatchObject({ code: 'InternalServerError', status: 500, retryAfter: undefined, raw: '' });
  });

  describe('Retry-After', () => {
    it('reads delta-seconds', async () => {
      const info = await readErrorResponse(jsonResponse('{"error":{"code":"TooManyRequests"}}', 429, { 'retry-after': '120' }));
      expect(info).toMatchObject({ code: 'TooManyRequests', known: true, status: 429, retryAfter: 120 });
    });

    it('reads an HTTP-date computed in the test', async () => {
      const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
      const info = await readErrorResponse(jsonResponse('', 429, { 'retry-after': inTwoMinutes }));
      expect(info.code).toBe('TooManyRequests');
      // Whole seconds, and the clock moves while the test runs: between 118 and 120.
      expect(info.retryAfter).toBeGreaterThanOrEqual(118);
      expect(info.retryAfter).toBeLessThanOrEqual(120);
    });

    it('reads a date in the past as 0', async () => {
      const info = await readErrorResponse(jsonResponse('', 503, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() }));
      expect(info.retryAfter).toBe(0);
    });

    it.each(['soon', '-1', '1.5', 'Mon, 99 Foo 2025 00:00:00 GMT', '   '])('ignores the garbage value %j', async (value) => {
      const info = await readErrorResponse(jsonResponse('', 429, { 'retry-after': value }));
      expect(info.retryAfter).toBeUndefined();
      expect(info.code).toBe('TooManyRequests');
    });
  });
});

describe('readErrorResponse with a real fetch to a node:http server', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];
  /** How much of the (bounded) endless body the server got to send before the client hung up. */
  let endlessBodyOutcome: Promise<{ closedEarly: boolean; sentBytes: number }>;
  let reportEndlessBody: (outcome: { closedEarly: boolean; sentBytes: number }) => void = () => undefined;
  const ENDLESS_LIMIT = 256 * ONE_MEGABYTE;

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
    '/json': (_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(DEFENDER_BODY);
    },
    '/html': (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' }).end(HTML_502);
    },
    '/empty': (_request, response) => {
      response.writeHead(404).end();
    },
    '/bom': (_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' }).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"error":{"code":"Unauthorized","message":"Unauthorized","target":"' + TARGET + '"}}')]));
    },
    '/huge': (_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' }).end(HUGE_BODY);
    },
    '/endless': (_request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' });
      // "Endless" up to a bound, written only as fast as the client reads, so a client that stops
      // reading leaves nearly all of it unsent.
      const piece = Buffer.alloc(64 * 1024, 'x');
      let sentBytes = 0;
      const sendMore = (): void => {
        while (sentBytes < ENDLESS_LIMIT && !response.destroyed) {
          sentBytes += piece.length;
          if (!response.write(piece)) {
            response.once('drain', sendMore);
            return;
          }
        }
        response.end();
      };
      response.once('close', () => reportEndlessBody({ closedEarly: !response.writableFinished, sentBytes }));
      sendMore();
    },
    '/retry-seconds': (_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' }).end('{"error":{"code":"TooManyRequests","target":"' + TARGET + '"}}');
    },
    '/retry-date': (request, response) => {
      const at = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('at') ?? '';
      response.writeHead(503, { 'retry-after': at }).end();
    },
    '/retry-garbage': (_request, response) => {
      response.writeHead(429, { 'retry-after': 'tomorrow-ish' }).end();
    },
  };

  beforeAll(async () => {
    endlessBodyOutcome = new Promise((resolve) => {
      reportEndlessBody = resolve;
    });
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push(path);
      const route = routes[path];
      if (route) route(request, response);
      else response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Each test makes exactly one request; a client that retried or looped would show here.
    expect(requests.length).toBeLessThanOrEqual(10);
  });

  const get = (path: string): Promise<Response> => fetch(origin + path, { signal: AbortSignal.timeout(10_000) });

  it('JSON', async () => {
    expect(await readErrorResponse(await get('/json'))).toMatchObject({ code: 'InvalidHashValue', known: true, status: 400, message: 'Hash value abc is invalid.', target: TARGET, raw: DEFENDER_BODY });
  });

  it('HTML', async () => {
    expect(await readErrorResponse(await get('/html'))).toMatchObject({ code: 'InternalServerError', known: false, status: 502, isErrorBody: false, raw: HTML_502 });
  });

  it('empty', async () => {
    expect(await readErrorResponse(await get('/empty'))).toMatchObject({ code: 'NotFound', known: false, status: 404, raw: '' });
  });

  it('BOM', async () => {
    expect(await readErrorResponse(await get('/bom'))).toMatchObject({ code: 'Unauthorized', known: true, message: 'Unauthorized', target: TARGET });
  });

  it('1 MB body: only the cap is read; code and target sent before the cut survive', async () => {
    const info = await readErrorResponse(await get('/huge'));
    expect((info.raw as string).length).toBe(MAX_BODY_LENGTH);
    expect(HUGE_BODY.startsWith(info.raw as string)).toBe(true);
    expect(info).toMatchObject({ code: 'InvalidUrl', known: true, status: 400, target: TARGET, message: undefined });
  });

  it('an endless body: reading stops at the cap and the download is cancelled', async () => {
    const info = await readErrorResponse(await get('/endless'));
    expect((info.raw as string).length).toBe(MAX_BODY_LENGTH);
    expect(info).toMatchObject({ code: 'InternalServerError', status: 503, isErrorBody: false });
    const outcome = await endlessBodyOutcome;
    expect(outcome.closedEarly).toBe(true);
    expect(outcome.sentBytes).toBeLessThan(ENDLESS_LIMIT);
  });

  it('Retry-After as delta-seconds', async () => {
    expect(await readErrorResponse(await get('/retry-seconds'))).toMatchObject({ code: 'TooManyRequests', status: 429, retryAfter: 7, target: TARGET });
  });

  it('Retry-After as an HTTP-date', async () => {
    const at = new Date(Date.now() + 300_000).toUTCString();
    const info = await readErrorResponse(await get(`/retry-date?at=${encodeURIComponent(at)}`));
    expect(info.code).toBe('InternalServerError');
    expect(info.retryAfter).toBeGreaterThanOrEqual(298);
    expect(info.retryAfter).toBeLessThanOrEqual(300);
  });

  it('Retry-After garbage', async () => {
    expect(await readErrorResponse(await get('/retry-garbage'))).toMatchObject({ code: 'TooManyRequests', retryAfter: undefined });
  });
});
