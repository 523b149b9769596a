// The server side of security/load.mjs: an Express 5 app whose routes raise every kind of error
// into the @defender-errors/node error handler, on 127.0.0.1 on a free port. Run with --expose-gc;
// it talks to its parent over IPC: it sends { port } once listening, and answers { type: 'heap' }
// with the heap used after a forced garbage collection, and the counts it has seen.
import { createRequire } from 'node:module';
import { DefenderApiError, parseErrorBody } from '@defender-errors/core';
import { errorHandler } from '@defender-errors/node';

const require = createRequire(import.meta.url);
const express = require('express');

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
      return Object.assign(new Error(`connect failed: ${SECRET}`, { cause: new Error(SECRET) }), { status: 418, code: 'ECONNREFUSED' });
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

const app = express();
app.disable('x-powered-by');
app.use((req, _res, next) => {
  counts.requests += 1;
  next();
});
app.get('/ok', (_req, res) => res.json({ ok: true }));
app.get('/:mode/:kind', (req, _res, next) => next(routeError(req.params.kind, req.query)));
app.get('/:kind', (req, _res, next) => next(routeError(req.params.kind, req.query)));
const onError = () => {
  counts.handled += 1;
};
const problem = errorHandler({ problemJson: true, onError });
const standard = errorHandler({ onError });
app.use((error, req, res, next) => (req.path.startsWith('/problem/') ? problem : standard)(error, req, res, next));

const server = app.listen(0, '127.0.0.1', () => {
  process.send({ type: 'listening', port: server.address().port });
});
server.keepAliveTimeout = 30_000;

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
