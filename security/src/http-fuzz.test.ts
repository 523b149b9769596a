import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DefenderApiError } from '@defender-errors/core';
import { errorHandler } from '@defender-errors/node';
import express from 'express';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from './payloads';

/**
 * Header fuzzing over real sockets: requests whose Accept-Language (and other) header values are
 * arbitrary bytes (CR, LF, NUL, Latin-1, UTF-8, 8 KiB) reach a real Express server with the
 * @defender-errors/node error handler. Node's parser refuses some (400, or 431 over 16 KiB, before any handler); every
 * other one gets a well-formed JSON error in a supported language, the handler itself never fails
 * (ERR_INVALID_CHAR would show up as a translator failure handed to onError), and the server
 * answers normally afterwards. Bounded: 400 requests, each with a 5 s socket timeout.
 */

const seed = Number.isSafeInteger(Number(process.env['FC_SEED'])) && process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 20_261_128;
const REQUESTS = 400;

let server: Server;
let port: number;
const handled: unknown[] = [];
const SECRET = 'db-7.internal password=hunter2';

beforeAll(async () => {
  const app = express();
  app.get('/client', (req, _res, next) => next(new DefenderApiError('InvalidHashValue', { params: { hash: String(req.headers['x-hash'] ?? 'abc') }, target: String(req.headers['x-request-id'] ?? '') })));
  app.get('/crash', () => {
    throw new Error(SECRET);
  });
  app.use(errorHandler({ onError: (error) => handled.push(error) }));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function rawRequest(path: string, headerBlock: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`request to ${path} timed out`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const headerEnd = raw.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = raw.slice(0, headerEnd).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: Buffer.from(raw.slice(headerEnd + 4), 'latin1').toString('utf8') });
    });
    socket.end(Buffer.concat([Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`, 'latin1'), headerBlock, Buffer.from('\r\n', 'latin1')]));
  });
}

const byteValue = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }).map((text) => new Uint8Array(Buffer.from(text, 'utf8'))),
  fc.constantFrom(...['da', 'en-GB;q=0.5, da', '*;q=0', 'q=abc', '\r\n', '\r', '\n', '\u0000', '\u00ff\u00fe', 'd\u00e4', 'x'.repeat(8192)].map((text) => new Uint8Array(Buffer.from(text, 'latin1')))),
);

describe(`hostile header bytes over real sockets (fast-check, seed ${seed}, ${REQUESTS} requests)`, () => {
  it('never crash the handler: a 400 from the parser or a well-formed JSON error in a supported language', async () => {
    const samples = fc.sample(fc.tuple(byteValue, byteValue, byteValue, fc.constantFrom('/client', '/crash')), { seed, numRuns: REQUESTS });
    let parsed = 0;
    let refused = 0;
    for (const [language, requestId, hash, path] of samples) {
      handled.length = 0;
      const block = Buffer.concat([
        Buffer.from('Accept-Language: ', 'latin1'),
        Buffer.from(language),
        Buffer.from('\r\nX-Request-Id: ', 'latin1'),
        Buffer.from(requestId),
        Buffer.from('\r\nX-Hash: ', 'latin1'),
        Buffer.from(hash),
        Buffer.from('\r\n', 'latin1'),
      ]);
      const answer = await rawRequest(path, block);
      if (answer.headers['content-type']?.startsWith('application/json')) {
        parsed += 1;
        expect(SUPPORTED_LOCALES).toContain(answer.headers['content-language']);
        const body = JSON.parse(answer.body) as { error: { code: string; message: string; target: string } };
        expect(body.error.code).toBe(path === '/crash' ? 'InternalServerError' : 'InvalidHashValue');
        expect(body.error.message.length).toBeGreaterThan(0);
        expect(body.error.target.length).toBeGreaterThan(0);
        expect(answer.body).not.toContain(SECRET);
        expect(handled.every((error) => error instanceof DefenderApiError || (error instanceof Error && error.message === SECRET))).toBe(true);
      } else {
        refused += 1;
        expect([400, 431]).toContain(answer.status); // refused by Node's parser: bad bytes, or headers over 16 KiB
        expect(handled).toHaveLength(0);
      }
    }
    expect(parsed + refused).toBe(REQUESTS);
    expect(parsed).toBeGreaterThan(REQUESTS / 10);
    const after = await fetch(`http://127.0.0.1:${port}/client`, { headers: { 'accept-language': 'da' } });
    expect(after.status).toBe(400);
    expect(after.headers.get('content-language')).toBe('da-DK');
    await after.body?.cancel();
  });
});
