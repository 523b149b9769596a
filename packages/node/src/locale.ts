import { createRequire } from 'node:module';
import type * as LocaleMatcher from '@formatjs/intl-localematcher';
import { SUPPORTED_LOCALES, resolveLocale } from '@defender-errors/i18n';
import type NegotiatorClass from 'negotiator';

/**
 * The most characters of an `Accept-Language` header that {@link negotiateLocale} reads: 4 KiB.
 * A longer header is cut at its last comma before this length (a browser sends well under 200).
 */
export const MAX_ACCEPT_LANGUAGE_LENGTH = 4 * 1024;

/** The most language ranges (after sorting by q-value) that {@link negotiateLocale} tries. */
export const MAX_LANGUAGE_RANGES = 32;

/** The language used when nothing in the header matches (when it is one of the supported tags). */
export const DEFAULT_LOCALE = 'en-US';

interface SupportedTag {
  /** The entry exactly as the caller listed it. */
  readonly tag: string;
  readonly canonical: string;
  readonly language: string;
}

/** What a request may carry in its `accept-language` header field. */
export type AcceptLanguageHeader = string | readonly string[] | null | undefined;

const requireDependency = createRequire(import.meta.url);
let negotiatorClass: typeof NegotiatorClass | undefined;
let localeMatcher: typeof LocaleMatcher | undefined;

/**
 * The header parser and the matcher load on the first negotiation, not at import: together they
 * cost ≈17 ms of a cold start (issue 7), which a process that never negotiates should not pay.
 */
function negotiator(): typeof NegotiatorClass {
  return (negotiatorClass ??= requireDependency('negotiator') as typeof NegotiatorClass);
}

function matcher(): typeof LocaleMatcher {
  return (localeMatcher ??= requireDependency('@formatjs/intl-localematcher') as typeof LocaleMatcher);
}

function canonicalize(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

function languageOf(canonicalTag: string): string {
  const hyphen = canonicalTag.indexOf('-');
  return (hyphen === -1 ? canonicalTag : canonicalTag.slice(0, hyphen)).toLowerCase();
}

function readSupported(supported: readonly string[]): SupportedTag[] {
  const tags: SupportedTag[] = [];
  for (const tag of supported) {
    if (typeof tag !== 'string') continue;
    const canonical = canonicalize(tag);
    if (canonical === undefined) continue;
    if (!tags.some((known) => known.canonical === canonical)) tags.push({ tag, canonical, language: languageOf(canonical) });
  }
  return tags;
}

function headerText(header: unknown): string {
  let text: string;
  if (typeof header === 'string') text = header;
  else if (Array.isArray(header)) text = header.filter((part): part is string => typeof part === 'string').join(',');
  else return '';
  if (text.length <= MAX_ACCEPT_LANGUAGE_LENGTH) return text;
  const clipped = text.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH);
  const lastComma = clipped.lastIndexOf(',');
  return lastComma === -1 ? '' : clipped.slice(0, lastComma);
}

const ZERO_QUALITY = /^\s*q\s*=\s*0(?:\.0{0,3})?\s*$/i;

/** The canonical ranges the client marked `q=0` ("not acceptable", RFC 9110 §12.4.2); negotiator drops them. */
function refusedRanges(text: string): string[] {
  const refused: string[] = [];
  for (const part of text.split(',')) {
    const [range = '', ...parameters] = part.split(';');
    if (!parameters.some((parameter) => ZERO_QUALITY.test(parameter))) continue;
    const trimmed = range.trim();
    const canonical = trimmed === '*' ? '*' : canonicalize(trimmed);
    if (canonical !== undefined) refused.push(canonical.toLowerCase());
  }
  return refused;
}

/**
 * Whether `prefix` is `tag` or a prefix of it that ends before a `-` (case-insensitive): what RFC
 * 4647 basic filtering calls a range matching a tag, and the only answers its lookup can give.
 */
function covers(prefix: string, tag: string): boolean {
  const loweredPrefix = prefix.toLowerCase();
  const loweredTag = tag.toLowerCase();
  return loweredTag === loweredPrefix || loweredTag.startsWith(`${loweredPrefix}-`);
}

/**
 * BCP 47 lookup (RFC 4647 §3.4) of one canonical range among canonical candidates, with
 * `@formatjs/intl-localematcher`; `undefined` when nothing matches. Exported for its tests only.
 */
export function lookupSupported(range: string, candidates: readonly string[]): string | undefined {
  // When no candidate covers the range the answer is no match: the matcher (and its load) is skipped.
  if (!candidates.some((candidate) => covers(candidate, range))) return undefined;
  if (candidates.includes(range)) return range;
  try {
    const found = matcher().match([range], candidates, 'und', { algorithm: 'lookup' });
    // The default ('und') comes back when nothing matched, even when it is one of the candidates.
    return candidates.includes(found) && covers(found, range) ? found : undefined;
  } catch {
    return undefined; // match() throws RangeError on tags it does not accept; the caller tries the language subtag next
  }
}

/** RFC 4647 basic filtering: `da` covers `da-DK`; `*` covers everything not named with a q > 0. */
function isRefused(candidate: SupportedTag, refused: readonly string[], named: ReadonlySet<string>): boolean {
  const tag = candidate.canonical.toLowerCase();
  for (const range of refused) {
    if (range === '*' ? !named.has(tag) && !named.has(candidate.language) : covers(range, tag)) return true;
  }
  return false;
}

/**
 * Picks the best supported language for an `Accept-Language` header (RFC 9110 §12.5.4).
 *
 * The header is parsed by `negotiator` (invalid q-values are dropped, ranges are sorted by q-value
 * and then by the client's order) and each range, best first, is matched against `supported`:
 * first by BCP 47 lookup with `@formatjs/intl-localematcher` (`da-DK-u-nu-latn` -> `da-DK`), then by
 * language subtag (`da` -> `da-DK`, `en-GB` -> `en-US`). `q=0` means "not acceptable"; `*` picks
 * the default. When nothing matches, the result is `en-US` (or, when that is not supported or was
 * refused, the first supported tag that was not refused).
 *
 * Never throws on a header: a malformed, non-ASCII or huge header is read as far as it makes sense
 * (at most {@link MAX_ACCEPT_LANGUAGE_LENGTH} characters and {@link MAX_LANGUAGE_RANGES} ranges).
 * The result is always one of the `supported` entries exactly as given, so it is safe to echo in a
 * `Content-Language` header.
 *
 * @param header The request's `accept-language` header (`req.headers['accept-language']`).
 * @param supported The tags to choose from; invalid BCP 47 tags among them are ignored.
 * @throws TypeError when `supported` holds no valid tag at all.
 *
 * @example
 * negotiateLocale('da, en;q=0.8'); // 'da-DK'
 * negotiateLocale('en-GB');        // 'en-US'
 * negotiateLocale('da;q=0, en');   // 'en-US'
 */
export function negotiateLocale(header: AcceptLanguageHeader, supported: readonly string[] = SUPPORTED_LOCALES): string {
  const available = readSupported(supported);
  const first = available[0];
  if (first === undefined) throw new TypeError('negotiateLocale: `supported` must list at least one valid BCP 47 language tag.');

  const text = headerText(header);
  let ranges: string[];
  try {
    ranges = text.length === 0 ? [] : new (negotiator())({ headers: { 'accept-language': text } }).languages();
  } catch {
    ranges = [];
  }
  const refused = refusedRanges(text);
  const canonicalRanges = ranges.slice(0, MAX_LANGUAGE_RANGES).map((range) => (range === '*' ? '*' : canonicalize(range)));
  const named = new Set<string>();
  for (const range of canonicalRanges) {
    if (range !== undefined && range !== '*') named.add(range.toLowerCase()).add(languageOf(range));
  }
  const acceptable = refused.length === 0 ? available : available.filter((candidate) => !isRefused(candidate, refused, named));
  const fallback = (acceptable.find((candidate) => candidate.canonical === DEFAULT_LOCALE) ?? acceptable[0] ?? first).tag;
  if (acceptable.length === 0) return fallback;
  const acceptableCanonical = acceptable.map((candidate) => candidate.canonical);
  const acceptableTags = acceptable.map((candidate) => candidate.tag);

  for (const range of canonicalRanges) {
    if (range === undefined) continue;
    if (range === '*') return fallback;
    const looked = lookupSupported(range, acceptableCanonical);
    const exact = acceptable.find((candidate) => candidate.canonical === looked);
    if (exact !== undefined) return exact.tag;
    const sameLanguage = resolveLocale(range, acceptableTags, '');
    if (sameLanguage !== '') return sameLanguage;
  }
  return fallback;
}
