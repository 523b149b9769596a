import { describe, expect, it } from 'vitest';
import { FALLBACK_TABLE } from './fixtures/fallback-table';
import { DEFENDER_ERROR_DEFINITIONS, ERROR_CODES, fallbackCodeForStatus, getErrorDefinition, isErrorCode } from './index';

/**
 * The reference table (shared/reference/error-codes.md), transcribed: code, HTTP status and the
 * parameter names in the order they appear in the English message. Kept here, not derived from the
 * source, so that a change to the registry that departs from the reference fails.
 */
const REFERENCE: readonly (readonly [code: string, status: number, params: readonly string[]])[] = [
  ['BadRequest', 400, []],
  ['ODataError', 400, ['error']],
  ['InvalidInput', 400, ['input']],
  ['InvalidRequestBody', 400, []],
  ['InvalidHashValue', 400, ['hash']],
  ['InvalidDomainName', 400, ['domain']],
  ['InvalidIpAddress', 400, ['ip']],
  ['InvalidUrl', 400, ['url']],
  ['MaximumBatchSizeExceeded', 400, ['received', 'allowed']],
  ['MissingRequiredParameter', 400, ['parameter']],
  ['OsPlatformNotSupported', 400, ['platform']],
  ['ClientVersionNotSupported', 400, ['action', 'version']],
  ['Unauthorized', 401, []],
  ['Forbidden', 403, []],
  ['DisabledFeature', 403, []],
  ['DisallowedOperation', 403, ['operation']],
  ['NotFound', 404, []],
  ['ResourceNotFound', 404, ['resource']],
  ['InternalServerError', 500, []],
  ['TooManyRequests', 429, []],
  // "Codes and shapes real clients meet beyond the table"
  ['UnknownError', 500, []],
  ['ActiveRequestAlreadyExists', 400, []],
];

/** The reference's "batch sizes: numbers"; every other parameter is text. */
const NUMERIC_PARAMS = new Set(['received', 'allowed']);

describe('the Defender error codes', () => {
  it('ERROR_CODES has exactly the reference codes, in reference order', () => {
    expect(ERROR_CODES).toHaveLength(REFERENCE.length);
    expect([...ERROR_CODES]).toEqual(REFERENCE.map(([code]) => code));
    expect(new Set(ERROR_CODES).size).toBe(REFERENCE.length);
    expect(Object.isFrozen(ERROR_CODES)).toBe(true);
  });

  describe.each(REFERENCE)('%s', (code, status, params) => {
    it(`is a code with status ${status}`, () => {
      expect(isErrorCode(code)).toBe(true);
      const definition = getErrorDefinition(code);
      expect(definition).toBeDefined();
      expect(definition?.code).toBe(code);
      expect(definition?.status).toBe(status);
    });

    it(`has the parameters [${params.join(', ')}] in order, with their kinds`, () => {
      const definition = getErrorDefinition(code);
      expect([...(definition?.params ?? ['<missing>'])]).toEqual(params);
      expect({ ...definition?.paramKinds }).toEqual(Object.fromEntries(params.map((name) => [name, NUMERIC_PARAMS.has(name) ? 'number' : 'string'])));
    });

    it(`is retryable only if the status is 429 or 5xx`, () => {
      expect(getErrorDefinition(code)?.retryable).toBe(status === 429 || (status >= 500 && status <= 599));
    });

    it('has a frozen definition', () => {
      const definition = getErrorDefinition(code);
      expect(Object.isFrozen(definition)).toBe(true);
      expect(Object.isFrozen(definition?.params)).toBe(true);
      expect(Object.isFrozen(definition?.paramKinds)).toBe(true);
    });
  });

  it('marks exactly TooManyRequests, InternalServerError and UnknownError as retryable', () => {
    expect(ERROR_CODES.filter((code) => getErrorDefinition(code).retryable).sort()).toEqual(['InternalServerError', 'TooManyRequests', 'UnknownError']);
  });

  it('DEFENDER_ERROR_DEFINITIONS declares the same codes as ERROR_CODES', () => {
    expect(Object.keys(DEFENDER_ERROR_DEFINITIONS)).toEqual([...ERROR_CODES]);
  });
});

describe('isErrorCode', () => {
  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '',
    'badrequest',
    'BADREQUEST',
    ' BadRequest',
    'BadRequest ',
    'Uautoriseret',
    'Forbudt',
    'Blev ikke fundet',
    'Ugyldiginput',
    'InvalidRequestVirkey',
  ])('rejects the string %j', (value) => {
    expect(isErrorCode(value)).toBe(false);
    expect(getErrorDefinition(value)).toBeUndefined();
  });

  it.each([
    ['a number', 400],
    ['null', null],
    ['undefined', undefined],
    ['a boolean', true],
    ['an object', { code: 'BadRequest' }],
    ['an array', ['BadRequest']],
    ['a String object', new String('BadRequest')],
    ['a symbol', Symbol('BadRequest')],
    ['a bigint', 400n],
    ['a function', () => 'BadRequest'],
  ])('rejects %s', (_label, value) => {
    expect(isErrorCode(value)).toBe(false);
    expect(getErrorDefinition(value)).toBeUndefined();
  });

  it('accepts every code of ERROR_CODES', () => {
    expect(ERROR_CODES.every((code) => isErrorCode(code))).toBe(true);
  });
});

describe('fallbackCodeForStatus', () => {
  it.each(FALLBACK_TABLE)('%s -> %s', (_label, status, code) => {
    expect(fallbackCodeForStatus(status)).toBe(code);
  });

  it.each([0, -404, 404.5, 600, 1000, Number.NaN, Number.POSITIVE_INFINITY])('treats %s (not an HTTP status) as no status', (status) => {
    expect(fallbackCodeForStatus(status)).toBe('InternalServerError');
  });

  it('always returns a registered code', () => {
    for (let status = 0; status <= 700; status += 1) expect(isErrorCode(fallbackCodeForStatus(status))).toBe(true);
  });
});
