import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const demoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ENTRY = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
const PAGE_ENTRY = fileURLToPath(new URL('../../dist/public/index.html', import.meta.url));

/** The built demo, started as `npm start` would, on a free port. */
export interface RunningDemo {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `node dist/server/main.js` with `PORT=0` and waits for the URL it prints. */
export async function startBuiltDemo(): Promise<RunningDemo> {
  for (const file of [SERVER_ENTRY, PAGE_ENTRY]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build the demo first (pnpm --filter @defender-errors/demo build).`);
  }
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: demoRoot,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo printed no URL within 20 s:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The demo exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
