import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One file the test server answers with. */
export interface ServedFile {
  readonly body: string | Uint8Array;
  readonly type: string;
  /** Extra response headers (a CSP, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A loopback HTTP server of fixed files, for pages under test. */
export interface StaticServer {
  readonly origin: string;
  /** Every path requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** The policy of the pages under test: no inline script, no eval, Trusted Types enforced. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

/** Serves `files` (by path) on 127.0.0.1 at a free port; anything else is a 404. */
export async function startStaticServer(files: ReadonlyMap<string, ServedFile>): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = files.get(path);
    if (!file || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', ...file.headers });
    response.end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
