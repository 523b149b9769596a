import { runBuiltCli, type CliRun } from '../../packages/cli/src/run-cli.fixture';

export { CLI_BINARY, type CliRun } from '../../packages/cli/src/run-cli.fixture';

/** Runs the built binary in a fresh Node process with `input` on stdin; NO_COLOR and LANG=C unless `env` says otherwise. */
export function runCli(args: readonly string[], input: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return runBuiltCli(args, { input, env });
}
