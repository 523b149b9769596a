import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built `defender-errors` binary (`pnpm --filter @defender-errors/cli build`). */
export const CLI_BINARY = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What a run of the binary printed, and its exit code. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runBuiltCli}. */
export interface RunCliOptions {
  /** Text on stdin (stdin is closed either way). */
  readonly input?: string;
  /** Extra environment; NO_COLOR=1 and LANG=C unless overridden. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Milliseconds before the run is killed (default 60 000); a killed run has exit code `null`. */
  readonly timeout?: number;
}

/** Runs the built binary in a fresh Node process, as a user's shell would. Shared by every CLI test. */
export function runBuiltCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  if (!existsSync(CLI_BINARY)) throw new Error(`${CLI_BINARY} is missing: build @defender-errors/cli first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BINARY, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'C', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Generous: CI runs these beside every other package's tests on two cores.
      timeout: options.timeout ?? 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
