import { escapeTerminalText } from '@defender-errors/node';
import { EXIT_OK, UsageError, defineCommand, reportProblem } from '../command';
import { displayPath, resolveLocalesDir } from './locate';
import { CreateLocaleError, checkNewLocaleTag, createLocale } from './scaffold';

const ADD_HELP = `Usage: defender-errors locales add <lng> [--dir <locales>]

Creates locales/<lng>/errors.json from en-US with every entry marked "[TODO <lng>] " for
translation. Never overwrites a locale and never writes outside the locales folder.

Arguments:
  <lng>             A canonical BCP 47 tag: sv-SE, de, pt-BR (not sv_se, not a path)

Options:
  --dir <locales>   The locales folder; default: found from the current folder upwards
  -h, --help        Show this help

Exit codes: 0 created, 1 the locale exists already, 2 bad usage.`;

/** `defender-errors locales add <lng> [--dir <locales>]`. */
export const addCommand = defineCommand({
  name: 'add',
  synopsis: 'add <lng> [options]',
  summary: 'Scaffold a new locale from en-US, marked for translation',
  help: ADD_HELP,
  maxPositionals: 1,
  options: { dir: { type: 'string' } },
  async handle(values, positionals, context) {
    const [lng] = positionals;
    if (lng === undefined) throw new UsageError('missing the language tag, e.g. sv-SE');
    const tag = checkNewLocaleTag(lng);
    if (!tag.ok) throw new UsageError(tag.reason);
    const located = resolveLocalesDir(values.dir, context.cwd);
    if ('error' in located) throw new UsageError(located.error);
    try {
      const created = await createLocale(located.dir, tag.tag);
      const shown = displayPath(created.file, context.cwd);
      context.stdout.write(
        `${escapeTerminalText(`Created ${shown}: ${created.entries} entries, each the en-US text marked "[TODO ${created.lng}] " for translation.`)}\n` +
          `Next: translate every entry and remove its marker, then run 'defender-errors locales check'.\n`,
      );
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof CreateLocaleError)) throw error;
      if (error.reason === 'usage') throw new UsageError(error.message);
      return reportProblem(context, 'locales add', error.message);
    }
  },
});
