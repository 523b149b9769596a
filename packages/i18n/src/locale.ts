import { SUPPORTED_LOCALES } from './generated/catalogs';

/** The locale used when nothing else matches, and the source of truth for keys. */
export const SOURCE_LOCALE = 'en-US';

/** The most ranges {@link matchLocale} reads from a list (a browser sends a handful). */
const MAX_RANGES = 64;

/** The longest language tag read; ICU's canonicalization is super-linear on very long input. */
const MAX_TAG_LENGTH = 256;

/** Whether `tag` is a well-formed BCP 47 language tag in its canonical form (`da-DK`, not `da_dk`). */
export function canonicalLocale(tag: string): string | undefined {
  if (typeof tag !== 'string' || tag.length > MAX_TAG_LENGTH) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}

/** The canonical, lower-cased form of a tag (`EN_gb` -> `en-gb`), or undefined for anything that is not one. */
function canonicalLower(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > MAX_TAG_LENGTH) return undefined;
  return canonicalLocale(tag.trim().replaceAll('_', '-'))?.toLowerCase();
}

/** Reads at most {@link MAX_RANGES} entries of a string or an iterable, without trusting its shape. */
function readList(value: unknown): unknown[] {
  if (typeof value === 'string') return [value];
  const entries: unknown[] = [];
  try {
    if (typeof value !== 'object' || value === null || !(Symbol.iterator in value)) return entries;
    for (const entry of value as Iterable<unknown>) {
      entries.push(entry);
      if (entries.length >= MAX_RANGES) break;
    }
  } catch {
    // a hostile iterator, getter or Proxy trap: keep what was read
  }
  return entries;
}

function languageOf(lowerTag: string): string {
  const hyphen = lowerTag.indexOf('-');
  return hyphen === -1 ? lowerTag : lowerTag.slice(0, hyphen);
}

/**
 * RFC 4647 §3.4 lookup of one range: the range itself, then shorter by one subtag at a time (a
 * single-character subtag such as the `u` of an extension goes with the subtag before it).
 */
function lookup(range: string, candidates: readonly string[]): number {
  let prefix = range;
  for (;;) {
    const index = candidates.indexOf(prefix);
    if (index !== -1) return index;
    let cut = prefix.lastIndexOf('-');
    if (cut === -1) return -1;
    if (cut >= 2 && prefix[cut - 2] === '-') cut -= 2;
    prefix = prefix.slice(0, cut);
  }
}

/**
 * The one locale matcher of the project: picks the supported locale for a user's languages in order
 * of preference. Each range, best first, is matched by BCP 47 lookup (`da-DK-u-nu-latn` -> `da-DK`,
 * case-insensitive), then by its language subtag (`da`, `da-GL` -> `da-DK`; `en-GB` -> `en-US`). When
 * no range matches, the result is `fallback` when given, else `en-US` when supported, else the first
 * supported locale. The answer is a `supported` entry exactly as given, so it is safe to echo.
 *
 * Never throws: junk entries, hostile iterables and over-long tags are skipped; at most 64 ranges
 * are read. Adapters parse their own input (an `Accept-Language` header, `navigator.languages`,
 * `LANG`) and leave the matching to this function.
 *
 * @param ranges A tag or a list of tags, best first.
 * @param supported The locales to choose from (invalid tags among them are ignored); the bundled ones by default.
 * @param fallback The answer when nothing matches (need not be one of `supported`).
 * @example
 * matchLocale(['fr-FR', 'da'], ['en-US', 'da-DK']); // 'da-DK'
 * matchLocale('en-GB', ['en-US', 'da-DK']);         // 'en-US'
 */
export function matchLocale(ranges: unknown, supported: unknown = SUPPORTED_LOCALES, fallback?: string): string {
  const tags: string[] = [];
  const lowered: string[] = [];
  for (const tag of readList(supported)) {
    const lower = canonicalLower(tag);
    if (lower !== undefined && !lowered.includes(lower)) {
      tags.push(tag as string);
      lowered.push(lower);
    }
  }
  if (tags.length > 0) {
    const languages = lowered.map(languageOf);
    for (const range of readList(ranges)) {
      const lower = canonicalLower(range);
      if (lower === undefined) continue;
      const looked = lookup(lower, lowered);
      const index = looked === -1 ? languages.indexOf(languageOf(lower)) : looked;
      if (index !== -1) return tags[index] as string;
    }
  }
  if (fallback !== undefined) return fallback;
  const source = lowered.indexOf(SOURCE_LOCALE.toLowerCase());
  return tags[Math.max(source, 0)] ?? SOURCE_LOCALE;
}

/**
 * Maps one language tag to one of `supported` with {@link matchLocale}'s rules, else `fallback`.
 * Never throws: junk, empty or over-long input gives `fallback`.
 */
export function resolveLocale(tag: unknown, supported: readonly string[], fallback: string = SOURCE_LOCALE): string {
  return typeof tag === 'string' ? matchLocale(tag, supported, fallback) : fallback;
}
