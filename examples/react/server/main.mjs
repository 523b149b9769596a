#!/usr/bin/env node
// Serves the built dashboard (dist/public) on 127.0.0.1 under a strict CSP with Trusted Types, and
// proxies /api/* to the demo's own built API server (examples/demo), which it starts on a free port.
// PORT (default 5174; 0 picks a free port). Prints the URL.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 5174;
const publicDir = fileURLToPath(new URL('../dist/public', import.meta.url));
const demoServer = join(dirname(createRequire(import.meta.url).resolve('@defender-errors/demo/package.json')), 'dist/server/main.js');

/** The dashboard's policy: no inline script or style, no eval, Trusted Types enforced. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'";
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

function fail(message, code) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readPort(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`PORT must be a number from 0 to 65535, not "${value}".`, 2);
  return port;
}

const port = readPort(process.env.PORT);
for (const file of [join(publicDir, 'index.html'), demoServer]) {
  if (!existsSync(file)) fail(`${file} is missing: build first (pnpm turbo run build --filter=@defender-errors/react-example...).`, 1);
}

/** Starts the demo's API server on a free port and resolves to its origin. */
function startApi() {
  const child = spawn(process.execPath, [demoServer], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveOrigin, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) resolveOrigin({ child, origin: match[0] });
    });
    child.once('exit', (code) => reject(new Error(`the demo API exited with ${code}`)));
  });
}

const api = await startApi().catch((error) => fail(`The dashboard could not start the demo API: ${error.message}.`, 1));

function proxy(req, res) {
  const upstream = request(`${api.origin}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(api.origin).host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad gateway\n');
  });
  req.pipe(upstream);
}

async function serveFile(req, res, pathname) {
  const root = resolve(publicDir);
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = resolve(join(root, relative));
  const info = file.startsWith(root + sep) ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile() || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { 'Content-Type': type, 'Content-Length': info.size, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) Object.assign(headers, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-cache' });
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

const server = createServer((req, res) => {
  let pathname;
  try {
    pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (pathname === '/api' || pathname.startsWith('/api/')) proxy(req, res);
  else serveFile(req, res, pathname).catch(() => res.destroy());
});

const stop = () => {
  api.child.kill('SIGTERM');
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('error', (error) => {
  api.child.kill('SIGTERM');
  fail(`The dashboard could not start: ${error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT to another one)` : error.message}.`, 1);
});
server.listen(port, HOST, () => {
  process.stdout.write(`defender-errors React dashboard: http://${HOST}:${server.address().port}/\n`);
});
