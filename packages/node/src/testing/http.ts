import { createServer, type RequestListener, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A server listening on 127.0.0.1 on a free port; `close()` ends it and every open connection. */
export interface TestServer {
  readonly port: number;
  readonly origin: string;
  close(): Promise<void>;
}

/** Starts a real `node:http` server on 127.0.0.1:0 that accepts headers up to 64 KiB. */
export async function startServer(listener: RequestListener): Promise<TestServer> {
  const server: Server = createServer({ maxHeaderSize: 64 * 1024 }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A response read off a raw socket. */
export interface RawResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The response exactly as received. */
  readonly raw: string;
}

/**
 * Sends a request as raw bytes over a `net` socket, so that headers fetch refuses (CR/LF, NUL,
 * UTF-8) reach the server as written. `headerBlock` is put between the request line and the
 * blank line; each of its lines must end with CRLF. Gives up after 5 seconds.
 */
export function rawRequest(port: number, path: string, headerBlock: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`raw request to ${path} timed out`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headerEnd = raw.indexOf('\r\n\r\n');
      const head = headerEnd === -1 ? raw : raw.slice(0, headerEnd);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: headerEnd === -1 ? '' : raw.slice(headerEnd + 4), raw });
    });
    const start = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`, 'latin1');
    const block = typeof headerBlock === 'string' ? Buffer.from(headerBlock, 'utf8') : headerBlock;
    socket.end(Buffer.concat([start, block, Buffer.from('\r\n', 'latin1')]));
  });
}
