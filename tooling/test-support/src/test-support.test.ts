import { describe, expect, it } from 'vitest';
import { guardGlobals, propertySeed, unsafeTerminalCharacters } from './index';

describe('propertySeed', () => {
  it('is the fallback without FC_SEED, FC_SEED when it is an integer, and an error otherwise', () => {
    expect(propertySeed(42, undefined)).toBe(42);
    expect(propertySeed(42, '  ')).toBe(42);
    expect(propertySeed(42, '-7')).toBe(-7);
    expect(() => propertySeed(42, '1.5')).toThrow('FC_SEED must be an integer, not "1.5".');
    expect(() => propertySeed(42, 'abc')).toThrow(/FC_SEED must be an integer/);
  });
});

describe('guardGlobals', () => {
  const guard = guardGlobals();

  it('notices a changed prototype (so a clean pass means something)', () => {
    (Object.prototype as Record<string, unknown>)['poisoningProbe'] = true;
    try {
      expect(() => guard.assertUnchanged()).toThrow();
    } finally {
      delete (Object.prototype as Record<string, unknown>)['poisoningProbe'];
    }
    expect(() => guard.assertUnchanged()).not.toThrow();
  });
});

describe('unsafeTerminalCharacters', () => {
  it('finds controls, C1, bidi controls and lone surrogates, and lets text and newlines through', () => {
    expect(unsafeTerminalCharacters('plain tekst æøå 中文\nnext row')).toEqual([]);
    expect(unsafeTerminalCharacters('\u001b[31m\u0007\u009b\u202e\u2066\ud800\r\t')).toEqual(['U+001b', 'U+0007', 'U+009b', 'U+202e', 'U+2066', 'U+d800', 'U+000d', 'U+0009']);
  });
});
