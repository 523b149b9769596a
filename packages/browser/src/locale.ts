import { AVAILABLE_LOCALES, resolveLocale } from '@defender-errors/i18n/lite';

/** The locale used when none of the user's languages is supported. */
export const DEFAULT_LOCALE = 'en-US';

const MAX_LANGUAGES = 64;
const MAX_TAG_LENGTH = 128;

function browserLanguages(): unknown {
  try {
    const nav = globalThis.navigator;
    if (nav === undefined) return [];
    return nav.languages?.length ? nav.languages : [nav.language];
  } catch {
    return [];
  }
}

/** Canonical form of a BCP 47 tag (`EN_gb` -> `en-GB`), or undefined for anything that is not one. */
function canonicalTag(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TAG_LENGTH) return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim().replaceAll('_', '-'))[0];
  } catch {
    return undefined;
  }
}

/** Reads at most {@link MAX_LANGUAGES} entries of a list without trusting its shape. */
function readList(value: unknown): unknown[] {
  if (typeof value === 'string') return [value];
  const entries: unknown[] = [];
  try {
    if (typeof value !== 'object' || value === null || !(Symbol.iterator in value)) return entries;
    for (const entry of value as Iterable<unknown>) {
      entries.push(entry);
      if (entries.length >= MAX_LANGUAGES) break;
    }
  } catch {
    // a hostile iterator or getter: keep what was read
  }
  return entries;
}

/**
 * The supported locale for a user's preferred languages: the first language in the list that
 * matches a supported locale by its exact tag (case-insensitive) or by its language subtag
 * (`da` and `da-GL` -> `da-DK`, `en-GB` -> `en-US`); otherwise `en-US` (or, when `en-US` is not
 * supported, the first supported locale). Never throws: junk entries are skipped.
 *
 * @param languages The user's languages in order of preference; defaults to `navigator.languages`.
 * @param supported The locales to choose from; defaults to the locales published by `@defender-errors/i18n`.
 * @example
 * detectLocale(['fr-FR', 'en-GB']); // 'en-US'
 * detectLocale(['da']); // 'da-DK'
 */
export function detectLocale(languages: unknown = browserLanguages(), supported: unknown = AVAILABLE_LOCALES): string {
  const tags: string[] = [];
  const canonicalTags: string[] = [];
  for (const tag of readList(supported)) {
    const canonical = canonicalTag(tag);
    if (canonical !== undefined) {
      tags.push(tag as string);
      canonicalTags.push(canonical);
    }
  }
  if (tags.length === 0) return DEFAULT_LOCALE;

  for (const entry of readList(languages)) {
    // Matched against the canonical forms, so the answer maps back to the caller's spelling; '' is no match.
    const match = typeof entry === 'string' && entry.length <= MAX_TAG_LENGTH ? resolveLocale(entry, canonicalTags, '') : '';
    if (match !== '') return tags[canonicalTags.indexOf(match)] as string;
  }
  return tags[Math.max(canonicalTags.indexOf(DEFAULT_LOCALE), 0)] as string;
}
