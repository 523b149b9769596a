import { join } from 'node:path';
import { escapeTerminalText } from '@defender-errors/node';
import { EXIT_OK, EXIT_PROBLEM, UsageError, defineCommand } from '../command';
import { checkLocales, type LocalesCheckResult } from './check';
import { CATALOG_FILE, SOURCE_LOCALE, displayPath, resolveLocalesDir } from './locate';

const CHECK_HELP = `Usage: defender-errors locales check [dir] [--json]

Validates every locale against en-US: missing and extra keys, empty entries, placeholders that
differ from en-US, entries not translated yet ([TODO <lng>] markers), unsafe i18next syntax
({{- x}}, $t( nesting), folder names that are not canonical BCP 47 tags, invalid JSON and
duplicate keys (with line and column). Entries identical to en-US are warnings.

Arguments:
  [dir]       The locales folder (or a folder holding locales/); default: the first locales/
              with en-US/errors.json found from the current folder upwards

Options:
  --json      Print { localesDir, locales, errors, warnings, problems } as JSON
  -h, --help  Show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.`;

/** The readable report of `locales check`: one block per file with problems, then a summary. */
export function formatCheckReport(result: LocalesCheckResult, cwd: string): string {
  const lines: string[] = [];
  for (const lng of result.locales) {
    const file = `${lng}/${CATALOG_FILE}`;
    const problems = result.problems.filter((problem) => problem.file === file);
    const shown = displayPath(join(result.localesDir, lng, CATALOG_FILE), cwd);
    if (problems.length === 0) {
      lines.push(`${shown}: ok`);
      continue;
    }
    lines.push(shown);
    for (const problem of problems) {
      const where = problem.line === undefined ? '' : `${problem.line}:${problem.column ?? 1}`;
      lines.push(`  ${problem.severity.padEnd(7)}  ${where.padEnd(6)}  ${problem.message}  [${problem.kind}]`);
    }
  }
  if (!result.sourceUsable) lines.push(`${SOURCE_LOCALE} could not be read: the other locales were checked for JSON problems only.`);
  const errors = `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}`;
  const warnings = `${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`;
  lines.push('', `${result.locales.length} locale${result.locales.length === 1 ? '' : 's'} checked (${result.locales.join(', ')}): ${errors}, ${warnings}.`);
  return `${lines.map(escapeTerminalText).join('\n')}\n`;
}

/** `defender-errors locales check [dir] [--json]`. */
export const checkCommand = defineCommand({
  name: 'check',
  synopsis: 'check [dir] [options]',
  summary: 'Validate every locale against en-US',
  help: CHECK_HELP,
  maxPositionals: 1,
  options: { json: { type: 'boolean' } },
  async handle(values, positionals, context) {
    const located = resolveLocalesDir(positionals[0], context.cwd);
    if ('error' in located) throw new UsageError(located.error);
    const result = await checkLocales(located.dir);
    if (values.json === true) {
      const problems = result.problems.map((problem) => ({
        severity: problem.severity,
        kind: problem.kind,
        lng: problem.lng,
        file: problem.file,
        line: problem.line ?? null,
        column: problem.column ?? null,
        key: problem.key ?? null,
        message: problem.message,
      }));
      const report = { localesDir: result.localesDir, locales: result.locales, errors: result.errorCount, warnings: result.warningCount, problems };
      context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      context.stdout.write(formatCheckReport(result, context.cwd));
    }
    return result.errorCount > 0 ? EXIT_PROBLEM : EXIT_OK;
  },
});
