import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { resources } from '@defender-errors/i18n';
import { EXIT_OK, EXIT_PROBLEM, UsageError, defineCommand, reportProblem, type CliContext } from '../command';
import { importLearnPage } from './import-page';
import { formatImportReport, importReportJson } from './import-report';
import { MAX_PAGE_LENGTH, parseLearnPage } from './learn-page';
import { CATALOG_FILE, SOURCE_LOCALE, displayPath, findLocalesDir, isInside, resolveLocalesDir } from './locate';
import { CreateLocaleError, checkNewLocaleTag, readSourceCatalog, serializeCatalog } from './scaffold';

const IMPORT_HELP = `Usage: defender-errors locales import <page.md> [--lng <lng>] [--out <file>|-] [--force] [--json]

Turns a localized Microsoft Learn page of the error-code table ("Common Microsoft Defender XDR
REST API error codes", plain or in bilingual span markup) into a draft catalog and reports how
each row was mapped, and why a row could not be. Entries the page lacks are the en-US text
marked "[TODO <lng>] " for translation. Pages up to 2 MiB are read.

Arguments:
  <page.md>         The page's markdown

Options:
  --lng <lng>       The catalog's language, a canonical BCP 47 tag (e.g. da-DK); default:
                    the page's ms.contentlocale, canonicalized (ja-jp -> ja-JP); one of the
                    two is required
  --out <file>|-    Where to write the catalog (- for stdout; the report then goes to stderr);
                    default: locales/<lng>/errors.json
  --dir <locales>   The locales folder (for en-US and the default output); default: found upwards
  --force           Overwrite an existing output file
  --json            Print the report as JSON
  -h, --help        Show this help

Exit codes: 0 every row mapped, 1 rows not mapped or output exists, 2 bad usage.`;

const COMMAND = 'locales import';

/** The page's markdown, refused (bad usage) when it is no file or too large to be a Learn page. */
async function readPage(pageArg: string, cwd: string): Promise<string> {
  const pagePath = resolve(cwd, pageArg);
  let markdown: string;
  try {
    const info = await stat(pagePath);
    if (!info.isFile()) throw new UsageError(`'${pageArg}' is not a file`);
    if (info.size > MAX_PAGE_LENGTH * 4) throw new UsageError(`'${pageArg}' is larger than a Learn page can be (${info.size} bytes)`);
    markdown = await readFile(pagePath, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read '${pageArg}'`);
  }
  if (markdown.length > MAX_PAGE_LENGTH) throw new UsageError(`'${pageArg}' is larger than ${MAX_PAGE_LENGTH} characters: not a Learn page`);
  return markdown;
}

/** Writes the draft to `target` (a new file unless `force`); a problem message, or undefined when written. */
async function writeDraft(target: string, text: string, options: { force: boolean; localesDir: string | undefined; cwd: string }): Promise<string | undefined> {
  if (existsSync(target) && !options.force) return `${displayPath(target, options.cwd)} exists; nothing was written (use --force to replace it, or --out <file>)`;
  if (options.localesDir !== undefined) {
    await mkdir(dirname(target)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    // A symlinked locale folder must not lead the draft out of the locales folder.
    if (!isInside(await realpath(options.localesDir), await realpath(dirname(target)))) {
      return `${displayPath(dirname(target), options.cwd)} leads outside the locales folder; nothing was written`;
    }
  }
  try {
    await writeFile(target, text, { flag: options.force ? 'w' : 'wx' });
    return undefined;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'error';
    return `cannot write ${displayPath(target, options.cwd)} (${reason})`;
  }
}

/** `ja-jp` -> `ja-JP`: pages write `ms.contentlocale` in either case; what is no tag is returned as written. */
function canonicalTag(tag: string | undefined): string | undefined {
  try {
    return tag === undefined ? undefined : (Intl.getCanonicalLocales(tag)[0] ?? tag);
  } catch {
    return tag;
  }
}

/** The language of the draft: `--lng`, else the page's `ms.contentlocale`; a canonical tag other than en-US. */
function draftLanguage(lngArg: string | undefined, markdown: string): string {
  const given = lngArg ?? canonicalTag(parseLearnPage(markdown).contentLocale);
  const label = lngArg === undefined ? "the page's ms.contentlocale" : '--lng';
  if (given === undefined) throw new UsageError('missing --lng <lng>, the language of the page (e.g. da-DK); the page has no ms.contentlocale');
  const tag = checkNewLocaleTag(given);
  if (!tag.ok) throw new UsageError(`${label}: ${tag.reason}`);
  if (tag.tag === SOURCE_LOCALE) throw new UsageError(`${label}: ${SOURCE_LOCALE} is the source catalog and is edited by hand`);
  return tag.tag;
}

/** The locales folder (for en-US and the default output): required unless `--out` is given. */
function localesDirFor(dirArg: string | undefined, out: string | undefined, context: CliContext): string | undefined {
  if (dirArg === undefined && out !== undefined) return findLocalesDir(context.cwd);
  const located = resolveLocalesDir(dirArg, context.cwd);
  if ('error' in located) throw new UsageError(located.error);
  return located.dir;
}

/** `defender-errors locales import <page.md> [--lng <lng>] [--out <file>|-] [--dir <locales>] [--force] [--json]`. */
export const importCommand = defineCommand({
  name: 'import',
  synopsis: 'import <page.md> [--lng <lng>] [options]',
  summary: 'Draft a catalog from a localized Microsoft Learn page',
  help: IMPORT_HELP,
  maxPositionals: 1,
  options: { lng: { type: 'string' }, out: { type: 'string' }, dir: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
  async handle(values, positionals, context) {
    const [pageArg] = positionals;
    if (pageArg === undefined) throw new UsageError('missing the page to import (a .md file)');
    const markdown = await readPage(pageArg, context.cwd);
    const lng = draftLanguage(values.lng, markdown);
    const { out } = values;
    const localesDir = localesDirFor(values.dir, out, context);
    let source: Record<string, string>;
    try {
      // Outside a repository (with --out), the en-US catalog bundled in @defender-errors/i18n is the source.
      source = localesDir === undefined ? { ...resources[SOURCE_LOCALE].errors } : await readSourceCatalog(localesDir);
    } catch (error) {
      if (!(error instanceof CreateLocaleError)) throw error;
      return reportProblem(context, COMMAND, error.message);
    }

    const result = importLearnPage(markdown, { lng, source });
    const report = context.stdout === context.stderr || out !== '-' ? context.stdout : context.stderr;
    const unmapped = result.rows.some((row) => row.code === undefined) || result.rows.length === 0;
    const finish = (written: string | undefined) => {
      report.write(values.json === true ? `${JSON.stringify(importReportJson(result, written), null, 2)}\n` : formatImportReport(result, pageArg, written));
      return unmapped ? EXIT_PROBLEM : EXIT_OK;
    };
    if (result.rows.length === 0) return finish(undefined);
    const catalogText = serializeCatalog(result.catalog);
    if (out === '-') {
      context.stdout.write(catalogText);
      return finish('standard output');
    }
    const target = out === undefined ? join(localesDir as string, lng, CATALOG_FILE) : resolve(context.cwd, out);
    const problem = await writeDraft(target, catalogText, { force: values.force === true, localesDir: out === undefined ? localesDir : undefined, cwd: context.cwd });
    return problem === undefined ? finish(displayPath(target, context.cwd)) : reportProblem(context, COMMAND, problem);
  },
});
