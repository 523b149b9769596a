import { AVAILABLE_LOCALES } from '@defender-errors/i18n/lite';
import { guardGlobals, HOSTILE_VALUE_FACTORIES, propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, detectLocale } from './locale';

// detectLocale runs matchLocale (tested in i18n); here: it never throws for hostile lists either,
// in Node (the Chromium suite in test/adapter.test.ts checks it on navigator.languages).

const makeHostile = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUE_FACTORIES),
  fc.anything({ withNullPrototype: true, maxDepth: 2 }).map((value) => () => value),
);

guardGlobals();

describe('detectLocale', () => {
  it('answers a supported locale for hostile languages and supported lists (10,000 runs)', () => {
    fc.assert(
      fc.property(makeHostile, makeHostile, (makeLanguages, makeSupported) => {
        expect(AVAILABLE_LOCALES).toContain(detectLocale(makeLanguages()));
        expect(typeof detectLocale(makeLanguages(), makeSupported())).toBe('string');
      }),
      { seed: propertySeed(20_261_207), numRuns: 10_000 },
    );
  });

  it('falls back to DEFAULT_LOCALE without navigator and for an empty supported list', () => {
    expect(detectLocale(undefined)).toBe(DEFAULT_LOCALE);
    expect(detectLocale(['da'], [])).toBe(DEFAULT_LOCALE);
  });
});
