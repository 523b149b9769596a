/** A CLDR plural category, the suffix i18next puts after a plural key (`label.retryAfter_one`). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The categories in CLDR's order, which is also the order the catalogs list a key's forms in. */
export const PLURAL_CATEGORIES: readonly PluralCategory[] = Object.freeze(['zero', 'one', 'two', 'few', 'many', 'other']);

const SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The key without its plural suffix (`label.retryAfter_one` -> `label.retryAfter`), or `undefined` for a key that has none. */
export function pluralBase(key: string): string | undefined {
  const match = SUFFIX.exec(key);
  return match === null ? undefined : key.slice(0, match.index);
}

const categoriesCache = new Map<string, readonly PluralCategory[]>();

/**
 * The plural categories of `lng` as `Intl.PluralRules` has them (`en` one/other, `ja` other,
 * `pl` one/few/many/other), in CLDR order; `['other']` for a tag Intl cannot read.
 */
export function pluralCategoriesOf(lng: string): readonly PluralCategory[] {
  let categories = categoriesCache.get(lng);
  if (categories === undefined) {
    let found: readonly string[];
    try {
      found = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    } catch {
      found = ['other'];
    }
    categories = Object.freeze(PLURAL_CATEGORIES.filter((category) => found.includes(category)));
    categoriesCache.set(lng, categories);
  }
  return categories;
}

/** One key a locale's catalog must have, and the source (en-US) entry whose placeholders it keeps. */
export interface ExpectedEntry {
  readonly key: string;
  readonly sourceKey: string;
  /** The plural key it is a form of (`label.retryAfter`), when it is one. */
  readonly pluralOf: string | undefined;
}

/**
 * The keys a catalog of `lng` must have, given the source catalog's keys: every key that is not
 * plural as it is, and each plural key (i18next's `_one`, `_other`, … suffixes) once per category
 * of `lng`, in the position of the source's forms. A form the source lacks takes its placeholders
 * from the source's `_other`.
 */
export function expectedEntries(lng: string, sourceKeys: readonly string[]): ExpectedEntry[] {
  const entries: ExpectedEntry[] = [];
  const done = new Set<string>();
  const sourceSet = new Set(sourceKeys);
  for (const key of sourceKeys) {
    const base = pluralBase(key);
    if (base === undefined) {
      entries.push({ key, sourceKey: key, pluralOf: undefined });
      continue;
    }
    if (done.has(base)) continue;
    done.add(base);
    for (const category of pluralCategoriesOf(lng)) {
      const form = `${base}_${category}`;
      entries.push({ key: form, sourceKey: sourceSet.has(form) ? form : `${base}_other`, pluralOf: base });
    }
  }
  return entries;
}

/** The plural keys of a catalog (`label.retryAfter`), from its keys. */
export function pluralKeysOf(keys: readonly string[]): Set<string> {
  const bases = new Set<string>();
  for (const key of keys) {
    const base = pluralBase(key);
    if (base !== undefined) bases.add(base);
  }
  return bases;
}
