import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The built `defender-errors` binary of @defender-errors/node. */
export const CLI_BINARY = path.join(path.dirname(createRequire(import.meta.url).resolve('@defender-errors/node/package.json')), 'dist', 'cli.js');

/** What one run of the binary gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built binary in a fresh Node process with `input` on stdin; NO_COLOR and LANG=C unless `env` says otherwise. */
export function runCli(args: readonly string[], input: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  if (!existsSync(CLI_BINARY)) throw new Error(`${CLI_BINARY} is missing: build @defender-errors/node first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BINARY, ...args], {
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'C', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
