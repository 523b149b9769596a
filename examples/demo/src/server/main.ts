import { fileURLToPath } from 'node:url';
import { createDemoServer } from './app';

const DEFAULT_PORT = 5173;
const HOST = '127.0.0.1';

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`PORT must be a number from 0 to 65535, not "${value}".\n`);
    process.exit(2);
  }
  return port;
}

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
const server = createDemoServer({ publicDir });
server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${String(readPort(process.env['PORT']))} is already in use (set PORT to another one)` : error.message;
  process.stderr.write(`The demo could not start: ${reason}.\n`);
  process.exit(1);
});
server.listen(readPort(process.env['PORT']), HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : DEFAULT_PORT;
  process.stdout.write(`defender-errors demo: http://${HOST}:${port}/\n`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
