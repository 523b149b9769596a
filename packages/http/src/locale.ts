import { SOURCE_LOCALE, SUPPORTED_LOCALES, canonicalLocale, matchLocale } from '@defender-errors/i18n';
import { parseAcceptLanguage } from './accept-language';

/**
 * The most characters of an `Accept-Language` header that {@link negotiateLocale} reads: 4 KiB.
 * A longer header is cut at its last comma before this length (a browser sends well under 200).
 */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 4 * 1024;

/** The most language ranges (after sorting by q-value) that {@link negotiateLocale} tries. */
export const MAX_LANGUAGE_RANGES = 32;

/** The language used when nothing in the header matches (when it is one of the supported tags). */
export const DEFAULT_LOCALE = SOURCE_LOCALE;

/** What a request may carry in its `accept-language` header field. */
export type AcceptLanguageHeader = string | readonly string[] | null | undefined;

interface SupportedTag {
  /** The entry exactly as the caller listed it. */
  readonly tag: string;
  readonly canonical: string;
  readonly language: string;
}

function languageOf(canonicalTag: string): string {
  const hyphen = canonicalTag.indexOf('-');
  return (hyphen === -1 ? canonicalTag : canonicalTag.slice(0, hyphen)).toLowerCase();
}

function readSupported(supported: readonly string[]): SupportedTag[] {
  const tags: SupportedTag[] = [];
  for (const tag of supported) {
    // canonicalLocale reads a non-string as no tag.
    const canonical = canonicalLocale(tag);
    if (canonical === undefined) continue;
    if (!tags.some((known) => known.canonical === canonical)) tags.push({ tag, canonical, language: languageOf(canonical) });
  }
  return tags;
}

/** The parts of a header list that are strings; a list that cannot be read (a revoked Proxy, throwing traps) has none. */
function headerParts(header: unknown): string {
  try {
    return Array.isArray(header) ? header.filter((part): part is string => typeof part === 'string').join(',') : '';
  } catch {
    return '';
  }
}

function headerText(header: unknown): string {
  const text = typeof header === 'string' ? header : headerParts(header);
  if (text.length <= MAX_ACCEPT_LANGUAGE_LENGTH) return text;
  const clipped = text.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH);
  const lastComma = clipped.lastIndexOf(',');
  return lastComma === -1 ? '' : clipped.slice(0, lastComma);
}

const ZERO_QUALITY = /^\s*q\s*=\s*0(?:\.0{0,3})?\s*$/i;

/** The canonical ranges the client marked `q=0` ("not acceptable", RFC 9110 §12.4.2); the parser drops them. */
function refusedRanges(text: string): string[] {
  const refused: string[] = [];
  for (const part of text.split(',')) {
    const [range = '', ...parameters] = part.split(';');
    if (!parameters.some((parameter) => ZERO_QUALITY.test(parameter))) continue;
    const trimmed = range.trim();
    const canonical = trimmed === '*' ? '*' : canonicalLocale(trimmed);
    if (canonical !== undefined) refused.push(canonical);
  }
  return refused;
}

/** Whether `prefix` is `tag` or a prefix of it that ends before a `-` (case-insensitive): an RFC 4647 basic filter. */
function covers(prefix: string, tag: string): boolean {
  const loweredPrefix = prefix.toLowerCase();
  const loweredTag = tag.toLowerCase();
  return loweredTag === loweredPrefix || loweredTag.startsWith(`${loweredPrefix}-`);
}

/**
 * RFC 4647 basic filtering: `da` covers `da-DK`; `*` covers every tag whose language no range with
 * a q > 0 names (`da-AT` names `da-DK` too, as `negotiator` and the matcher read it).
 */
function isRefused(candidate: SupportedTag, refused: readonly string[], namedLanguages: ReadonlySet<string>): boolean {
  for (const range of refused) {
    if (range === '*' ? !namedLanguages.has(candidate.language) : covers(range, candidate.canonical)) return true;
  }
  return false;
}

/**
 * Picks the best supported language for an `Accept-Language` header (RFC 9110 §12.5.4).
 *
 * This function only reads the header (invalid q-values are dropped, ranges are sorted by q-value
 * and then by the client's order, exactly as `negotiator` reads it), `q=0` ranges make the supported
 * tags they cover not acceptable, and `*` stands for the default. The matching itself is
 * `matchLocale` of `@defender-errors/i18n` (BCP 47 lookup, `da-DK-u-nu-latn` -> `da-DK`, then the
 * language subtag, `da` -> `da-DK`, `en-GB` -> `en-US`) over the acceptable tags. When nothing
 * matches, the result is `en-US` (or, when that is not supported or was refused, the first
 * supported tag that was not refused).
 *
 * Never throws on a header: a malformed, non-ASCII or huge header is read as far as it makes sense
 * (at most {@link MAX_ACCEPT_LANGUAGE_LENGTH} characters and {@link MAX_LANGUAGE_RANGES} ranges).
 * The result is always one of the `supported` entries exactly as given, so it is safe to echo in a
 * `Content-Language` header.
 *
 * @param header The request's `accept-language` header.
 * @param supported The tags to choose from; invalid BCP 47 tags among them are ignored.
 * @throws TypeError when `supported` holds no valid tag at all.
 *
 * @example
 * negotiateLocale('da, en;q=0.8'); // 'da-DK'
 * negotiateLocale('en-GB');        // 'en-US'
 * negotiateLocale('da;q=0, en');   // 'en-US'
 */
export function negotiateLocale(header: AcceptLanguageHeader, supported: readonly string[] = SUPPORTED_LOCALES): string {
  const text = headerText(header);
  // A server sees the same few headers again and again: the answer depends only on the two inputs.
  const prefix = text.length <= MAX_CACHED_HEADER_LENGTH ? cacheKeyOf(supported) : undefined;
  const key = prefix === undefined ? undefined : prefix + text;
  const cached = key === undefined ? undefined : answers.get(key);
  if (cached !== undefined) return cached;
  const answer = negotiate(text, supported);
  if (key !== undefined) {
    if (answers.size >= MAX_CACHED_ANSWERS) answers.clear();
    answers.set(key, answer);
  }
  return answer;
}

/** The longest header whose answer {@link negotiateLocale} keeps (internal: not exported by the package). */
export const MAX_CACHED_HEADER_LENGTH = 256;
/** How many answers are kept; at this many the cache starts over (internal: not exported by the package). */
export const MAX_CACHED_ANSWERS = 512;
const answers = new Map<string, string>();
const TAG_CHARACTERS = /^[a-z\d-]+$/i;

let lastSupported: readonly string[] = [];
let lastKey: string | undefined;

/**
 * The cache key of a supported list: its entries joined with commas, when none holds a separator
 * (so that the key names the list unambiguously). A translator hands out a fresh copy of the same
 * list on every call: the key of the last list is reused when its entries are the same.
 */
function cacheKeyOf(supported: readonly string[]): string | undefined {
  if (!Array.isArray(supported)) return undefined;
  if (supported.length === lastSupported.length && supported.every((tag, index) => tag === lastSupported[index])) return lastKey;
  const plain = supported.every((tag) => typeof tag === 'string' && TAG_CHARACTERS.test(tag));
  lastSupported = [...supported];
  lastKey = plain ? `${supported.join(',')}\n` : undefined;
  return lastKey;
}

function negotiate(text: string, supported: readonly string[]): string {
  const available = readSupported(supported);
  const first = available[0];
  if (first === undefined) throw new TypeError('negotiateLocale: `supported` must list at least one valid BCP 47 language tag.');

  const refused = refusedRanges(text);
  const canonicalRanges = parseAcceptLanguage(text)
    .slice(0, MAX_LANGUAGE_RANGES)
    .map((range) => (range === '*' ? '*' : canonicalLocale(range)))
    .filter((range): range is string => range !== undefined);
  const namedLanguages = new Set(canonicalRanges.map(languageOf));
  // The ranges after `*` are never reached: `*` answers the default.
  const star = canonicalRanges.indexOf('*');
  const ranges = star === -1 ? canonicalRanges : canonicalRanges.slice(0, star);
  const acceptable = refused.length === 0 ? available : available.filter((candidate) => !isRefused(candidate, refused, namedLanguages));
  const fallback = (acceptable.find((candidate) => candidate.canonical === DEFAULT_LOCALE) ?? acceptable[0] ?? first).tag;
  // With no acceptable tag, matchLocale answers the fallback.
  return matchLocale(ranges, acceptable.map((candidate) => candidate.tag), fallback);
}
