import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { DefenderApiError } from '@defender-errors/core';
import { errorHandler, sendError } from '@defender-errors/node';
import { SCENARIOS, findScenario, type Scenario } from '../scenarios';

/**
 * The page's policy: no inline script or style, no eval, no plugins, Trusted Types enforced. The
 * page renders server text with text nodes only, so it needs none of them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options of {@link createDemoServer}. */
export interface DemoServerOptions {
  /** The Vite-built page (`dist/public`). */
  readonly publicDir: string;
  /** Where to report errors the API did not expect (default: stderr). */
  readonly log?: (line: string) => void;
}

/** The error a scenario stands for, as the server would throw it. */
export function scenarioError(scenario: Scenario): DefenderApiError<string> {
  return new DefenderApiError<string>(scenario.code, {
    params: scenario.params ?? {},
    serverMessage: scenario.serverMessage,
    status: scenario.status,
    retryAfter: scenario.retryAfter,
  });
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** `GET /api/errors` lists the scenarios; `GET /api/errors/<code>[?variant=…]` answers one as the Defender API would (English wire text). */
function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): void {
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, new DefenderApiError('BadRequest', { status: 405, serverMessage: `Method ${req.method ?? ''} is not allowed here.` }), { req, localize: false });
    return;
  }
  if (url.pathname === '/api/errors') {
    sendJson(res, 200, SCENARIOS.map(({ path, code, variant }) => ({ path, code, variant: variant ?? null })));
    return;
  }
  const match = /^\/api\/errors\/([^/]+)$/.exec(url.pathname);
  const code = match ? safeDecode(match[1] ?? '') : undefined;
  const scenario = code === undefined ? undefined : findScenario(code, url.searchParams.get('variant'));
  if (!scenario) {
    sendError(res, new DefenderApiError('ResourceNotFound', { params: { resource: url.pathname } }), { req, localize: false });
    return;
  }
  sendError(res, scenarioError(scenario), { req, localize: false });
}

/** Serves a file of the built page; paths outside `publicDir` and folders are not found. */
async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL, publicDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const root = resolve(publicDir);
  const relative = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
  const file = resolve(join(root, relative));
  const inside = file.startsWith(root + sep);
  const info = inside ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': info.size };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cache-Control'] = 'no-cache';
  } else if (relative.startsWith('assets/')) {
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/**
 * The demo's HTTP server: the local API (built on `@defender-errors/node`) and the static page.
 * Not listening yet: call `listen(port, '127.0.0.1')`.
 */
export function createDemoServer(options: DemoServerOptions): Server {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const handleError = errorHandler({
    localize: false,
    onError: (error, _req, sent) => log(`[demo] unexpected error, tracking ID ${sent.target}: ${String(error)}`),
  });
  return createServer((req, res) => {
    securityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    const work = url.pathname === '/api' || url.pathname.startsWith('/api/')
      ? Promise.resolve().then(() => handleApi(req, res, url))
      : handleStatic(req, res, url, options.publicDir);
    work.catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else handleError(error, req, res, () => res.destroy());
    });
  });
}
