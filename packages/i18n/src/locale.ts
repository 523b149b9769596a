import { canonicalLocale } from './validate';

/** The locale used when nothing else matches, and the source of truth for keys. */
export const SOURCE_LOCALE = 'en-US';

/**
 * Maps any language tag to one of `supported`: the exact tag (case-insensitive), else the first
 * supported locale with the same language (`da` and `da-*` -> `da-DK`, `en-GB` -> `en-US`), else
 * `fallback`. Never throws: junk, empty or over-long input gives `fallback`.
 */
export function resolveLocale(tag: unknown, supported: readonly string[], fallback: string = SOURCE_LOCALE): string {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 256) return fallback;
  const canonical = canonicalLocale(tag.trim().replace(/_/g, '-'));
  if (canonical === undefined) return fallback;
  const lower = canonical.toLowerCase();
  const exact = supported.find((candidate) => candidate.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const language = lower.split('-')[0];
  const sameLanguage = supported.find((candidate) => candidate.toLowerCase().split('-')[0] === language);
  return sameLanguage ?? fallback;
}
