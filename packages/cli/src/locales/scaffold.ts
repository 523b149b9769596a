import { mkdir, readdir, readFile, realpath, rmdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { canonicalLocale, expectedEntries, validateCatalog } from '@defender-errors/i18n/tooling';
import { scanJson } from './json-scan';
import { CATALOG_FILE, SOURCE_LOCALE, isInside, otherNamespaceFiles } from './locate';

/** The longest language tag accepted for a new locale folder. */
export const MAX_TAG_LENGTH = 64;

/**
 * The text written for an entry still to be translated: the en-US text after a `[TODO <lng>] `
 * marker. Placeholders are kept, so the draft passes the placeholder check, while
 * `locales check` (and `addLocale`) report every marked entry as "not translated yet".
 */
export function markForTranslation(lng: string, sourceText: string): string {
  return `[TODO ${lng}] ${sourceText}`;
}

/**
 * The entries a catalog of `lng` has, in en-US key order, each with the en-US text it starts from:
 * every en-US key, except that a plural key (`label.retryAfter_one`, `_other`) gets one form per
 * CLDR plural category of `lng` (`Intl.PluralRules`), a form en-US lacks starting from its `_other`.
 */
export function draftEntries(lng: string, source: Readonly<Record<string, string>>): [key: string, sourceText: string][] {
  return expectedEntries(lng, Object.keys(source)).map((entry) => [entry.key, source[entry.sourceKey] ?? '']);
}

/** A catalog with every entry of {@link draftEntries} marked for translation into `lng`. */
export function scaffoldCatalog(lng: string, source: Readonly<Record<string, string>>): Record<string, string> {
  const catalog: Record<string, string> = {};
  for (const [key, text] of draftEntries(lng, source)) {
    Object.defineProperty(catalog, key, { value: markForTranslation(lng, text), enumerable: true, writable: true, configurable: true });
  }
  return catalog;
}

/** A catalog as written to disk: two-space JSON with a final newline, keys in the given order. */
export function serializeCatalog(catalog: Readonly<Record<string, string>>): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

/** The outcome of {@link checkNewLocaleTag}: the tag to use, or a sentence saying why not. */
export type TagCheck = { readonly ok: true; readonly tag: string } | { readonly ok: false; readonly reason: string };

/**
 * Checks a tag given for a new locale: it must be a canonical BCP 47 tag (the folder name), never a
 * path. `da_dk`, `da-dk` and `DA-DK` are refused with the canonical form `da-DK` as a suggestion.
 */
export function checkNewLocaleTag(input: string): TagCheck {
  if (input.trim() === '') return { ok: false, reason: 'give a language tag, for example sv-SE' };
  if (input.length > MAX_TAG_LENGTH) return { ok: false, reason: `the language tag is longer than ${MAX_TAG_LENGTH} characters` };
  if (input.includes('/') || input.includes('\\') || input.includes('..') || isAbsolute(input)) {
    return { ok: false, reason: `'${input}' is a path, not a language tag: give a tag such as sv-SE (the locale is always created in locales/<tag>/)` };
  }
  const canonical = canonicalLocale(input);
  if (canonical === input) return { ok: true, tag: canonical };
  if (canonical === undefined) {
    const suggestion = canonicalLocale(input.trim().replace(/_/g, '-'));
    if (suggestion !== undefined) return { ok: false, reason: `"${input}" is not a valid BCP 47 language tag: did you mean "${suggestion}"?` };
  }
  // The shared validator's wording: "is not a valid BCP 47 language tag" / "is not in canonical form: use …".
  const [problem] = validateCatalog(input, {}, {}).filter((found) => found.kind === 'invalid-tag');
  return { ok: false, reason: problem?.message ?? `"${input}" is not a valid BCP 47 language tag.` };
}

/** Why {@link createLocale} refused: `usage` for a bad tag, `exists` for a locale already there, `source` for an unreadable en-US. */
export class CreateLocaleError extends Error {
  override readonly name = 'CreateLocaleError';

  constructor(
    message: string,
    readonly reason: 'usage' | 'exists' | 'source',
  ) {
    super(message);
  }
}

/** What {@link createLocale} wrote. */
export interface CreatedLocale {
  readonly lng: string;
  /** The new catalog file (absolute). */
  readonly file: string;
  /** How many entries it holds, all marked for translation. */
  readonly entries: number;
}

/** Reads and checks the en-US catalog: a flat object of strings, else a `CreateLocaleError`. */
export async function readSourceCatalog(localesDir: string): Promise<Record<string, string>> {
  const path = join(localesDir, SOURCE_LOCALE, CATALOG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CreateLocaleError(`cannot read ${SOURCE_LOCALE}/${CATALOG_FILE} in ${localesDir}`, 'source');
  }
  const scan = scanJson(text);
  const value = scan.value;
  const problems = validateCatalog(SOURCE_LOCALE, value, (value ?? {}) as Record<string, string>, { warnIdentical: false });
  if (scan.syntaxError || scan.duplicates.length > 0 || problems.some((problem) => problem.severity === 'error')) {
    throw new CreateLocaleError(`${SOURCE_LOCALE}/${CATALOG_FILE} has problems; run 'defender-errors locales check' first`, 'source');
  }
  return value as Record<string, string>;
}

/**
 * Creates `<localesDir>/<lng>/errors.json` from en-US with every entry marked for translation.
 * Writes nothing outside `localesDir` (a path instead of a tag is refused, and the new folder is
 * checked after symlinks are resolved) and never overwrites: a locale that already exists, in any
 * letter case, is refused.
 */
export async function createLocale(localesDir: string, lng: string): Promise<CreatedLocale> {
  const checked = checkNewLocaleTag(lng);
  if (!checked.ok) throw new CreateLocaleError(checked.reason, 'usage');
  const { tag } = checked;
  const source = await readSourceCatalog(localesDir);
  const existing = (await readdir(localesDir)).find((name) => name.toLowerCase() === tag.toLowerCase());
  if (existing !== undefined) {
    throw new CreateLocaleError(`locale ${tag} already exists (${existing}/); nothing was written`, 'exists');
  }
  const folder = join(localesDir, tag);
  const realLocalesDir = await realpath(localesDir);
  if (!isInside(localesDir, folder)) throw new CreateLocaleError(`'${lng}' would be written outside the locales folder`, 'usage');
  try {
    await mkdir(folder);
  } catch {
    throw new CreateLocaleError(`locale ${tag} already exists or its folder cannot be created; nothing was written`, 'exists');
  }
  if (!isInside(realLocalesDir, await realpath(folder))) {
    await rmdir(folder).catch(() => undefined);
    throw new CreateLocaleError(`'${lng}' would be written outside the locales folder`, 'usage');
  }
  const file = join(folder, CATALOG_FILE);
  const catalog = scaffoldCatalog(tag, source);
  await writeFile(file, serializeCatalog(catalog), { flag: 'wx' });
  // The other namespaces of en-US (demo.json), marked the same way, so that `locales check` finds them.
  for (const name of await otherNamespaceFiles(localesDir)) {
    const other = scanJson(await readFile(join(localesDir, SOURCE_LOCALE, name), 'utf8')).value;
    if (typeof other !== 'object' || other === null || Array.isArray(other)) continue;
    const texts = Object.fromEntries(Object.entries(other).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    await writeFile(join(folder, name), serializeCatalog(scaffoldCatalog(tag, texts)), { flag: 'wx' });
  }
  return { lng: tag, file, entries: Object.keys(catalog).length };
}
