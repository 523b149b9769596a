import type * as I18n from '@defender-errors/i18n';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Locale from './locale';

/**
 * The answer cache of negotiateLocale, seen from outside: how often the matcher of
 * `@defender-errors/i18n` runs. Each test imports a fresh copy of the module (an empty cache).
 */
const matcher = vi.hoisted(() => ({ calls: 0 }));

vi.mock('@defender-errors/i18n', async (importOriginal) => {
  const actual = await importOriginal<typeof I18n>();
  return {
    ...actual,
    matchLocale: (...args: Parameters<typeof actual.matchLocale>) => {
      matcher.calls += 1;
      return actual.matchLocale(...args);
    },
  };
});

let locale: typeof Locale;

beforeEach(async () => {
  vi.resetModules();
  locale = await import('./locale');
  matcher.calls = 0;
});

/** How many times the matcher runs while `run` negotiates. */
function matcherRuns(run: () => void): number {
  const before = matcher.calls;
  run();
  return matcher.calls - before;
}

/** Distinct short headers, each answered `da-DK`. */
const distinctHeader = (index: number) => `da;q=0.${String(index + 1).padStart(3, '0')}`;

describe('negotiateLocale answer cache', () => {
  it('answers a repeated header from the cache, also for a fresh copy of the same list', () => {
    expect(matcherRuns(() => expect(locale.negotiateLocale('da', ['en-US', 'da-DK'])).toBe('da-DK'))).toBe(1);
    expect(matcherRuns(() => expect(locale.negotiateLocale('da', ['en-US', 'da-DK'])).toBe('da-DK'))).toBe(0);
    expect(matcherRuns(() => expect(locale.negotiateLocale('da', ['da-DK', 'en-US'])).toBe('da-DK'))).toBe(1);
    expect(matcherRuns(() => expect(locale.negotiateLocale('da', ['da-DK', 'en-US'])).toBe('da-DK'))).toBe(0);
  });

  it('keeps headers up to the length bound and no longer ones', () => {
    const atBound = `da${' '.repeat(locale.MAX_CACHED_HEADER_LENGTH - 2)}`;
    const overBound = `${atBound} `;
    expect(matcherRuns(() => locale.negotiateLocale(atBound))).toBe(1);
    expect(matcherRuns(() => expect(locale.negotiateLocale(atBound)).toBe('da-DK'))).toBe(0);
    expect(matcherRuns(() => locale.negotiateLocale(overBound))).toBe(1);
    expect(matcherRuns(() => expect(locale.negotiateLocale(overBound)).toBe('da-DK'))).toBe(1);
  });

  it('never gives the answer of one supported list for another', () => {
    const lists: readonly (readonly string[])[] = [['en-US', 'da-DK'], ['en-US'], ['en-US', 'da-DK'], ['sv-SE', 'da-DK'], ['en-US']];
    for (const list of lists) expect(locale.negotiateLocale('da', list)).toBe(list.includes('da-DK') ? 'da-DK' : list[0]);
  });

  it('keys a list only by entries that cannot run together when joined', () => {
    // Joined with commas, both lists read "en-US,da-DK,sv-SE": the second must not be cached by that text.
    expect(locale.negotiateLocale('da', ['en-US', 'da-DK', 'sv-SE'])).toBe('da-DK');
    expect(locale.negotiateLocale('da', ['en-US', 'da-DK,sv-SE'])).toBe('en-US');
    // Without the separator both would read "daen" ("d" is no tag, "aen" is one).
    expect(locale.negotiateLocale('da', ['da', 'en'])).toBe('da');
    expect(locale.negotiateLocale('da', ['d', 'aen'])).toBe('aen');
    // An entry that is not a string is skipped, whatever its text.
    const object = { toString: () => 'da-DK' } as unknown as string;
    expect(locale.negotiateLocale('da', ['da-DK', 'en-US'])).toBe('da-DK');
    expect(locale.negotiateLocale('da', [object, 'en-US'])).toBe('en-US');
    expect(matcherRuns(() => expect(locale.negotiateLocale('da', [object, 'en-US'])).toBe('en-US'))).toBe(1);
  });

  it('reads any iterable of tags, uncached', () => {
    const tags = new Set(['en-US', 'da-DK']) as unknown as readonly string[];
    expect(locale.negotiateLocale('da', tags)).toBe('da-DK');
    expect(matcherRuns(() => expect(locale.negotiateLocale('da', tags)).toBe('da-DK'))).toBe(1);
  });

  it('starts over once it holds MAX_CACHED_ANSWERS answers, and not before', () => {
    const size = locale.MAX_CACHED_ANSWERS;
    // A long header is never cached, and takes no room in the cache either.
    locale.negotiateLocale(`da${' '.repeat(locale.MAX_CACHED_HEADER_LENGTH)}`);
    for (let index = 0; index < size; index += 1) locale.negotiateLocale(distinctHeader(index));
    expect(matcherRuns(() => expect(locale.negotiateLocale(distinctHeader(0))).toBe('da-DK'))).toBe(0);
    expect(matcherRuns(() => locale.negotiateLocale(distinctHeader(size - 1)))).toBe(0);
    // One more answer: the full cache is emptied before it is kept.
    expect(matcherRuns(() => locale.negotiateLocale(distinctHeader(size)))).toBe(1);
    expect(matcherRuns(() => locale.negotiateLocale(distinctHeader(size)))).toBe(0);
    expect(matcherRuns(() => expect(locale.negotiateLocale(distinctHeader(0))).toBe('da-DK'))).toBe(1);
  });
});
