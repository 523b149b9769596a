import { propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, parseErrorBody } from './index';

/**
 * What the prefix reader salvages from a body that is cut off or broken after some point: never a
 * value the server did not send, and everything a complete prefix holds.
 */

const seed = propertySeed(20_260_301);
const RUNS = 10_000;

/**
 * Whether `salvaged` is what a prefix of `original`'s JSON text holds: the same scalars, the first
 * members or entries in order, and only the last of them (a container) itself cut short.
 */
function isPrefixValue(salvaged: unknown, original: unknown): boolean {
  if (typeof salvaged !== 'object' || salvaged === null || typeof original !== 'object' || original === null) return Object.is(salvaged, original);
  if (Array.isArray(salvaged) !== Array.isArray(original)) return false;
  const salvagedEntries = Object.entries(salvaged);
  const originalEntries = Object.entries(original).slice(0, salvagedEntries.length);
  return (
    salvagedEntries.length === originalEntries.length &&
    salvagedEntries.every(([key, value], index) => {
      const [originalKey, originalValue] = originalEntries[index]!;
      const whole = index < salvagedEntries.length - 1;
      return key === originalKey && (whole ? JSON.stringify(value) === JSON.stringify(originalValue) : isPrefixValue(value, originalValue));
    })
  );
}

describe('the prefix reader: what it salvages', () => {
  it('never reads a value the server did not send, wherever the body is cut', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), fc.nat(), (code, target, innerError, cutAt) => {
        const text = JSON.stringify({ error: { code, target, innerError } });
        const sent = (JSON.parse(text) as { error: { innerError: unknown } }).error.innerError;
        const result = parseErrorBody(text.slice(0, cutAt % (text.length + 1)));
        expect(result.innerError === undefined || isPrefixValue(result.innerError, sent)).toBe(true);
      }),
      { seed, numRuns: RUNS },
    );
  }, 120_000);

  it.each([
    ['after the decimal point', '{"error":{"code":"X","innerError":{"a":1,"b":-9.'],
    ['inside the exponent', '{"error":{"code":"X","innerError":{"a":1,"b":1.5e+'],
    ['after the exponent mark', '{"error":{"code":"X","innerError":{"a":1,"b":2E'],
    ['before more junk', '{"error":{"code":"X","innerError":{"a":1,"b":3.x'],
  ])('drops a number cut %s, which would read as a different number', (_label, text) => {
    const result = parseErrorBody(text);
    expect(result.code).toBe('X');
    expect(result.innerError).toEqual({ a: 1 });
  });

  it('keeps what follows a raw control character when the body is also cut off', () => {
    const text = '{"error":{"code":"Forbidden","message":"No \u001b[31maccess\u0000.","target":"t-1","details":[{"code":"A\u0007"},{"co';
    expect(parseErrorBody(text)).toMatchObject({
      code: 'Forbidden',
      known: true,
      message: 'No \u001b[31maccess\u0000.',
      target: 't-1',
      details: [{ code: 'A\u0007', message: undefined, target: undefined }],
    });
  });

  it('still passes over a comma just before a closing bracket', () => {
    const result = parseErrorBody('{"error":{"details":[{"code":"A",},],"innerError":{"a":[1,],},"code":"InvalidUrl","target":"t",},}x');
    expect(result).toMatchObject({ code: 'InvalidUrl', known: true, target: 't', details: [{ code: 'A' }], innerError: { a: [1] } });
  });

  it('leaves out a dangling comma and a key without its value', () => {
    expect(parseErrorBody('{"error":{"code":"X","innerError":{"a":[1,').innerError).toEqual({ a: [1] });
    expect(parseErrorBody('{"error":{"code":"X","innerError":{"a":1,"b":').innerError).toEqual({ a: 1 });
    expect(parseErrorBody('{"error":{"code":"X","innerError":{"a":1,"b"').innerError).toEqual({ a: 1 });
  });

  it('keeps code and target before an innerError cut off deep inside, at the 64 KiB cap', () => {
    const text = `{"error":{"code":"InvalidInput","target":"t","innerError":${'{"a":['.repeat(MAX_BODY_LENGTH)}`;
    const result = parseErrorBody(text);
    expect(result).toMatchObject({ code: 'InvalidInput', known: true, target: 't', isErrorBody: true });
    let depth = 0;
    for (let value: unknown = result.innerError; typeof value === 'object' && value !== null; depth += 1) value = Object.values(value)[0];
    expect(depth).toBeGreaterThan(20_000);
  });

  it.each([
    ['[', '['],
    ['{"a":', '{"a":'],
    ['{', '{'],
    ['[1,', '[1,'],
  ])('reads 64 KiB of %s without throwing', (_label, unit) => {
    const text = unit.repeat(Math.ceil(MAX_BODY_LENGTH / unit.length));
    expect(parseErrorBody(text, { status: 400 })).toMatchObject({ code: 'BadRequest', isErrorBody: false });
  });
});
