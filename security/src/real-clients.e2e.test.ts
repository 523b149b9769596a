import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDefaultHttpClient, createEmptyPipeline, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { DefenderApiError, fallbackCodeForStatus, readError } from '@defender-errors/core';
import { errorResponder } from '@defender-errors/http';
import { createErrorTranslator, matchLocale, SOURCE_LOCALE, type ErrorDescription } from '@defender-errors/i18n';
import { errorHandler, fastifyErrorHandler, formatForTerminal } from '@defender-errors/node';
import { DefenderError } from '@defender-errors/react';
import { HOSTILE_VALUE_FACTORIES } from '@defender-errors/test-support';
import { getRequestListener } from '@hono/node-server';
import { DefaultApiError } from '@microsoft/kiota-abstractions';
import { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import axios from 'axios';
import { build } from 'esbuild';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { createInstance } from 'i18next';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../packages/browser/test/support/chromium';
import type { RenderedError } from './pages/real-clients.page';

// Issue 13 point 5 across the adapters: real clients (axios, @azure/core-rest-pipeline, the
// Microsoft Graph client's Client.api().get(), fetch, a Kiota ApiError of the real package) call a
// loopback stand-in of the Defender API; what each throws goes to describe, to a proxy service
// (Express 5 + errorHandler, Fastify 5 + fastifyErrorHandler, Hono + errorResponder) that re-throws
// it, to formatForTerminal, and, run in Chromium with fetch and the browser build of axios, to
// renderError. core's own reading of the same clients is packages/core/src/info.clients.test.ts.

const TARGET = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const REQUEST_ID = '7b5e1f2a-8c3d-4e9f-a1b2-c3d4e5f60718';

interface Answer {
  readonly status: number;
  readonly body: { readonly error: Record<string, unknown> };
  readonly headers?: Readonly<Record<string, string>>;
  /** What every adapter must keep of it. */
  readonly expected: { readonly code: string; readonly status: number; readonly target: string; readonly serverMessage: string; readonly retryAfter: number | undefined };
}

const ANSWERS: Readonly<Record<string, Answer>> = {
  '/api/machines/123': {
    status: 404,
    body: { error: { code: 'ResourceNotFound', message: 'Machine 123 was not found.', target: TARGET } },
    expected: { code: 'ResourceNotFound', status: 404, target: TARGET, serverMessage: 'Machine 123 was not found.', retryAfter: undefined },
  },
  '/api/indicators': {
    status: 400,
    body: { error: { code: 'InvalidUrl', message: 'URL http:/x is invalid.', target: TARGET } },
    expected: { code: 'InvalidUrl', status: 400, target: TARGET, serverMessage: 'URL http:/x is invalid.', retryAfter: undefined },
  },
  '/api/advancedqueries/run': {
    status: 429,
    body: { error: { code: 'TooManyRequests', message: 'Rate limit is exceeded.', target: TARGET } },
    headers: { 'retry-after': '30' },
    expected: { code: 'TooManyRequests', status: 429, target: TARGET, serverMessage: 'Rate limit is exceeded.', retryAfter: 30 },
  },
  '/v1.0/security/runHuntingQuery': {
    status: 500,
    body: { error: { code: 'UnknownError', message: 'The query failed.', innerError: { date: '2025-06-15T12:00:00', 'request-id': REQUEST_ID, 'client-request-id': 'c0ffee00-0000-4000-8000-000000000000' } } },
    expected: { code: 'UnknownError', status: 500, target: REQUEST_ID, serverMessage: 'The query failed.', retryAfter: undefined },
  },
};
const PATHS = Object.keys(ANSWERS);
const CLIENTS = ['axios', 'Azure RestError', 'Graph Client.api().get()', 'Kiota ApiError', 'fetch + readError'] as const;
type ClientName = (typeof CLIENTS)[number];

const PROXIES = ['Express 5 + errorHandler', 'Fastify 5 + fastifyErrorHandler', 'Hono + errorResponder'] as const;
const DANISH = matchLocale('da');

const translator = createErrorTranslator();
/** The page of the Chromium tests, bundled once: path -> JavaScript. */
let pageScripts = new Map<string, string>();
const servers: Server[] = [];
let api = '';

/** Starts a loopback server for `listener` and returns its origin; every one is closed after the suite. */
async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The Defender API stand-in; it also serves the Chromium page, so that the page's requests are same-origin. */
const defenderApi: RequestListener = (request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  request.resume();
  const answer = ANSWERS[path];
  if (answer) {
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    response.end(JSON.stringify(answer.body));
    return;
  }
  if (path === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>real clients</title><script type="module" src="/page.js"></script></head><body><div id="errors"></div></body></html>');
    return;
  }
  const script = pageScripts.get(path);
  response.writeHead(script === undefined ? 404 : 200, { 'content-type': 'text/javascript; charset=utf-8' });
  response.end(script ?? '');
};

/** What `request` rejects with; resolving is a failure of the test (a client must throw for these answers). */
function rejection(request: Promise<unknown>): Promise<unknown> {
  return request.then(
    () => Promise.reject(new Error('expected the client to throw')),
    (error: unknown) => error,
  );
}

/** What `client` gives a user for the API's answer at `path`: the value it throws (or, for fetch, what readError reads). */
async function clientError(client: ClientName, path: string): Promise<unknown> {
  const url = api + path;
  switch (client) {
    case 'axios':
      return rejection(axios.get(url, { timeout: 10_000 }));
    case 'Azure RestError': {
      // As Azure SDK clients build it: the pipeline's response, the body's code.
      const request = createPipelineRequest({ url, timeout: 10_000, allowInsecureConnection: true });
      const response = await createEmptyPipeline().sendRequest(createDefaultHttpClient(), request);
      const code = (JSON.parse(response.bodyAsText ?? '{}') as { error: { code: string } }).error.code;
      return new RestError(`Request failed with ${response.status}`, { code, statusCode: response.status, request, response });
    }
    case 'Graph Client.api().get()': {
      const graph = Client.init({ authProvider: (done) => done(null, 'token'), baseUrl: api, defaultVersion: '' });
      // No retries: the 429 is to reach the adapters, not to be waited out.
      return rejection(graph.api(path).middlewareOptions([new RetryHandlerOptions(0, 0)]).get() as Promise<unknown>);
    }
    case 'Kiota ApiError': {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as { error: Record<string, unknown> & { innerError?: Record<string, string> } };
      // As the Kiota fetch adapter and msgraph-sdk's deserializer build it (see the core test).
      const error = Object.assign(new DefaultApiError(String(body.error['message'])), {
        error: { ...body.error, innerError: body.error.innerError && { requestId: body.error.innerError['request-id'] } },
      });
      error.responseStatusCode = response.status;
      error.responseHeaders = Object.fromEntries([...response.headers].map(([name, value]) => [name, [value]]));
      return error;
    }
    case 'fetch + readError':
      return readError(await fetch(url, { signal: AbortSignal.timeout(10_000) }));
  }
}

/** What a proxy re-throws: the client's error, or for fetch the DefenderApiError of what readError read. */
async function upstreamError(client: ClientName, path: string): Promise<unknown> {
  const error = await clientError(client, path);
  return error instanceof Error ? error : DefenderApiError.fromParsed(error as Parameters<typeof DefenderApiError.fromParsed>[0]);
}

function proxyRequest(url: URL): [ClientName, string] {
  return [url.searchParams.get('client') as ClientName, url.searchParams.get('path') ?? '/'];
}

const proxies: Partial<Record<(typeof PROXIES)[number], string>> = {};

beforeAll(async () => {
  api = await listen(defenderApi);

  const expressApp = express();
  expressApp.get('/proxy', async (req) => {
    const [client, path] = proxyRequest(new URL(req.originalUrl, 'http://x'));
    throw await upstreamError(client, path);
  });
  expressApp.use(errorHandler());
  proxies['Express 5 + errorHandler'] = await listen(expressApp);

  const fastify = Fastify({ serverFactory: (handler) => {
    const server = createServer(handler);
    servers.push(server);
    return server;
  } });
  fastify.setErrorHandler(fastifyErrorHandler());
  fastify.get('/proxy', async (request) => {
    const [client, path] = proxyRequest(new URL(request.url, 'http://x'));
    throw await upstreamError(client, path);
  });
  proxies['Fastify 5 + fastifyErrorHandler'] = await fastify.listen({ port: 0, host: '127.0.0.1' });

  const hono = new Hono();
  const respond = errorResponder();
  hono.get('/proxy', async (c) => {
    const [client, path] = proxyRequest(new URL(c.req.url));
    throw await upstreamError(client, path);
  });
  hono.onError((error, c) => respond(error, c.req.raw));
  proxies['Hono + errorResponder'] = await listen(getRequestListener(hono.fetch));

  const bundled = await build({
    entryPoints: { page: fileURLToPath(new URL('pages/real-clients.page.ts', import.meta.url)) },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'virtual-out',
    write: false,
    logLevel: 'silent',
  });
  pageScripts = new Map(bundled.outputFiles.map((file) => [`/${file.path.slice(file.path.lastIndexOf('/') + 1)}`, file.text]));
}, 60_000);

afterAll(async () => {
  await Promise.all(
    servers.map(async (server) => {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    }),
  );
});

/** Text as React writes it into HTML. */
function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;');
}

function expectKept(description: ErrorDescription, answer: Answer): void {
  const { code, status, target, serverMessage, retryAfter } = answer.expected;
  expect(description).toMatchObject({ code, known: true, status, target, serverMessage, retryAfter });
}

describe.each(CLIENTS)('%s', (client) => {
  it.each(PATHS)('describe: code, status, tracking ID, server message and retry of %s', async (path) => {
    const answer = ANSWERS[path]!;
    const description = translator.describe(await clientError(client, path));
    expectKept(description, answer);
    expect(description.message).toBe(translator.describe(answer.body, { lng: SOURCE_LOCALE }).message);
  });

  it.each(PATHS)('formatForTerminal of %s shows the code, status, tracking ID and retry', async (path) => {
    const { code, status, target, retryAfter } = ANSWERS[path]!.expected;
    const error = await clientError(client, path);
    const text = formatForTerminal(error, { color: false });
    const description = translator.describe(error);
    const labels = translator.labels(description.lng);
    expect(text.split('\n')[0]).toBe(description.message);
    expect(text).toContain(`${labels.code}:`);
    expect(text).toMatch(new RegExp(`\\b${code}\\b`));
    expect(text).toContain(`${status} ${description.title}`);
    expect(text).toContain(target);
    if (retryAfter === undefined) expect(text).not.toContain(labels.retryAfter(30));
    else expect(text).toContain(labels.retryAfter(retryAfter));
  });

  describe.each(PROXIES)('a proxy on %s that re-throws it', (proxy) => {
    it.each(PATHS)('answers %s with its status, code, tracking ID and Retry-After, in the client’s language', async (path) => {
      const answer = ANSWERS[path]!;
      const { code, status, target, serverMessage, retryAfter } = answer.expected;
      const url = `${proxies[proxy]}/proxy?client=${encodeURIComponent(client)}&path=${encodeURIComponent(path)}`;
      const response = await fetch(url, { headers: { 'accept-language': 'da, en;q=0.5' }, signal: AbortSignal.timeout(20_000) });
      const body = (await response.json()) as { error: { code: string; message: string; target: string } };
      expect(response.status).toBe(status);
      expect(response.headers.get('content-language')).toBe(DANISH);
      expect(body.error.code).toBe(code);
      expect(body.error.target).toBe(target);
      expect(response.headers.get('retry-after')).toBe(retryAfter === undefined ? null : String(retryAfter));
      // With Retry-After, the wait follows the message in the client's language.
      const wait = retryAfter === undefined ? '' : ` ${translator.labels(DANISH).retryAfter(retryAfter)}`;
      if (status >= 500) {
        // A 5xx tells nothing of the upstream's text: the generic text of its status.
        expect(body.error.message).toBe(`${translator.format(fallbackCodeForStatus(status), {}, { lng: DANISH })}${wait}`);
        expect(body.error.message).not.toContain(serverMessage);
      } else {
        expect(body.error.message).toBe(`${translator.describe(answer.body, { lng: DANISH }).message}${wait}`);
      }
    });
  });
});

describe('the app language through the adapters (an app i18next instance, no lng anywhere)', () => {
  it.each(['da-DK', 'da'])('on %s: describe, formatForTerminal and <DefenderError> in Danish, then English after changeLanguage(en-US)', async (lng) => {
    const app = createInstance();
    await app.init({ lng, fallbackLng: 'en', resources: { [lng]: { translation: {} } } });
    const following = createErrorTranslator({ i18n: app });
    const error = await clientError('axios', '/api/indicators');
    const danish = translator.describe(error, { lng: DANISH });
    const english = translator.describe(error, { lng: SOURCE_LOCALE });
    expect(danish.message).not.toBe(english.message);

    expect(following.describe(error)).toMatchObject({ lng: DANISH, message: danish.message, target: TARGET });
    const terminal = formatForTerminal(error, { color: false, translator: following });
    expect(terminal.split('\n')[0]).toBe(danish.message);
    expect(terminal).toContain(`${translator.labels(DANISH).trackingId}:`);
    const react = (): string => renderToString(createElement(I18nextProvider, { i18n: app }, createElement(DefenderError, { error })));
    expect(react()).toContain(`lang="${DANISH}"`);
    expect(react()).toContain(escapeHtml(danish.message));

    await app.changeLanguage('en-US');
    expect(following.describe(error)).toMatchObject({ lng: SOURCE_LOCALE, message: english.message });
    expect(formatForTerminal(error, { color: false, translator: following })).toContain(`${translator.labels(SOURCE_LOCALE).trackingId}:`);
    expect(react()).toContain(`lang="${SOURCE_LOCALE}"`);
    expect(react()).toContain(escapeHtml(english.message));
  });
});

describe('renderError in Chromium: fetch and the browser build of axios in the page', () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  async function openPage(): Promise<{ page: Page; problems: string[] }> {
    browser ??= await launchChromium();
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${api}/`);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    return { page, problems };
  }

  function expectRendered(rendered: RenderedError | string, answer: Answer, lng: string): void {
    const { code, status, target, retryAfter } = answer.expected;
    const description = translator.describe(answer.body, { lng });
    const labels = translator.labels(lng);
    expect(rendered).toMatchObject({
      code,
      status: String(status),
      lang: lng,
      message: description.message,
      trackingId: target,
      trackingLabel: labels.trackingId,
      retry: retryAfter === undefined ? undefined : labels.retryAfter(retryAfter),
    });
  }

  it.each(PATHS)('%s: the Response read by readError, and the AxiosError as it is', async (path) => {
    const { page, problems } = await openPage();
    const answer = ANSWERS[path]!;
    // Retry-After is read from the response headers; the page is same-origin, so axios and fetch see it.
    expectRendered(await page.evaluate((p) => window.proof.fetched(p), path), answer, SOURCE_LOCALE);
    expectRendered(await page.evaluate((p) => window.proof.axios(p), path), answer, SOURCE_LOCALE);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('renderError and buildErrorView never throw for hostile values made in the page', async () => {
    const { page, problems } = await openPage();
    const views = await page.evaluate(() => window.proof.hostile());
    expect(views).toHaveLength(2 * HOSTILE_VALUE_FACTORIES.length);
    for (const view of views) {
      expect(typeof view, String(view)).toBe('object');
      const { code, status, trackingId } = view as RenderedError;
      // What could be read survives (a frozen or null-prototype body); anything unreadable is an internal error.
      expect(code === 'InternalServerError' ? status === '500' : ['InvalidUrl', 'InvalidHashValue'].includes(code ?? '')).toBe(true);
      expect(trackingId === 't' || trackingId === translator.labels(SOURCE_LOCALE).noTrackingId).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(['da-DK', 'da'])('an app i18next instance on %s: Danish without lng, English after changeLanguage(en-US)', async (lng) => {
    const { page, problems } = await openPage();
    const answer = ANSWERS['/api/advancedqueries/run']!;
    const [before, after] = await page.evaluate(([p, l]) => window.proof.appLanguage(p, l), ['/api/advancedqueries/run', lng] as const);
    expectRendered(before!, answer, matchLocale('da'));
    expectRendered(after!, answer, SOURCE_LOCALE);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
