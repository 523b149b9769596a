import { describe, expect, it } from 'vitest';
import { SOURCE_LOCALE, SUPPORTED_LOCALES, matchLocale, resolveLocale } from './index';

const SUPPORTED = ['en-US', 'da-DK', 'de-CH'] as const;

describe('matchLocale', () => {
  it.each([
    [['da'], 'da-DK'],
    [['da-GL'], 'da-DK'],
    [['DA_dk'], 'da-DK'],
    [['da-DK-u-nu-latn'], 'da-DK'],
    [['de-CH-x-phonebk'], 'de-CH'],
    [['en-GB'], 'en-US'],
    [['fr-FR', 'da'], 'da-DK'],
    [['fr-FR'], 'en-US'],
    ['da', 'da-DK'],
    [[], 'en-US'],
  ])('%j -> %s', (ranges, expected) => {
    expect(matchLocale(ranges, SUPPORTED)).toBe(expected);
  });

  it('returns the supported entry exactly as the caller spelled it', () => {
    expect(matchLocale('DA-dk', ['en-us', 'DA-dk'])).toBe('DA-dk');
    expect(matchLocale('zz', ['da-dk', 'en-us'])).toBe('en-us');
  });

  it('prefers the lookup of a range over an earlier supported tag of the same language', () => {
    expect(matchLocale('de-CH', ['de-DE', 'de-CH'])).toBe('de-CH');
    expect(matchLocale('de-AT', ['de-DE', 'de-CH'])).toBe('de-DE');
  });

  it('uses the fallback, then en-US, then the first supported tag', () => {
    expect(matchLocale('fr', SUPPORTED, 'x')).toBe('x');
    expect(matchLocale('fr', ['da-DK', 'de-CH'])).toBe('da-DK');
    expect(matchLocale('fr', [])).toBe(SOURCE_LOCALE);
  });

  it('defaults to the bundled locales', () => {
    for (const lng of SUPPORTED_LOCALES) expect(matchLocale(lng)).toBe(lng);
  });

  it('never throws on hostile input', () => {
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    const throwing = {
      *[Symbol.iterator]() {
        yield 'da';
        throw new Error('boom');
      },
    };
    expect(matchLocale(revoked.proxy, SUPPORTED)).toBe('en-US');
    expect(matchLocale(throwing, SUPPORTED)).toBe('da-DK');
    expect(matchLocale(['*', '', '__proto__', 'x'.repeat(10_000), 42, null], SUPPORTED)).toBe('en-US');
    expect(matchLocale(['da'], revoked.proxy)).toBe('en-US');
  });
});

describe('resolveLocale', () => {
  it('is matchLocale for one tag, with en-US as the default fallback', () => {
    expect(resolveLocale('da', SUPPORTED)).toBe('da-DK');
    expect(resolveLocale(undefined, SUPPORTED, '')).toBe('');
    expect(resolveLocale('fr', SUPPORTED)).toBe('en-US');
  });
});
