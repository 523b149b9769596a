import fc from 'fast-check';
import { SUPPORTED_LOCALES } from '@defender-errors/i18n';
import { describe, expect, it } from 'vitest';
import { MAX_ACCEPT_LANGUAGE_LENGTH, MAX_LANGUAGE_RANGES, negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  it.each([
    ['da', 'da-DK'],
    ['en-GB', 'en-US'],
    ['da, en;q=0.8', 'da-DK'],
    ['en, da', 'en-US'],
    ['en;q=0.1, da;q=0.2', 'da-DK'],
    ['da;q=0, en', 'en-US'],
    ['en;q=0', 'da-DK'],
    ['*', 'en-US'],
    ['*;q=0', 'en-US'],
    ['en;q=0, *', 'da-DK'],
    ['q=abc', 'en-US'],
    [';;;,,,', 'en-US'],
  ])('%j -> %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('maps a bare language to the supported region (lookup alone does not)', () => {
    expect(negotiateLocale('da')).toBe('da-DK');
    expect(negotiateLocale('da-AT')).toBe('da-DK');
    expect(negotiateLocale('da-DK-u-nu-latn')).toBe('da-DK');
  });

  it('respects the client’s order among equal q-values', () => {
    expect(negotiateLocale('en-US, da-DK')).toBe('en-US');
    expect(negotiateLocale('da-DK, en-US')).toBe('da-DK');
  });

  it('accepts the header as node gives it: string, array, missing', () => {
    expect(negotiateLocale(undefined)).toBe('en-US');
    expect(negotiateLocale(null)).toBe('en-US');
    expect(negotiateLocale(['fr', 'da;q=0.5'])).toBe('da-DK');
    expect(negotiateLocale(42 as unknown as string)).toBe('en-US');
  });

  it('reads only the first 4 KiB, cut at a comma', () => {
    const padding = 'xx-XX;q=0.1, '.repeat(Math.ceil(MAX_ACCEPT_LANGUAGE_LENGTH / 13));
    expect(negotiateLocale(`${padding}da`)).toBe('en-US');
    expect(negotiateLocale(`da;q=0.5, ${padding}`)).toBe('da-DK');
    expect(negotiateLocale(`${padding.slice(0, 13 * 150)}da;q=0.5`)).toBe('da-DK');
    expect(negotiateLocale('d'.repeat(16 * 1024))).toBe('en-US');
  });

  it(`tries only the best ${MAX_LANGUAGE_RANGES} ranges`, () => {
    const unsupported = Array.from({ length: MAX_LANGUAGE_RANGES }, (_, index) => `x${index}-XX`);
    expect(negotiateLocale([...unsupported.slice(1), 'da'].join(', '))).toBe('da-DK');
    expect(negotiateLocale([...unsupported, 'da'].join(', '))).toBe('en-US');
  });

  it('returns the supported entry exactly as listed, and skips invalid ones', () => {
    expect(negotiateLocale('DA-dk', ['en', 'da-dk'])).toBe('da-dk');
    expect(negotiateLocale('da', ['not a tag', '__proto__', 'sv-SE'])).toBe('sv-SE');
    expect(negotiateLocale('sv', ['fr-FR', 'sv-SE'])).toBe('sv-SE');
    expect(negotiateLocale('de', ['fr-FR', 'sv-SE'])).toBe('fr-FR');
  });

  it('throws a clear TypeError when no supported tag is valid', () => {
    expect(() => negotiateLocale('da', [])).toThrow(TypeError);
    expect(() => negotiateLocale('da', ['', '*'])).toThrow(/at least one valid/);
  });

  it('never throws on a header and always returns a supported, header-safe tag', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(
            fc.tuple(
              fc.constantFrom('da', 'en', 'en-GB', 'da-DK', '*', 'fr', '__proto__', 'constructor', 'i-klingon', 'x-', '', 'ä', '\r\n'),
              fc.constantFrom('', ';q=0', ';q=0.5', ';q=abc', ';q=1.5', ';;q=', ';q=0.000'),
            ),
            { maxLength: 12 },
          ).map((parts) => parts.map(([tag, q]) => `${tag}${q}`).join(', ')),
        ),
        (header) => {
          const result = negotiateLocale(header);
          expect(SUPPORTED_LOCALES).toContain(result);
          expect(result).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a language the client lists first with q > 0 always wins when it is supported', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED_LOCALES), fc.array(fc.constantFrom('fr', 'de', 'nb', 'zh-Hant'), { maxLength: 4 }), (first, others) => {
        const header = [first, ...others.map((tag, index) => `${tag};q=0.${9 - index}`)].join(', ');
        expect(negotiateLocale(header)).toBe(first);
      }),
    );
  });
});

describe('negotiateLocale: RFC 4647 lookup (matchLocale of @defender-errors/i18n), then the language subtag', () => {
  it.each([
    ['da-DK', ['da-DK', 'en-US'], 'da-DK'],
    ['da-DK-u-nu-latn', ['da-DK', 'en-US'], 'da-DK'],
    ['en-GB', ['da-DK', 'en-US'], 'en-US'],
    ['en-US-x-foo', ['en', 'en-US'], 'en-US'],
    ['da', ['da-DK'], 'da-DK'],
    ['da-DK-u-ca-gregory-nu-latn', ['da-DK-u-ca-gregory'], 'da-DK-u-ca-gregory'],
    ['da-DK-u-ca-gregory-nu-latn', ['da-DK-u-ca-gregory', 'und'], 'da-DK-u-ca-gregory'],
    ['sv-SE, da;q=0.5', ['da-DK', 'sv'], 'sv'],
  ])('%s among %j -> %s', (header, supported, expected) => {
    expect(negotiateLocale(header, supported)).toBe(expected);
  });
});

describe('negotiateLocale keeps the answers it gave', () => {
  it('gives the same answer the second time, for each supported list on its own', () => {
    expect(negotiateLocale('da, en;q=0.5', ['en-US', 'da-DK'])).toBe('da-DK');
    expect(negotiateLocale('da, en;q=0.5', ['en-US', 'da-DK'])).toBe('da-DK');
    expect(negotiateLocale('da, en;q=0.5', ['en-US', 'sv-SE'])).toBe('en-US');
    expect(negotiateLocale('da, en;q=0.5', ['en-US', 'da-DK', 'da'])).toBe('da');
    expect(negotiateLocale('da, en;q=0.5', ['da', 'en-US'])).toBe('da');
  });

  it('never answers from the cache for a list that joins like another one', () => {
    expect(negotiateLocale('en', ['en', 'da'])).toBe('en');
    expect(() => negotiateLocale('en', ['en,da'])).toThrow(TypeError);
  });

  it('stays right after more distinct headers than it keeps', () => {
    for (let index = 0; index < 1200; index += 1) expect(negotiateLocale(`x${index}-XX, da;q=0.${(index % 9) + 1}`)).toBe('da-DK');
    expect(negotiateLocale('en-GB, da;q=0.5')).toBe('en-US');
  });
});

describe('negotiateLocale on header lists that cannot be read (issue 18 point 3)', () => {
  it('reads a revoked Proxy or a list whose traps throw as no header', () => {
    const { proxy, revoke } = Proxy.revocable(['da'], {});
    revoke();
    const throwing = new Proxy(['da'], {
      get: () => {
        throw new Error('trap');
      },
    });
    expect(negotiateLocale(proxy as never)).toBe(negotiateLocale(undefined));
    expect(negotiateLocale(throwing as never)).toBe(negotiateLocale(undefined));
    expect(negotiateLocale(new Proxy(['da'], {}))).toBe('da-DK');
  });
});
