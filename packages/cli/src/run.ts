import { readFileSync } from 'node:fs';
import { escapeTerminalText } from '@defender-errors/node';
import { EXIT_OK, EXIT_USAGE, PROGRAM, UsageError, commandListHelp, dispatch, type CliCommand, type CliContext } from './command';
import { COMMANDS } from './commands/index';

const SUMMARY = 'Localized explanations of Microsoft Defender XDR REST API errors.';

/** The version from this package's `package.json` (one folder above `dist/cli.js` and `src/run.ts`). */
export function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
    if (manifest.name === '@defender-errors/cli' && typeof manifest.version === 'string') return manifest.version;
  } catch {
    // an unusual install layout: say so rather than fail
  }
  return 'unknown';
}

function programHelp(commands: readonly CliCommand[]): string {
  return [
    commandListHelp(PROGRAM, SUMMARY, commands),
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Print the version',
    '',
    'Exit codes: 0 ok, 1 a problem was found, 2 bad usage.',
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit status:
 * 0 ok, 1 a problem found, 2 bad usage (a one-line reason on stderr). Never throws for bad input.
 */
export async function runCli(argv: readonly string[], context: CliContext, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    context.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (first === '--help' || first === '-h') {
    context.stdout.write(`${programHelp(commands)}\n`);
    return EXIT_OK;
  }
  try {
    return await dispatch(commands, argv, context, PROGRAM, SUMMARY);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const where = [PROGRAM, ...error.commandPath].join(' ');
    const help = error.commandPath.length > 0 ? `${where} --help` : `${PROGRAM} --help`;
    context.stderr.write(`${escapeTerminalText(`${where}: ${error.message} (see '${help}')`)}\n`);
    return EXIT_USAGE;
  }
}
