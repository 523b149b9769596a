import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ErrorTranslator } from '@defender-errors/i18n';
import { escapeTerminalText } from '@defender-errors/node';
import { closestMatch, editDistance } from './suggest';

/** The part of an `ErrorTranslator` the commands use. */
export type CliTranslator = Pick<ErrorTranslator, 'describe' | 'labels' | 'format' | 'resolveLanguage' | 'locales'>;

/** The program's name, as users type it. */
export const PROGRAM = 'defender-errors';

/** Exit status: the command did what was asked. */
export const EXIT_OK = 0;
/** Exit status: the command ran and found a problem (an unknown code, input that is not an error body). */
export const EXIT_PROBLEM = 1;
/** Exit status: the command line was wrong; a one-line reason went to stderr. */
export const EXIT_USAGE = 2;

/** A text sink: `process.stdout` / `process.stderr`, or a buffer in tests. */
export interface TextOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** Everything a command may touch of the outside world, so that commands never reach for `process` themselves. */
export interface CliContext {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  readonly stdin: AsyncIterable<string | Uint8Array> & { readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory that relative file arguments are read from. */
  readonly cwd: string;
  /** The translator to use; created on first call. */
  readonly translator: () => CliTranslator;
}

/** A command of the `defender-errors` CLI, made with {@link defineCommand} or {@link defineCommandGroup}. */
export interface CliCommand {
  /** The word that selects it: `render`, `explain`, `locales`. */
  readonly name: string;
  /** Its synopsis for the program's help: `render <code> [options]`. */
  readonly synopsis: string;
  /** One line for the program's help. */
  readonly summary: string;
  /** Runs it with the arguments after its name; resolves to the exit status. Throws {@link UsageError} for bad usage. */
  run(args: readonly string[], context: CliContext): Promise<number>;
}

/**
 * Bad usage: the CLI prints `defender-errors <command>: <reason>` on stderr and exits with {@link EXIT_USAGE}.
 * Reasons start in lower case, like Node's own (`unknown option '--verbose'`).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command words that led to the error, outermost first (`['locales', 'add']`). */
  readonly commandPath: readonly string[];

  constructor(reason: string, commandPath: readonly string[] = []) {
    super(reason);
    this.commandPath = commandPath;
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What {@link defineCommand} needs: the options for `parseArgs` and a handler for the parsed values. */
export interface CommandDefinition<O extends OptionsConfig> {
  readonly name: string;
  readonly synopsis: string;
  readonly summary: string;
  /** The full text printed by `--help` (without a trailing newline). */
  readonly help: string;
  /** `node:util` `parseArgs` options; `--help`/`-h` is added. */
  readonly options: O;
  /** The most positional arguments accepted (default 0). */
  readonly maxPositionals?: number;
  handle(
    values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'],
    positionals: readonly string[],
    context: CliContext,
  ): Promise<number> | number;
}

/** Describes what went wrong in `parseArgs` in one line, without its multi-line advice, in lower case. */
function parseErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? message;
  const sentenceEnd = firstLine.indexOf('. ');
  const reason = (sentenceEnd === -1 ? firstLine : firstLine.slice(0, sentenceEnd)).replace(/\.$/, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * Writes a problem found by a command (exit status {@link EXIT_PROBLEM}) as one escaped line on
 * stderr: `defender-errors <command>: <message>`; resolves to {@link EXIT_PROBLEM}.
 */
export function reportProblem(context: CliContext, command: string, message: string): number {
  context.stderr.write(`${escapeTerminalText(`${PROGRAM} ${command}: ${message}`)}\n`);
  return EXIT_PROBLEM;
}

/**
 * Builds a {@link CliCommand} that parses its arguments strictly with `node:util` `parseArgs`
 * and answers `--help` / `-h` with its help text.
 */
export function defineCommand<O extends OptionsConfig>(definition: CommandDefinition<O>): CliCommand {
  const options = { ...definition.options, help: { type: 'boolean', short: 'h' } } as const;
  return {
    name: definition.name,
    synopsis: definition.synopsis,
    summary: definition.summary,
    async run(args, context) {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
      } catch (error) {
        throw new UsageError(parseErrorReason(error));
      }
      if ((parsed.values as Record<string, unknown>)['help'] === true) {
        context.stdout.write(`${definition.help}\n`);
        return EXIT_OK;
      }
      const maxPositionals = definition.maxPositionals ?? 0;
      if (parsed.positionals.length > maxPositionals) {
        throw new UsageError(`unexpected argument '${parsed.positionals[maxPositionals] ?? ''}'`);
      }
      return definition.handle(parsed.values as never, parsed.positionals, context);
    },
  };
}

/**
 * Builds a command made of subcommands (`locales check|add|import`): `<name> <subcommand> ...`
 * runs the subcommand; `<name> --help` lists them.
 */
export function defineCommandGroup(group: { name: string; summary: string; subcommands: readonly CliCommand[] }): CliCommand {
  return {
    name: group.name,
    synopsis: `${group.name} <${group.subcommands.map((command) => command.name).join('|')}> [options]`,
    summary: group.summary,
    run(args, context) {
      return dispatch(group.subcommands, args, context, `defender-errors ${group.name}`, group.summary);
    },
  };
}

/** The help text listing a set of commands. */
export function commandListHelp(program: string, summary: string, commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.synopsis.length));
  return [
    `Usage: ${program} <command> [options]`,
    '',
    summary,
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.synopsis.padEnd(width)}  ${command.summary}`),
    '',
    `Run '${program} <command> --help' for a command's options.`,
  ].join('\n');
}

/** A misspelled command is at most this many edits (or a third of its length) away from the right one. */
const MAX_COMMAND_EDITS = 2;

/** Why `name` selects no command: an option where a command belongs, or a command name with a suggestion when one is close. */
function unknownCommandReason(name: string, names: readonly string[]): string {
  if (name.startsWith('-')) return `unknown option '${name}' (a command comes first: one of ${names.join(', ')})`;
  const suggestion = closestMatch(name, names);
  const close = suggestion !== undefined && (suggestion.toLowerCase().startsWith(name.toLowerCase()) || editDistance(name.toLowerCase(), suggestion) <= Math.max(MAX_COMMAND_EDITS, Math.floor(name.length / 3)));
  return `unknown command '${name}' (one of: ${names.join(', ')})${close ? `; did you mean '${suggestion}'?` : ''}`;
}

/** Runs the command named by `args[0]` from `commands`; `--help` lists them. */
export async function dispatch(
  commands: readonly CliCommand[],
  args: readonly string[],
  context: CliContext,
  program: string,
  summary: string,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h') {
    context.stdout.write(`${commandListHelp(program, summary, commands)}\n`);
    return EXIT_OK;
  }
  if (name === undefined) throw new UsageError(`missing command (one of: ${commands.map((command) => command.name).join(', ')})`);
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) throw new UsageError(unknownCommandReason(name, commands.map((candidate) => candidate.name)));
  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message, [name, ...error.commandPath]);
    throw error;
  }
}
