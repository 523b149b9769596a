import { describe, expect, it } from 'vitest';
import { DEFENDER_ERROR_DEFINITIONS, defineErrorRegistry, ERROR_CODES, getErrorDefinition, isRetryableStatus, type ErrorDefinitionsInput } from './index';

const DEFINITIONS = {
  QuotaExceeded: { status: 429 },
  InvalidColor: { status: 400, params: { color: 'string' } },
  SizeOutOfRange: { status: 422, params: { size: 'number', min: 'number', max: 'number' } },
  UpstreamTimeout: { status: 504 },
  Gone: { status: 410 },
} as const;

describe('defineErrorRegistry over a custom registry', () => {
  const registry = defineErrorRegistry(DEFINITIONS);

  it('lists its codes in declaration order', () => {
    expect([...registry.codes]).toEqual(['QuotaExceeded', 'InvalidColor', 'SizeOutOfRange', 'UpstreamTimeout', 'Gone']);
    expect(Object.isFrozen(registry.codes)).toBe(true);
  });

  it('defines each code with its status, parameters in order, kinds and retryability', () => {
    expect(registry.getErrorDefinition('SizeOutOfRange')).toEqual({
      code: 'SizeOutOfRange',
      status: 422,
      params: ['size', 'min', 'max'],
      retryable: false,
      paramKinds: { size: 'number', min: 'number', max: 'number' },
    });
    expect(registry.getErrorDefinition('InvalidColor').params).toEqual(['color']);
    expect(registry.getErrorDefinition('QuotaExceeded').params).toEqual([]);
    expect(registry.codes.filter((code) => registry.getErrorDefinition(code).retryable)).toEqual(['QuotaExceeded', 'UpstreamTimeout']);
  });

  it('knows only its own codes', () => {
    expect(registry.isErrorCode('InvalidColor')).toBe(true);
    for (const value of ['BadRequest', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, undefined, {}]) {
      expect(registry.isErrorCode(value)).toBe(false);
      expect(registry.getErrorDefinition(value)).toBeUndefined();
    }
  });

  it('is independent of the object it was built from', () => {
    const input: Record<string, { status: number }> = { Teapot: { status: 418 } };
    const own = defineErrorRegistry(input);
    input.Teapot = { status: 500 };
    input.Added = { status: 400 };
    expect(own.getErrorDefinition('Teapot')?.status).toBe(418);
    expect(own.isErrorCode('Added')).toBe(false);
    expect(Object.isFrozen(own)).toBe(true);
  });

  it('takes `__proto__` as an ordinary code when it is an own key, without touching any prototype', () => {
    const input = JSON.parse('{"__proto__": {"status": 400}, "Plain": {"status": 404}}') as ErrorDefinitionsInput;
    const own = defineErrorRegistry(input);
    expect(own.isErrorCode('__proto__')).toBe(true);
    expect(own.getErrorDefinition('__proto__')?.status).toBe(400);
    expect(Object.getPrototypeOf(own.getErrorDefinition('Plain'))).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('an empty registry has no codes', () => {
    const empty = defineErrorRegistry({});
    expect(empty.codes).toEqual([]);
    expect(empty.isErrorCode('BadRequest')).toBe(false);
  });
});

describe('defineErrorRegistry validation', () => {
  const invalid: readonly (readonly [label: string, definitions: unknown, message: RegExp])[] = [
    ['null definitions', null, /expected an object/],
    ['an array of definitions', [{ status: 400 }], /expected an object/],
    ['a string', 'BadRequest', /expected an object/],
    ['a missing status', { Broken: {} }, /"Broken" needs an integer HTTP status/],
    ['a null declaration', { Broken: null }, /"Broken" needs an integer HTTP status/],
    ['a string status', { Broken: { status: '400' } }, /"Broken" needs an integer HTTP status/],
    ['a fractional status', { Broken: { status: 400.5 } }, /"Broken" needs an integer HTTP status/],
    ['a status below 100', { Broken: { status: 99 } }, /"Broken" needs an integer HTTP status/],
    ['a status above 599', { Broken: { status: 600 } }, /"Broken" needs an integer HTTP status/],
    ['a NaN status', { Broken: { status: Number.NaN } }, /"Broken" needs an integer HTTP status/],
    ['an empty code', { '': { status: 400 } }, /must not be empty/],
    ['params as an array', { Broken: { status: 400, params: ['name'] } }, /"params" of "Broken" must be an object/],
    ['params as a string', { Broken: { status: 400, params: 'name' } }, /"params" of "Broken" must be an object/],
    ['an unknown parameter kind', { Broken: { status: 400, params: { name: 'date' } } }, /parameter "name" of "Broken" must be 'string' or 'number'/],
    ['a parameter kind of the wrong type', { Broken: { status: 400, params: { name: 1 } } }, /parameter "name" of "Broken" must be 'string' or 'number'/],
    ['a parameter name with a space', { Broken: { status: 400, params: { 'batch size': 'number' } } }, /parameter name "batch size" of "Broken" must be an identifier/],
    ['a parameter name with braces', { Broken: { status: 400, params: { '{{x}}': 'string' } } }, /must be an identifier/],
    ['a parameter name with a dot', { Broken: { status: 400, params: { 'a.b': 'string' } } }, /must be an identifier/],
    ['an empty parameter name', { Broken: { status: 400, params: { '': 'string' } } }, /must be an identifier/],
    ['a parameter name starting with a digit', { Broken: { status: 400, params: { '1st': 'string' } } }, /must be an identifier/],
  ];

  it.each(invalid)('rejects %s with a TypeError that says what is wrong', (_label, definitions, message) => {
    expect(() => defineErrorRegistry(definitions as ErrorDefinitionsInput)).toThrow(TypeError);
    expect(() => defineErrorRegistry(definitions as ErrorDefinitionsInput)).toThrow(message);
  });

  it('accepts the boundary statuses 100 and 599', () => {
    expect(defineErrorRegistry({ Low: { status: 100 }, High: { status: 599 } }).codes).toEqual(['Low', 'High']);
  });
});

describe('the shipped Defender registry (built without the checks)', () => {
  it('passes the checks of defineErrorRegistry and equals what it builds', () => {
    const checked = defineErrorRegistry(DEFENDER_ERROR_DEFINITIONS);
    expect([...checked.codes]).toEqual([...ERROR_CODES]);
    for (const code of ERROR_CODES) {
      expect(getErrorDefinition(code)).toEqual(checked.getErrorDefinition(code));
      expect(Object.getPrototypeOf(getErrorDefinition(code).paramKinds)).toBeNull();
      expect(Object.isFrozen(getErrorDefinition(code).params)).toBe(true);
    }
  });
});

describe('isRetryableStatus', () => {
  it('is true for 429 and every 5xx, false for everything else', () => {
    for (let status = 100; status <= 599; status += 1) {
      expect(isRetryableStatus(status)).toBe(status === 429 || status >= 500);
    }
    expect(isRetryableStatus(600)).toBe(false);
  });
});
