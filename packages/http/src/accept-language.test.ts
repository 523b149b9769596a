import fc from 'fast-check';
import { propertySeed } from '@defender-errors/test-support';
import Negotiator from 'negotiator';
import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage } from './accept-language';

const seed = propertySeed(20_261_128);

/** What negotiator 1.x answers for the header: the reference the hand-written parser follows. */
function negotiatorRanges(text: string): string[] {
  return new Negotiator({ headers: { 'accept-language': text } }).languages();
}

describe('parseAcceptLanguage reads the header exactly as negotiator does', () => {
  it.each([
    'da, en;q=0.8',
    'en;q=0.5, da;q=0.8',
    'en-US;q=0.9, da-DK;q=0.9',
    'da;q=0, en',
    'da;q=0.000, *',
    'q=abc',
    'da;q=abc, en-GB',
    ';;;,,,',
    ',,, da ,,',
    'da;x="a,b;q=0", en;q=0.5',
    'da;q="0.5", en',
    'da;q=, en;q=0.5',
    'da;Q=0.2, en;q=0.1;q=0.9',
    'da; q = 0.3 , en',
    'da;q=1e9, en;q=Infinity, fr;q=-1',
    'da;"unterminated, en',
    'İ, da',
    '\tda\t;\tq=0.4\t,en',
  ])('%j', (header) => {
    expect(parseAcceptLanguage(header)).toEqual(negotiatorRanges(header));
  });

  it('for any header (fast-check, 10 000 runs)', () => {
    const piece = fc.constantFrom(',', ';', '=', '"', '\\', ' ', '\t', 'q', 'Q', '0', '1', '.', '5', 'e', '-', '*', 'da', 'en-GB', 'İ', 'ß', 'x');
    const header = fc.oneof(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
    fc.assert(
      fc.property(header, (text) => {
        expect(parseAcceptLanguage(text)).toEqual(negotiatorRanges(text));
      }),
      { seed, numRuns: 10_000 },
    );
  });
});
