import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from './json-scan';

describe('scanJson', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const text = '{\n  "a": "x",\n  "b": [1, -2.5e3, true, false, null, {"c": "\\u00e6\\n"}]\n}\n';
    const result = scanJson(text);
    expect(result.syntaxError).toBeUndefined();
    expect(result.value).toEqual(JSON.parse(text));
    expect([...result.topLevelKeys]).toEqual([
      ['a', { line: 2, column: 3 }],
      ['b', { line: 3, column: 3 }],
    ]);
  });

  it('reports every duplicate key with both positions, at any depth, comparing decoded keys', () => {
    const text = ['{', '  "a": "1",', '  "b": {"x": 1, "x": 2},', '  "\\u0061": "2",', '  "a": "3"', '}'].join('\n');
    const result = scanJson(text);
    expect(result.syntaxError).toBeUndefined();
    expect(result.duplicates).toEqual([
      { key: 'x', path: ['b'], line: 3, column: 17, first: { line: 3, column: 9 } },
      { key: 'a', path: [], line: 4, column: 3, first: { line: 2, column: 3 } },
      { key: 'a', path: [], line: 5, column: 3, first: { line: 2, column: 3 } },
    ]);
    expect(result.value).toEqual({ a: '3', b: { x: 2 } });
  });

  it.each([
    ['{"a": "1" "b": "2"}', 1, 11, 'expected "," or "}" after an entry, found """'],
    ['{"a": "1",}', 1, 11, 'trailing comma before "}"'],
    ['{\n  "a": "1",\n  "b": "unterminated\n}', 3, 8, 'unterminated string: a line break inside a string must be written as \\n'],
    ['{"a": "\\x"}', 1, 7, 'invalid escape in the string "\\x"'],
    ['{"a": "\u0001"}', 1, 7, 'control character inside a string: write it as an escape such as \\n'],
    ['{"a": 1 /* note */}', 1, 9, 'comments are not allowed in JSON'],
    ['{"a" "1"}', 1, 6, 'expected ":" after a key, found """'],
    ['{a: 1}', 1, 2, 'expected a key in double quotes, found "a"'],
    ['', 1, 1, 'the file is empty: expected a JSON object'],
    ['{"a": 1} x', 1, 10, 'unexpected "x" after the end of the JSON value'],
    ['{"a": 01}', 1, 8, 'expected "," or "}" after an entry, found "1"'],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['[1, 2,]', 1, 7, 'trailing comma before "]"'],
  ])('reports the syntax error in %j at its line and column', (text, line, column, message) => {
    const result = scanJson(text);
    expect(result.value).toBeUndefined();
    expect(result.syntaxError).toEqual({ line, column, message });
    expect(() => JSON.parse(text)).toThrow();
  });

  it('reports a byte order mark and still parses the rest', () => {
    const result = scanJson('\uFEFF{"a": "1"}');
    expect(result.byteOrderMark).toBe(true);
    expect(result.value).toEqual({ a: '1' });
  });

  it('stops at a nesting limit instead of overflowing the stack', () => {
    const result = scanJson('['.repeat(100_000));
    expect(result.syntaxError?.message).toBe('nested deeper than 256 levels');
  });

  it('keeps "__proto__" as an own entry and changes no prototype', () => {
    const result = scanJson('{"__proto__": {"polluted": true}, "__proto__": "x"}');
    expect(result.duplicates.map((duplicate) => duplicate.key)).toEqual(['__proto__']);
    expect(Object.hasOwn(result.value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('agrees with JSON.parse on any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = scanJson(text);
        expect(result.syntaxError).toBeUndefined();
        expect(result.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 500, seed: 20_240_601 },
    );
  });

  it('rejects exactly what JSON.parse rejects and never throws, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1)))), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(scanJson(text).syntaxError === undefined).toBe(parses);
      }),
      { numRuns: 1000, seed: 20_240_602 },
    );
  });
});
