// The server side of security/load.mjs: an app whose routes raise every kind of error into the
// defender-errors error handler of its framework, on 127.0.0.1 on a free port. The framework is the
// first argument: `express` (Express 5 + errorHandler, the default), `fastify` (Fastify 5 +
// fastifyErrorHandler) or `hono` (Hono on @hono/node-server + errorResponder). Run with --expose-gc;
// it talks to its parent over IPC: it sends { port } once listening, and answers { type: 'heap' }
// with the heap used after a forced garbage collection, and the counts it has seen.
import { createRequire } from 'node:module';
import { DefenderApiError, parseErrorBody } from '@defender-errors/core';
import { errorResponder } from '@defender-errors/http';
import { errorHandler, fastifyErrorHandler } from '@defender-errors/node';
import { serve } from '@hono/node-server';
import Fastify from 'fastify';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const express = require('express');
const framework = process.argv[2] ?? 'express';

/** Text that must never appear in a response: it stands for a database host and password. */
export const SECRET = 'db-7.internal password=hunter2';

const counts = { requests: 0, handled: 0, hookFailures: 0 };

function routeError(kind, query) {
  switch (kind) {
    case 'hash':
      return new DefenderApiError('InvalidHashValue', { params: { hash: String(query.hash ?? 'abc') } });
    case 'batch':
      return new DefenderApiError('MaximumBatchSizeExceeded', { params: { received: 1500, allowed: 1000 } });
    case 'crash':
      return Object.assign(new Error(`connect failed: ${SECRET}`, { cause: new Error(SECRET) }), { code: 'ECONNREFUSED' });
    case 'upstream':
      return new DefenderApiError('InternalServerError', { serverMessage: SECRET, message: SECRET, cause: new Error(SECRET) });
    case 'gateway':
      return new DefenderApiError('InvalidUrl', { status: 502, params: { url: SECRET }, serverMessage: `URL ${SECRET} is invalid.` });
    case 'quota':
      return new DefenderApiError('TooManyRequests', { retryAfter: 29.2 });
    case 'forwarded':
      return DefenderApiError.fromParsed(
        parseErrorBody(`{"error":{"code":"InvalidUrl","message":"URL {{url}} $t(label.copy) is invalid.","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}`, { status: 400 }),
      );
    case 'thrown-string':
      return SECRET;
    default:
      return new DefenderApiError('NotFound');
  }
}

const onError = () => {
  counts.handled += 1;
};
const isProblem = (path) => path.startsWith('/problem/');

/** Express 5 with errorHandler. */
function startExpress(listening) {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, _res, next) => {
    counts.requests += 1;
    next();
  });
  app.get('/ok', (_req, res) => res.json({ ok: true }));
  app.get('/:mode/:kind', (req, _res, next) => next(routeError(req.params.kind, req.query)));
  app.get('/:kind', (req, _res, next) => next(routeError(req.params.kind, req.query)));
  const problem = errorHandler({ problemJson: true, onError });
  const standard = errorHandler({ onError });
  app.use((error, req, res, next) => (isProblem(req.path) ? problem : standard)(error, req, res, next));
  const server = app.listen(0, '127.0.0.1', () => listening(server.address().port));
  server.keepAliveTimeout = 30_000;
  return { closeAllConnections: () => server.closeAllConnections(), close: (done) => server.close(done) };
}

/** Fastify 5 with fastifyErrorHandler (answers through reply). */
function startFastify(listening) {
  const app = Fastify({ keepAliveTimeout: 30_000 });
  app.addHook('onRequest', async () => {
    counts.requests += 1;
  });
  const problem = fastifyErrorHandler({ problemJson: true, onError });
  const standard = fastifyErrorHandler({ onError });
  app.setErrorHandler((error, request, reply) => (isProblem(request.url) ? problem : standard)(error, request, reply));
  app.get('/ok', async () => ({ ok: true }));
  app.get('/:mode/:kind', async (request) => {
    throw routeError(request.params.kind, request.query);
  });
  app.get('/:kind', async (request) => {
    throw routeError(request.params.kind, request.query);
  });
  app.listen({ port: 0, host: '127.0.0.1' }).then(() => listening(app.server.address().port));
  return { closeAllConnections: () => app.server.closeAllConnections(), close: (done) => void app.close().then(done) };
}

/** Hono on @hono/node-server with errorResponder; a first middleware catches what onError never sees (thrown non-Errors). */
function startHono(listening) {
  const app = new Hono();
  const problem = errorResponder({ problem: true });
  const standard = errorResponder();
  const respond = (error, c) => {
    onError();
    return (isProblem(c.req.path) ? problem : standard)(error, c.req.raw);
  };
  app.use(async (c, next) => {
    counts.requests += 1;
    try {
      await next();
    } catch (error) {
      return respond(error, c);
    }
  });
  app.onError(respond);
  app.get('/ok', (c) => c.json({ ok: true }));
  app.get('/:mode/:kind', (c) => {
    throw routeError(c.req.param('kind'), c.req.query());
  });
  app.get('/:kind', (c) => {
    throw routeError(c.req.param('kind'), c.req.query());
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => listening(info.port));
  server.keepAliveTimeout = 30_000;
  return { closeAllConnections: () => server.closeAllConnections(), close: (done) => server.close(done) };
}

const starters = { express: startExpress, fastify: startFastify, hono: startHono };
if (!(framework in starters)) throw new Error(`load-server: unknown framework ${framework}; known: ${Object.keys(starters).join(', ')}`);
const server = starters[framework]((port) => process.send({ type: 'listening', port }));

process.on('message', (message) => {
  if (message?.type === 'heap') {
    globalThis.gc();
    globalThis.gc();
    process.send({ type: 'heap', heapUsed: process.memoryUsage().heapUsed, counts: { ...counts } });
  } else if (message?.type === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
