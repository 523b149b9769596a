import { expectedEntries, pluralBase, pluralCategoriesOf, pluralKeysOf } from './plurals';
import { canonicalLocale } from './locale';
import { placeholderNames } from './template';

/** How serious a catalog problem is: errors block a locale, warnings are reported only. */
export type CatalogProblemSeverity = 'error' | 'warning';

/** The kinds of problem the catalog validator reports. */
export type CatalogProblemKind =
  | 'invalid-tag'
  | 'not-an-object'
  | 'missing-key'
  | 'extra-key'
  | 'missing-plural-form'
  | 'extra-plural-form'
  | 'not-a-string'
  | 'empty'
  | 'placeholder-mismatch'
  | 'unsafe-syntax'
  | 'untranslated'
  | 'identical-to-source'
  // Found only in a catalog file, not in a parsed object: reported by `defender-errors locales check`.
  | 'invalid-json'
  | 'duplicate-key'
  | 'missing-file';

/** One problem found in a catalog, with a sentence a translator can act on. */
export interface CatalogProblem {
  readonly severity: CatalogProblemSeverity;
  readonly kind: CatalogProblemKind;
  /** The language tag of the catalog. */
  readonly lng: string;
  /** The entry concerned, when the problem is about one entry. */
  readonly key: string | undefined;
  /** A readable explanation, the same in `addLocale` errors and `defender-errors locales check`. */
  readonly message: string;
}

/** Options of {@link validateCatalog}. */
export interface ValidateCatalogOptions {
  /** Report entries identical to the source as warnings (default true; off for en-US itself). */
  readonly warnIdentical?: boolean;
}

/**
 * The start of the marker that `defender-errors locales add` and `locales import` put before every
 * entry still to be translated: `[TODO da-DK] Hash value {{hash}} is invalid.`
 */
export const UNTRANSLATED_MARKER_START = '[TODO';

function isMarkedUntranslated(value: string): boolean {
  return value.trimStart().startsWith(UNTRANSLATED_MARKER_START);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((name, index) => name === right[index]);
}

function describeNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length === 0 ? 'none' : unique.map((name) => `{{${name}}}`).join(', ');
}

/**
 * Checks a locale's `errors` catalog against the source (en-US): the same keys (a plural key once
 * per CLDR plural category of the locale: `_one` and `_other` for da-DK, `_other` alone for ja-JP,
 * missing and extra forms are errors), non-empty strings,
 * the same placeholders in every entry, and none of the i18next forms that are unsafe with
 * untrusted values (`{{- x}}` unescaped interpolation, `$t(` nesting). Entries identical to the
 * source are warnings; entries still marked `[TODO <lng>]` are errors (not translated yet). Used by
 * `addLocale` at run time and by `defender-errors locales check`.
 */
export function validateCatalog(
  lng: string,
  messages: unknown,
  source: Readonly<Record<string, string>>,
  options: ValidateCatalogOptions = {},
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const report = (severity: CatalogProblemSeverity, kind: CatalogProblemKind, key: string | undefined, message: string) =>
    problems.push({ severity, kind, lng, key, message });

  const canonical = canonicalLocale(lng);
  if (canonical === undefined) {
    report('error', 'invalid-tag', undefined, `"${lng}" is not a valid BCP 47 language tag (for example da-DK, de, pt-BR).`);
  } else if (canonical !== lng) {
    report('error', 'invalid-tag', undefined, `"${lng}" is not in canonical form: use "${canonical}".`);
  }
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
    report('error', 'not-an-object', undefined, 'The catalog must be a JSON object of "key": "message" entries.');
    return problems;
  }
  const catalog = messages as Record<string, unknown>;
  const expectedByKey = new Map(expectedEntries(lng, Object.keys(source)).map((entry) => [entry.key, entry]));
  const pluralKeys = pluralKeysOf(Object.keys(source));
  const categories = () => pluralCategoriesOf(lng).join(', ');
  for (const entry of expectedByKey.values()) {
    if (Object.hasOwn(catalog, entry.key)) continue;
    if (entry.pluralOf === undefined) report('error', 'missing-key', entry.key, `Missing entry "${entry.key}".`);
    else report('error', 'missing-plural-form', entry.key, `Missing plural form "${entry.key}": ${lng} has the forms ${categories()} of "${entry.pluralOf}".`);
  }
  for (const key of Object.keys(catalog)) {
    const entry = expectedByKey.get(key);
    if (entry === undefined) {
      const base = pluralBase(key) ?? key;
      if (pluralKeys.has(base)) {
        report('error', 'extra-plural-form', key, `Entry "${key}" is not a plural form of ${lng} (its forms of "${base}" are ${categories()}); remove it.`);
      } else {
        report('error', 'extra-key', key, `Entry "${key}" does not exist in en-US; remove it or check its spelling.`);
      }
      continue;
    }
    const value = catalog[key];
    const reference = source[entry.sourceKey] ?? '';
    if (typeof value !== 'string') {
      report('error', 'not-a-string', key, `Entry "${key}" must be a string.`);
      continue;
    }
    if (value.trim() === '') {
      report('error', 'empty', key, `Entry "${key}" is empty.`);
      continue;
    }
    const untranslated = isMarkedUntranslated(value);
    if (untranslated) {
      report('error', 'untranslated', key, `Entry "${key}" is not translated yet: translate it and remove the "${UNTRANSLATED_MARKER_START} …]" marker.`);
    }
    if (value.includes('$t(')) {
      report('error', 'unsafe-syntax', key, `Entry "${key}" uses $t( nesting, which is not allowed in these catalogs.`);
    }
    if (/\{\{\s*-/.test(value)) {
      report('error', 'unsafe-syntax', key, `Entry "${key}" uses unescaped interpolation {{- …}}; write {{name}} instead.`);
    }
    const expected = placeholderNames(reference);
    const actual = placeholderNames(value);
    if (!sameNames(expected, actual)) {
      report(
        'error',
        'placeholder-mismatch',
        key,
        `Entry "${key}" has placeholders ${describeNames(actual)}, but en-US has ${describeNames(expected)}.`,
      );
    }
    if ((options.warnIdentical ?? true) && !untranslated && value === source[key]) {
      report('warning', 'identical-to-source', key, `Entry "${key}" is identical to en-US: is it translated?`);
    }
  }
  return problems;
}
