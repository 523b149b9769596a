import type { CliCommand } from '../command';
import { explainCommand } from './explain';
import { renderCommand } from './render';
import { localesCommand } from '../locales/index';

/**
 * The commands of `defender-errors`, in the order the help lists them: the one registration point.
 *
 * To add a command, write `src/commands/<name>.ts` exporting a {@link CliCommand} made with
 * `defineCommand` (one command) or `defineCommandGroup` (subcommands, e.g. `locales check|add|import`,
 * each in its own file), and list it here. Help, `--help`, usage errors and exit codes come for free.
 */
export const COMMANDS: readonly CliCommand[] = [renderCommand, explainCommand, localesCommand];
