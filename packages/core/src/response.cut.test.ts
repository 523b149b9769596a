import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readErrorResponse } from './index';

// Issue 18 points 1 and 8, over real sockets: a body cut off by the network keeps what arrived, and
// UTF-16 bodies are decoded by their BOM or charset.
const TARGET = '5b0b3a5e-3c1e-4d4a-9c55-0d1f5a3c7e21';
const BODY = JSON.stringify({ error: { code: 'ResourceNotFound', message: 'Machine 42 was not found.', target: TARGET } });

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  if (endian === 'be') bytes.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

/** Sends the whole body, then keeps the response open until the test lets it go. */
const held: ServerResponse[] = [];

const ROUTES: Readonly<Record<string, (response: ServerResponse) => void>> = {
  '/reset': (response) => {
    response.writeHead(404, { 'content-type': 'application/json', 'content-length': String(BODY.length + 500) });
    response.write(`${BODY.slice(0, -2)},"details":[`, () => response.socket?.resetAndDestroy());
  },
  '/short-length': (response) => {
    response.writeHead(404, { 'content-type': 'application/json', 'content-length': String(BODY.length + 100) });
    response.write(BODY, () => response.socket?.end());
  },
  '/held': (response) => {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.write(BODY);
    held.push(response);
  },
  '/utf16le-bom': (response) => {
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-16' });
    response.end(utf16(BODY, 'le', true));
  },
  '/utf16be-bom': (response) => {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(utf16(BODY, 'be', true));
  },
  '/utf16le-charset': (response) => {
    response.writeHead(404, { 'content-type': 'application/json; charset="UTF-16LE"' });
    response.end(utf16(BODY, 'le', false));
  },
  '/utf16be-charset': (response) => {
    response.writeHead(404, { 'content-type': 'application/json;charset=utf-16be' });
    response.end(utf16(BODY, 'be', false));
  },
  '/utf16le-bare': (response) => {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(utf16(BODY, 'le', false));
  },
  '/latin1': (response) => {
    response.writeHead(404, { 'content-type': 'application/json; charset=iso-8859-1' });
    response.end(BODY);
  },
};

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const route = ROUTES[request.url ?? ''];
    if (route) route(response);
    else response.writeHead(500).end();
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

function expectWholeBody(info: Awaited<ReturnType<typeof readErrorResponse>>): void {
  expect(info).toMatchObject({ code: 'ResourceNotFound', known: true, status: 404, message: 'Machine 42 was not found.', target: TARGET });
}

describe('readErrorResponse keeps what arrived when the read fails part-way', () => {
  it('a connection reset mid-body', async () => {
    const response = await fetch(`${origin}/reset`);
    expectWholeBody(await readErrorResponse(response));
  });

  it('a Content-Length longer than the body sent', async () => {
    const response = await fetch(`${origin}/short-length`);
    expectWholeBody(await readErrorResponse(response));
  });

  it('an AbortSignal that fires after the body was sent', async () => {
    const controller = new AbortController();
    const response = await fetch(`${origin}/held`, { signal: controller.signal });
    const reading = readErrorResponse(response);
    // The server has written the whole body and holds the response open; abort once it has arrived.
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expectWholeBody(await reading);
    for (const response of held.splice(0)) response.end();
  });
});

describe('readErrorResponse decodes the charset of the body', () => {
  it.each(['/utf16le-bom', '/utf16be-bom', '/utf16le-charset', '/utf16be-charset', '/utf16le-bare'])('%s', async (path) => {
    const response = await fetch(origin + path);
    expectWholeBody(await readErrorResponse(response));
  });

  it('reads a charset it does not support (ASCII-compatible) as UTF-8', async () => {
    expectWholeBody(await readErrorResponse(await fetch(`${origin}/latin1`)));
  });
});
