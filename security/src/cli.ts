import { runBuiltCli, type CliRun } from '../../packages/cli/src/fixtures/run-cli';

export { CLI_BINARY, type CliRun } from '../../packages/cli/src/fixtures/run-cli';

/** Runs the built binary in a fresh Node process with `input` on stdin; NO_COLOR and LANG=C unless `env` says otherwise. */
export function runCli(args: readonly string[], input: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return runBuiltCli(args, { input, env });
}
