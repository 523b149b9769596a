import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resources } from '@defender-errors/i18n';
import { escapeTerminalText } from '../terminal';
import { checkLocales, type LocalesCheckResult } from './check';
import { importLearnPage, type ImportResult } from './import-page';
import { MAX_PAGE_LENGTH } from './learn-page';
import { CATALOG_FILE, SOURCE_LOCALE, displayPath, findLocalesDir, isInside, resolveLocalesDir } from './locate';
import { CreateLocaleError, checkNewLocaleTag, createLocale, readSourceCatalog, serializeCatalog } from './scaffold';

/** A text sink: `process.stdout`, `process.stderr`, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** What a locales command may touch of the outside world. The CLI's context satisfies it. */
export interface LocalesCommandIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** The directory relative paths are resolved from, and where the search for `locales/` starts. */
  readonly cwd: string;
}

/** A locales command: runs with its arguments and resolves to the exit status (0 ok, 1 problems found, 2 bad usage). */
export type LocalesCommand = (argv: readonly string[], io: LocalesCommandIo) => Promise<number>;

const EXIT_OK = 0;
const EXIT_PROBLEM = 1;
const EXIT_USAGE = 2;

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

const ADD_HELP = `Usage: defender-errors locales add <lng> [--dir <locales>]

Creates locales/<lng>/errors.json from en-US with every entry marked "[TODO <lng>] " for
translation. Never overwrites a locale and never writes outside the locales folder.

Arguments:
  <lng>             A canonical BCP 47 tag: sv-SE, de, pt-BR (not sv_se, not a path)

Options:
  --dir <locales>   The locales folder; default: found from the current folder upwards
  -h, --help        Show this help

Exit codes: 0 created, 1 the locale exists already, 2 bad usage.`;

const IMPORT_HELP = `Usage: defender-errors locales import <page.md> --lng <lng> [--out <file>|-] [--force] [--json]

Turns a localized Microsoft Learn page of the error-code table ("Common Microsoft Defender XDR
REST API error codes") into a draft catalog and reports how each row was mapped. Entries the
page lacks are the en-US text marked "[TODO <lng>] " for translation.

Arguments:
  <page.md>         The page's markdown

Options:
  --lng <lng>       The catalog's language, a canonical BCP 47 tag (e.g. da-DK)
  --out <file>|-    Where to write the catalog (- for stdout; the report then goes to stderr);
                    default: locales/<lng>/errors.json
  --dir <locales>   The locales folder (for en-US and the default output); default: found upwards
  --force           Overwrite an existing output file
  --json            Print the report as JSON
  -h, --help        Show this help

Exit codes: 0 every row mapped, 1 rows not mapped or output exists, 2 bad usage.`;

const LOCALES_HELP = `Usage: defender-errors locales <command> [options]

Maintains the message catalogs in locales/<lng>/errors.json.

Commands:
  check [dir]                       Validate every locale against en-US
  add <lng>                         Scaffold a new locale from en-US, marked for translation
  import <page.md> --lng <lng>      Draft a catalog from a localized Microsoft Learn page

Run 'defender-errors locales <command> --help' for a command's options.`;

function usage(io: LocalesCommandIo, command: string, reason: string): number {
  const where = `defender-errors locales${command === '' ? '' : ` ${command}`}`;
  io.stderr.write(`${escapeTerminalText(`${where}: ${reason} (see '${where} --help')`)}\n`);
  return EXIT_USAGE;
}

type ParsedArgs = ReturnType<typeof parseArgs<{ options: Record<string, { type: 'string' | 'boolean' }>; allowPositionals: true; strict: true }>>;

function parse(argv: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>): ParsedArgs | string {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return (message.split('\n')[0] ?? message).replace(/\.$/, '');
  }
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

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
export const localesCheck: LocalesCommand = async (argv, io) => {
  const args = parse(argv, { json: { type: 'boolean' } });
  if (typeof args === 'string') return usage(io, 'check', args);
  if (args.values['help'] === true) {
    io.stdout.write(`${CHECK_HELP}\n`);
    return EXIT_OK;
  }
  if (args.positionals.length > 1) return usage(io, 'check', `unexpected argument '${args.positionals[1] ?? ''}'`);
  const located = resolveLocalesDir(args.positionals[0], io.cwd);
  if ('error' in located) return usage(io, 'check', located.error);
  const result = await checkLocales(located.dir);
  if (args.values['json'] === true) {
    io.stdout.write(
      toJson({
        localesDir: result.localesDir,
        locales: result.locales,
        errors: result.errorCount,
        warnings: result.warningCount,
        problems: result.problems.map((problem) => ({
          severity: problem.severity,
          kind: problem.kind,
          lng: problem.lng,
          file: problem.file,
          line: problem.line ?? null,
          column: problem.column ?? null,
          key: problem.key ?? null,
          message: problem.message,
        })),
      }),
    );
  } else {
    io.stdout.write(formatCheckReport(result, io.cwd));
  }
  return result.errorCount > 0 ? EXIT_PROBLEM : EXIT_OK;
};

function localesDirOption(dir: string | undefined, io: LocalesCommandIo): { dir: string } | { error: string } {
  return resolveLocalesDir(dir, io.cwd);
}

/** `defender-errors locales add <lng> [--dir <locales>]`. */
export const localesAdd: LocalesCommand = async (argv, io) => {
  const args = parse(argv, { dir: { type: 'string' } });
  if (typeof args === 'string') return usage(io, 'add', args);
  if (args.values['help'] === true) {
    io.stdout.write(`${ADD_HELP}\n`);
    return EXIT_OK;
  }
  const [lng, extra] = args.positionals;
  if (lng === undefined) return usage(io, 'add', 'missing the language tag, e.g. sv-SE');
  if (extra !== undefined) return usage(io, 'add', `unexpected argument '${extra}'`);
  const tag = checkNewLocaleTag(lng);
  if (!tag.ok) return usage(io, 'add', tag.reason);
  const located = localesDirOption(args.values['dir'] as string | undefined, io);
  if ('error' in located) return usage(io, 'add', located.error);
  try {
    const created = await createLocale(located.dir, tag.tag);
    const shown = displayPath(created.file, io.cwd);
    io.stdout.write(
      `${escapeTerminalText(`Created ${shown}: ${created.entries} entries, each the en-US text marked "[TODO ${created.lng}] " for translation.`)}\n` +
        `Next: translate every entry and remove its marker, then run 'defender-errors locales check'.\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof CreateLocaleError)) throw error;
    if (error.reason === 'usage') return usage(io, 'add', error.message);
    io.stderr.write(`${escapeTerminalText(`defender-errors locales add: ${error.message}`)}\n`);
    return EXIT_PROBLEM;
  }
};

function describeRowLine(row: ImportResult['rows'][number]): string {
  const written = `${row.row.codeText} (${row.row.status ?? '?'})`;
  const target = row.code ?? 'NOT MAPPED';
  return `  row ${String(row.row.number).padStart(2)}  ${written.padEnd(36)} -> ${target.padEnd(26)} ${row.reason}`;
}

/** The readable report of `locales import`: every row and what became of it, then the entries still to translate. */
export function formatImportReport(result: ImportResult, pageName: string, written: string | undefined): string {
  const mapped = result.rows.filter((row) => row.code !== undefined).length;
  const lines: string[] = [
    `Imported ${pageName}${result.contentLocale === undefined ? '' : ` (ms.contentlocale ${result.contentLocale})`} as a draft ${result.lng} catalog.`,
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  lines.push('', `Rows: ${mapped} of ${result.rows.length} mapped`);
  for (const row of result.rows) {
    lines.push(describeRowLine(row));
    for (const placeholder of row.placeholders) {
      lines.push(`            <${placeholder.description}> -> {{${placeholder.param}}} (by ${row.placeholderAssignment ?? 'order'})`);
    }
    if (row.hint !== undefined) lines.push(`            note -> ${row.code}.hint: "${row.hint}"`);
    for (const note of row.notes) lines.push(`            ${note}`);
  }
  const unmapped = result.rows.filter((row) => row.code === undefined);
  if (unmapped.length > 0) {
    lines.push('', `Could not map ${unmapped.length} row${unmapped.length === 1 ? '' : 's'}:`);
    for (const row of unmapped) lines.push(`  row ${row.row.number} (line ${row.row.line}) "${row.row.codeText}": ${row.reason}; its text was not used`);
  }
  if (result.codesNotOnPage.length > 0) {
    lines.push('', `Not on the page (entries taken from en-US, marked for translation): ${result.codesNotOnPage.join(', ')}`);
  }
  lines.push('', `From the page: ${result.fromPage.length} entries (${result.fromPage.join(', ')})`);
  lines.push(`Marked "[TODO ${result.lng}] " for translation: ${result.marked.length} entries (${result.marked.join(', ')})`);
  if (result.statusTexts.length > 0) {
    lines.push(`Status texts on the page (suggestions for the titles): ${result.statusTexts.map((entry) => `${entry.status} "${entry.text}"`).join(', ')}`);
  }
  const untranslated = result.problems.filter((problem) => problem.kind === 'untranslated').length;
  const others = result.problems.filter((problem) => problem.kind !== 'untranslated');
  lines.push(`Check: ${untranslated} entries not translated yet (expected in a draft)${others.length === 0 ? '; no other problems.' : ':'}`);
  for (const problem of others) lines.push(`  ${problem.severity}: ${problem.message}`);
  if (written !== undefined) lines.push('', `Wrote ${written}. Next: translate the marked entries, then run 'defender-errors locales check'.`);
  return `${lines.map(escapeTerminalText).join('\n')}\n`;
}

function importReportJson(result: ImportResult, written: string | undefined): unknown {
  return {
    lng: result.lng,
    contentLocale: result.contentLocale ?? null,
    written: written ?? null,
    rows: result.rows.map((row) => ({
      row: row.row.number,
      line: row.row.line,
      written: row.row.codeText,
      status: row.row.status ?? null,
      code: row.code ?? null,
      match: row.match ?? null,
      reason: row.reason,
      placeholders: row.placeholders,
      placeholderAssignment: row.placeholderAssignment ?? null,
      message: row.message ?? null,
      hint: row.hint ?? null,
      notes: row.notes,
    })),
    codesNotOnPage: result.codesNotOnPage,
    fromPage: result.fromPage,
    marked: result.marked,
    statusTexts: result.statusTexts,
    warnings: result.warnings,
    problems: result.problems,
  };
}

/** `defender-errors locales import <page.md> --lng <lng> [--out <file>|-] [--dir <locales>] [--force] [--json]`. */
export const localesImport: LocalesCommand = async (argv, io) => {
  const args = parse(argv, { lng: { type: 'string' }, out: { type: 'string' }, dir: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } });
  if (typeof args === 'string') return usage(io, 'import', args);
  if (args.values['help'] === true) {
    io.stdout.write(`${IMPORT_HELP}\n`);
    return EXIT_OK;
  }
  const [pageArg, extra] = args.positionals;
  if (pageArg === undefined) return usage(io, 'import', 'missing the page to import (a .md file)');
  if (extra !== undefined) return usage(io, 'import', `unexpected argument '${extra}'`);
  const lngArg = args.values['lng'] as string | undefined;
  if (lngArg === undefined) return usage(io, 'import', 'missing --lng <lng>, the language of the page (e.g. da-DK)');
  const tag = checkNewLocaleTag(lngArg);
  if (!tag.ok) return usage(io, 'import', `--lng: ${tag.reason}`);
  if (tag.tag === SOURCE_LOCALE) return usage(io, 'import', `--lng: ${SOURCE_LOCALE} is the source catalog and is edited by hand`);
  const lng = tag.tag;
  const out = args.values['out'] as string | undefined;
  const dirArg = args.values['dir'] as string | undefined;

  let localesDir: string | undefined;
  if (dirArg !== undefined || out === undefined) {
    const located = resolveLocalesDir(dirArg, io.cwd);
    if ('error' in located) return usage(io, 'import', located.error);
    localesDir = located.dir;
  } else {
    localesDir = findLocalesDir(io.cwd);
  }
  let source: Record<string, string>;
  try {
    // Outside a repository (with --out), the en-US catalog bundled in @defender-errors/i18n is the source.
    source = localesDir === undefined ? { ...resources[SOURCE_LOCALE].errors } : await readSourceCatalog(localesDir);
  } catch (error) {
    if (!(error instanceof CreateLocaleError)) throw error;
    io.stderr.write(`${escapeTerminalText(`defender-errors locales import: ${error.message}`)}\n`);
    return EXIT_PROBLEM;
  }

  const pagePath = resolve(io.cwd, pageArg);
  let markdown: string;
  try {
    const info = await stat(pagePath);
    if (!info.isFile()) return usage(io, 'import', `'${pageArg}' is not a file`);
    if (info.size > MAX_PAGE_LENGTH * 4) return usage(io, 'import', `'${pageArg}' is larger than a Learn page can be (${info.size} bytes)`);
    markdown = await readFile(pagePath, 'utf8');
  } catch {
    return usage(io, 'import', `cannot read '${pageArg}'`);
  }
  if (markdown.length > MAX_PAGE_LENGTH) return usage(io, 'import', `'${pageArg}' is larger than ${MAX_PAGE_LENGTH} characters: not a Learn page`);

  const result = importLearnPage(markdown, { lng, source });
  const catalogText = serializeCatalog(result.catalog);
  const report = io.stdout === io.stderr || out !== '-' ? io.stdout : io.stderr;
  const unmapped = result.rows.some((row) => row.code === undefined) || result.rows.length === 0;
  const finish = (written: string | undefined) => {
    report.write(args.values['json'] === true ? toJson(importReportJson(result, written)) : formatImportReport(result, pageArg, written));
    return unmapped ? EXIT_PROBLEM : EXIT_OK;
  };
  if (result.rows.length === 0) return finish(undefined);
  if (out === '-') {
    io.stdout.write(catalogText);
    return finish('standard output');
  }
  const target = out === undefined ? join(localesDir as string, lng, CATALOG_FILE) : resolve(io.cwd, out);
  if (existsSync(target) && args.values['force'] !== true) {
    io.stderr.write(`${escapeTerminalText(`defender-errors locales import: ${displayPath(target, io.cwd)} exists; nothing was written (use --force to replace it, or --out <file>)`)}\n`);
    return EXIT_PROBLEM;
  }
  if (out === undefined) {
    await mkdir(dirname(target)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    // A symlinked locale folder must not lead the draft out of the locales folder.
    if (!isInside(await realpath(localesDir as string), await realpath(dirname(target)))) {
      io.stderr.write(`${escapeTerminalText(`defender-errors locales import: ${displayPath(dirname(target), io.cwd)} leads outside the locales folder; nothing was written`)}\n`);
      return EXIT_PROBLEM;
    }
  }
  try {
    await writeFile(target, catalogText, { flag: args.values['force'] === true ? 'w' : 'wx' });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'error';
    io.stderr.write(`${escapeTerminalText(`defender-errors locales import: cannot write ${displayPath(target, io.cwd)} (${reason})`)}\n`);
    return EXIT_PROBLEM;
  }
  return finish(displayPath(target, io.cwd));
};

const SUBCOMMANDS: Readonly<Record<string, LocalesCommand>> = { check: localesCheck, add: localesAdd, import: localesImport };

/** `defender-errors locales <check|add|import> ...`: runs the subcommand named by `argv[0]`. */
export const runLocalesCommand: LocalesCommand = async (argv, io) => {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') {
    io.stdout.write(`${LOCALES_HELP}\n`);
    return EXIT_OK;
  }
  if (name === undefined) return usage(io, '', 'missing command (one of: check, add, import)');
  const command = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (command === undefined) return usage(io, '', `unknown command '${name}' (one of: check, add, import)`);
  return command(rest, io);
};

/** The `locales` entry of the CLI's command table (`name`, `synopsis`, `summary`, `run`). */
export const localesCliCommand = {
  name: 'locales',
  synopsis: 'locales <check|add|import> [options]',
  summary: 'Check, add and import message catalogs (locales/<lng>/errors.json)',
  run: runLocalesCommand,
} as const;
