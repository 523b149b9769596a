import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, getErrorDefinition } from '@defender-errors/core';
import type { CatalogProblem } from '@defender-errors/i18n';
import { placeholderNames, validateCatalog } from '@defender-errors/i18n/tooling';
import { scanJson, type TextPosition } from './json-scan';
import { CATALOG_FILE, SOURCE_LOCALE, otherNamespaceFiles } from './locate';

/** The largest catalog file read: 1 MiB (the bundled catalogs are a few KiB). */
export const MAX_CATALOG_BYTES = 1024 * 1024;

/** A catalog problem with the file it was found in and, when known, its line and column. */
export interface LocatedProblem extends CatalogProblem {
  /** The catalog file, relative to the locales folder, with `/` separators: `da-DK/errors.json`. */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/** The outcome of {@link checkLocales}. */
export interface LocalesCheckResult {
  /** The locales folder that was checked (absolute). */
  readonly localesDir: string;
  /** The locale folders found, en-US first. */
  readonly locales: readonly string[];
  /** Every problem: errors block a locale, warnings are reported only. */
  readonly problems: readonly LocatedProblem[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** False when en-US itself could not be read, so other locales were checked for JSON only. */
  readonly sourceUsable: boolean;
}

/** A catalog file read and scanned: its problems so far and, when it parsed, its value and key positions. */
interface LoadedCatalog {
  readonly problems: LocatedProblem[];
  readonly value: unknown;
  readonly keyPositions: ReadonlyMap<string, TextPosition>;
}

function locate(problem: CatalogProblem, file: string, position: TextPosition | undefined): LocatedProblem {
  return { ...problem, file, line: position?.line, column: position?.column };
}

function fileProblem(
  lng: string,
  file: string,
  kind: CatalogProblem['kind'],
  message: string,
  position?: TextPosition,
  key?: string,
): LocatedProblem {
  return locate({ severity: 'error', kind, lng, key, message }, file, position);
}

async function loadCatalog(localesDir: string, lng: string, fileName: string = CATALOG_FILE): Promise<LoadedCatalog> {
  const file = `${lng}/${fileName}`;
  const path = join(localesDir, lng, fileName);
  const problems: LocatedProblem[] = [];
  const failed = (kind: CatalogProblem['kind'], message: string, position?: TextPosition): LoadedCatalog => ({
    problems: [...problems, fileProblem(lng, file, kind, message, position)],
    value: undefined,
    keyPositions: new Map(),
  });
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return failed('missing-file', `Locale folder "${lng}" has no ${fileName} file.`);
    if (info.size > MAX_CATALOG_BYTES) return failed('invalid-json', `${file} is ${info.size} bytes; a catalog may be at most ${MAX_CATALOG_BYTES}.`);
    bytes = await readFile(path);
  } catch {
    return failed('missing-file', `Locale folder "${lng}" has no ${fileName} file.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return failed('invalid-json', `${file} is not valid UTF-8: save it as UTF-8.`);
  }
  const scan = scanJson(text);
  if (scan.byteOrderMark) {
    problems.push(fileProblem(lng, file, 'invalid-json', `${file} starts with a byte order mark (BOM), which JSON.parse rejects: save it as UTF-8 without BOM.`, { line: 1, column: 1 }));
  }
  for (const duplicate of scan.duplicates) {
    const where = [...duplicate.path, duplicate.key].join(' > ');
    problems.push(
      fileProblem(
        lng,
        file,
        'duplicate-key',
        `Entry "${where}" appears more than once (first at line ${duplicate.first.line}, column ${duplicate.first.column}); JSON keeps only the last one: remove one of them.`,
        duplicate,
        duplicate.path.length === 0 ? duplicate.key : undefined,
      ),
    );
  }
  if (scan.syntaxError) {
    const { line, column, message } = scan.syntaxError;
    return failed('invalid-json', `Invalid JSON at line ${line}, column ${column}: ${message}.`, scan.syntaxError);
  }
  return { problems, value: scan.value, keyPositions: scan.topLevelKeys };
}

function stringEntries(value: unknown): Record<string, string> {
  const entries: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return entries;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') Object.defineProperty(entries, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return entries;
}

function describeNames(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((name) => `{{${name}}}`).join(', ');
}

/**
 * Checks the source catalog against the code registry of `@defender-errors/core`: every code needs
 * a title and a message, and each message must use exactly the code's parameters.
 */
export function checkSourceAgainstRegistry(source: Readonly<Record<string, string>>): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const code of ERROR_CODES) {
    for (const suffix of ['title', 'message']) {
      const key = `${code}.${suffix}`;
      if (!Object.hasOwn(source, key)) {
        problems.push({ severity: 'error', kind: 'missing-key', lng: SOURCE_LOCALE, key, message: `Missing entry "${key}": every error code needs a title and a message.` });
      }
    }
    const key = `${code}.message`;
    const message = source[key];
    if (message === undefined || !Object.hasOwn(source, key)) continue;
    const expected = [...getErrorDefinition(code).params].sort();
    const actual = [...new Set(placeholderNames(message))].sort();
    if (expected.join('\u0000') !== actual.join('\u0000')) {
      problems.push({
        severity: 'error',
        kind: 'placeholder-mismatch',
        lng: SOURCE_LOCALE,
        key,
        message: `Entry "${key}" has placeholders ${describeNames(actual)}, but the parameters of ${code} are ${describeNames(expected)}.`,
      });
    }
  }
  return problems;
}

async function localeFolders(localesDir: string): Promise<string[]> {
  const entries = await readdir(localesDir, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(join(localesDir, entry.name)).catch(() => undefined))?.isDirectory() === true);
    if (isFolder) folders.push(entry.name);
  }
  folders.sort();
  return [SOURCE_LOCALE, ...folders.filter((name) => name !== SOURCE_LOCALE)];
}

/** The problems of `lng`'s files of the other namespaces, each checked against en-US's file with the shared validator. */
async function checkOtherNamespaces(localesDir: string, lng: string): Promise<LocatedProblem[]> {
  const problems: LocatedProblem[] = [];
  for (const fileName of await otherNamespaceFiles(localesDir)) {
    const source = await loadCatalog(localesDir, SOURCE_LOCALE, fileName);
    const catalog = await loadCatalog(localesDir, lng, fileName);
    problems.push(...catalog.problems);
    if (catalog.value === undefined || source.value === undefined) continue;
    for (const problem of validateCatalog(lng, catalog.value, stringEntries(source.value))) {
      if (problem.kind === 'invalid-tag') continue;
      problems.push(locate(problem, `${lng}/${fileName}`, problem.key === undefined ? undefined : catalog.keyPositions.get(problem.key)));
    }
  }
  return problems;
}

/**
 * Validates every locale folder under `localesDir` against en-US with the shared validator of
 * `@defender-errors/i18n` (the one `addLocale` uses, so the wording is the same), plus what only the
 * files show: invalid JSON and duplicate keys with line and column, a missing `errors.json`, a
 * byte order mark, and en-US against the code registry. Every other namespace file of en-US
 * (`demo.json`) is checked the same way in each locale. Folder names must be canonical BCP 47 tags.
 */
export async function checkLocales(localesDir: string): Promise<LocalesCheckResult> {
  const locales = await localeFolders(localesDir);
  const problems: LocatedProblem[] = [];
  const sourceCatalog = await loadCatalog(localesDir, SOURCE_LOCALE);
  const sourceFile = `${SOURCE_LOCALE}/${CATALOG_FILE}`;
  problems.push(...sourceCatalog.problems);
  const sourceIsObject = typeof sourceCatalog.value === 'object' && sourceCatalog.value !== null && !Array.isArray(sourceCatalog.value);
  if (sourceCatalog.value !== undefined) {
    const own = validateCatalog(SOURCE_LOCALE, sourceCatalog.value, sourceCatalog.value as Record<string, string>, { warnIdentical: false });
    const registry = sourceIsObject ? checkSourceAgainstRegistry(stringEntries(sourceCatalog.value)) : [];
    for (const problem of [...own, ...registry]) problems.push(locate(problem, sourceFile, problem.key === undefined ? undefined : sourceCatalog.keyPositions.get(problem.key)));
  }
  const source = sourceIsObject ? stringEntries(sourceCatalog.value) : undefined;

  for (const lng of locales) {
    if (lng === SOURCE_LOCALE) continue;
    problems.push(...(await checkOtherNamespaces(localesDir, lng)));
    const file = `${lng}/${CATALOG_FILE}`;
    const catalog = await loadCatalog(localesDir, lng);
    problems.push(...catalog.problems);
    if (catalog.value === undefined || source === undefined) {
      // The folder name is still worth checking when the file cannot be compared.
      problems.push(...validateCatalog(lng, {}, {}).map((problem) => locate(problem, file, undefined)));
      continue;
    }
    for (const problem of validateCatalog(lng, catalog.value, source)) {
      problems.push(locate(problem, file, problem.key === undefined ? undefined : catalog.keyPositions.get(problem.key)));
    }
  }
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return { localesDir, locales, problems, errorCount, warningCount: problems.length - errorCount, sourceUsable: source !== undefined };
}
