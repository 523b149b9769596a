import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, MAX_ACCEPT_LANGUAGE_LENGTH, negotiateLocale } from './locale';

/**
 * Exact-output tests of negotiateLocale, written to kill the mutants Stryker found surviving the
 * other suites (`pnpm mutation`): the edges of `q=0` refusal, `*`, the 4 KiB cut, BCP 47 lookup
 * before the language subtag, and a reference model of the documented algorithm for headers built
 * from well-formed ranges.
 */

const seed = Number.isSafeInteger(Number(process.env['FC_SEED'])) && process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 20_261_128;

describe('negotiateLocale edges', () => {
  it.each([
    ['*;q=0', ['da-DK', 'en-US'], 'da-DK'],
    ['* ;q=0', ['da-DK', 'en-US'], 'da-DK'],
    ['da;q=0.5, *;q=0', ['en-US', 'da-DK'], 'da-DK'],
    ['da-DK, *;q=0', ['en-US', 'da-DK'], 'da-DK'],
    ['en-US;q=0', ['en-US', 'da-DK'], 'da-DK'],
    ['EN-us;q=0', ['en-US', 'da-DK'], 'da-DK'],
    ['en;q=0, da;q=0', ['en-US', 'da-DK'], 'en-US'],
    ['en;q=0,  da;q=0', ['en-US', 'da-DK'], 'en-US'],
    ['en;q=0,da;q=0', ['da-DK', 'en-US'], 'da-DK'],
    ['en;q=0.000, fr', ['en-US', 'da-DK'], 'da-DK'],
    ['en; q = 0 , fr', ['en-US', 'da-DK'], 'da-DK'],
    ['en;q=0.001, fr', ['en-US', 'da-DK'], 'en-US'],
    ['en;q=0.0001', ['en-US', 'da-DK'], 'en-US'],
    ['en-GB-oxendict', ['en-US', 'en-GB'], 'en-GB'],
    ['en-AU', ['en-US', 'en-GB'], 'en-US'],
    ['en-AU', ['en-GB', 'en-US'], 'en-GB'],
    ['de-CH', ['fr-FR', 'de-DE'], 'de-DE'],
    ['zh-Hant-TW', ['zh-Hans-CN', 'zh-Hant-TW'], 'zh-Hant-TW'],
    ['fr', ['da-DK', 'sv-SE'], 'da-DK'],
    ['*', ['da-DK', 'sv-SE'], 'da-DK'],
    ['*', ['da-DK', 'en-US'], 'en-US'],
    ['sv, *', ['da-DK', 'sv-SE', 'en-US'], 'sv-SE'],
    ['xx, *', ['da-DK', 'sv-SE', 'en-US'], 'en-US'],
    ['fr, *;q=0', ['da-DK', 'en-US'], 'da-DK'],
    ['da-AT, *;q=0', ['en-US', 'da-DK'], 'da-DK'],
    ['en;xq=0, fr', ['en-US', 'da-DK'], 'en-US'],
    ['en;q=0;x=1, fr', ['en-US', 'da-DK'], 'da-DK'],
  ] as const)('%j among %j -> %s', (header, supported, expected) => {
    expect(negotiateLocale(header, supported)).toBe(expected);
  });

  it('is en-US by default', () => {
    expect(DEFAULT_LOCALE).toBe('en-US');
    expect(negotiateLocale('')).toBe('en-US');
  });

  it('skips entries of the supported list that are not strings, and keeps the first of duplicates', () => {
    expect(negotiateLocale('da', [['da-DK'] as unknown as string, 'en-US'])).toBe('en-US');
    expect(negotiateLocale('da', [42 as unknown as string, 'en-US', 'da-DK'])).toBe('da-DK');
    expect(negotiateLocale('da-DK', ['en-US', 'da-dk', 'DA-DK'])).toBe('da-dk');
  });

  it('reads only the strings of a header array', () => {
    expect(negotiateLocale(['fr', { toString: () => 'da' } as unknown as string])).toBe('en-US');
    expect(negotiateLocale(['fr', 'da'])).toBe('da-DK');
  });

  it('reads a header of exactly 4 KiB whole, and cuts a longer one at its last comma before 4 KiB', () => {
    const exact = `da;q=0.5${' '.repeat(MAX_ACCEPT_LANGUAGE_LENGTH - 8)}`;
    expect(exact.length).toBe(MAX_ACCEPT_LANGUAGE_LENGTH);
    expect(negotiateLocale(exact)).toBe('da-DK');
    expect(negotiateLocale(`${exact} `)).toBe('en-US');
    const padding = 'xx-XX;q=0.1, '.repeat(Math.ceil(MAX_ACCEPT_LANGUAGE_LENGTH / 13));
    expect(negotiateLocale(`${padding}da, fr`)).toBe('en-US');
    expect(negotiateLocale(`fr, ${padding}`, ['da-DK', 'fr-FR'])).toBe('fr-FR');
    // The range the cut runs through is dropped whole, not read as the `da` it starts with.
    const filler = `${'xx;q=0.1,'.repeat(Math.ceil(MAX_ACCEPT_LANGUAGE_LENGTH / 9))}`.slice(0, MAX_ACCEPT_LANGUAGE_LENGTH - 3);
    expect(negotiateLocale(`${filler},da-DK`)).toBe('en-US');
  });
});

/** The documented algorithm, for headers of well-formed ranges with valid q-values. */
function reference(ranges: readonly { tag: string; q: number | undefined }[], supported: readonly string[]): string {
  const canonical = (tag: string) => Intl.getCanonicalLocales(tag)[0] as string;
  const languageOf = (tag: string) => (tag.split('-')[0] as string).toLowerCase();
  const available: { tag: string; canonical: string }[] = [];
  for (const tag of supported) if (!available.some((entry) => entry.canonical === canonical(tag))) available.push({ tag, canonical: canonical(tag) });
  const refused = ranges.filter((range) => range.q === 0).map((range) => (range.tag === '*' ? '*' : canonical(range.tag).toLowerCase()));
  const accepted = ranges
    .map((range, index) => ({ ...range, index, q: range.q ?? 1 }))
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .slice(0, 32)
    .map((range) => (range.tag === '*' ? '*' : canonical(range.tag)));
  const named = new Set(accepted.filter((range) => range !== '*').flatMap((range) => [range.toLowerCase(), languageOf(range)]));
  const acceptable = available.filter(({ canonical: tag }) => {
    const lower = tag.toLowerCase();
    return !refused.some((range) => (range === '*' ? !named.has(lower) && !named.has(languageOf(tag)) : lower === range || lower.startsWith(`${range}-`)));
  });
  const fallback = (acceptable.find((entry) => entry.canonical === 'en-US') ?? acceptable[0] ?? available[0])?.tag as string;
  if (acceptable.length === 0) return fallback;
  for (const range of accepted) {
    if (range === '*') return fallback;
    const subtags = range.split('-');
    for (let length = subtags.length; length > 0; length -= 1) {
      const prefix = subtags.slice(0, length).join('-').toLowerCase();
      const exact = acceptable.find((entry) => entry.canonical.toLowerCase() === prefix);
      if (exact) return exact.tag;
    }
    const sameLanguage = acceptable.find((entry) => languageOf(entry.canonical) === languageOf(range));
    if (sameLanguage) return sameLanguage.tag;
  }
  return fallback;
}

describe('negotiateLocale against a reference model of its documentation', () => {
  it('agrees for any header of well-formed ranges and any supported list', () => {
    const tag = fc.constantFrom('da', 'da-DK', 'da-AT', 'DA-dk', 'en', 'en-US', 'en-GB', 'en-AU', 'sv', 'sv-SE', 'fr', 'fr-CA', 'de-CH', 'nb', '*');
    const quality = fc.option(fc.constantFrom(0, 0.001, 0.1, 0.5, 0.9, 1), { nil: undefined });
    const supported = fc.uniqueArray(fc.constantFrom('en-US', 'da-DK', 'en-GB', 'sv-SE', 'de-DE', 'fr-FR', 'fr', 'nb-NO', 'en'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.record({ tag, q: quality }), { maxLength: 6 }), supported, fc.constantFrom(',', ', ', ' , '), (ranges, list, separator) => {
        const header = ranges.map((range) => (range.q === undefined ? range.tag : `${range.tag};q=${range.q}`)).join(separator);
        expect(negotiateLocale(header, list)).toBe(reference(ranges, list));
      }),
      { seed, numRuns: 10_000 },
    );
  }, 120_000);
});
