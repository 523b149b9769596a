import { afterAll, describe, expect, it } from 'vitest';
import { FALLBACK_TABLE } from './fixtures/fallback-table';
import { ERROR_CODES, MAX_BODY_LENGTH, getErrorDefinition, isErrorCode, parseErrorBody, parseRetryAfter, type ParsedErrorBody } from './index';

const OBJECT_PROTOTYPE_KEYS = Reflect.ownKeys(Object.prototype);
const ARRAY_PROTOTYPE_KEYS = Reflect.ownKeys(Array.prototype);

/** What every result must satisfy, whatever the input. */
function expectSoundResult(result: ParsedErrorBody, input: unknown): void {
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  expect(Object.is(result.raw, input)).toBe(true);
  expect(typeof result.code).toBe('string');
  expect(result.code.length).toBeGreaterThan(0);
  expect(isErrorCode(result.fallbackCode)).toBe(true);
  if (result.known) expect(result.fallbackCode).toBe(result.code);
  if (!result.isErrorBody) expect(result.known).toBe(false);
  expect(Number.isInteger(result.status) && result.status >= 100 && result.status <= 599).toBe(true);
  expect(result.message === undefined || typeof result.message === 'string').toBe(true);
  expect(result.target === undefined || typeof result.target === 'string').toBe(true);
  expect(Array.isArray(result.details)).toBe(true);
  for (const detail of result.details) expect(Object.getPrototypeOf(detail)).toBe(Object.prototype);
  expect(Reflect.ownKeys(Object.prototype)).toEqual(OBJECT_PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

afterAll(() => {
  expect(Reflect.ownKeys(Object.prototype)).toEqual(OBJECT_PROTOTYPE_KEYS);
  expect(Reflect.ownKeys(Array.prototype)).toEqual(ARRAY_PROTOTYPE_KEYS);
});

const TARGET = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';

describe('parseErrorBody: a well-formed Defender body', () => {
  it('keeps code, message and target, as a string and as a parsed value', () => {
    const body = { error: { code: 'ResourceNotFound', message: 'Machine 123123123 was not found', target: TARGET } };
    for (const input of [JSON.stringify(body), body]) {
      const result = parseErrorBody(input);
      expectSoundResult(result, input);
      expect(result).toMatchObject({
        code: 'ResourceNotFound',
        known: true,
        fallbackCode: 'ResourceNotFound',
        status: 404,
        message: 'Machine 123123123 was not found',
        target: TARGET,
        details: [],
        innerError: undefined,
        isErrorBody: true,
      });
    }
  });

  it.each(ERROR_CODES)('recognises %s and takes its status from the registry', (code) => {
    const result = parseErrorBody(`{"error":{"code":"${code}","message":"m","target":"t"}}`);
    expect(result.known).toBe(true);
    expect(result.code).toBe(code);
    expect(result.status).toBe(getErrorDefinition(code).status);
    expect(result.fallbackCode).toBe(code);
  });

  it('keeps an unknown code exactly and renders the fallback of the status', () => {
    const result = parseErrorBody({ error: { code: 'Uautoriseret', message: 'x', target: TARGET } }, { status: 401 });
    expect(result).toMatchObject({ code: 'Uautoriseret', known: false, fallbackCode: 'Unauthorized', status: 401, message: 'x', target: TARGET });
  });

  it('prefers the given status over the code’s own', () => {
    expect(parseErrorBody({ error: { code: 'BadRequest' } }, { status: 422 })).toMatchObject({ code: 'BadRequest', known: true, status: 422 });
  });

  it('treats an empty code as no code', () => {
    expect(parseErrorBody({ error: { code: '', target: TARGET } }, { status: 403 })).toMatchObject({ code: 'Forbidden', known: false, target: TARGET });
  });
});

describe('parseErrorBody: fallback for every status class', () => {
  const notABody = ['<html><body>Bad gateway</body></html>', '', { unrelated: true }, { error: { code: 42 } }];
  describe.each(FALLBACK_TABLE)('status %s', (_label, status, code) => {
    it.each(notABody.map((input) => [JSON.stringify(input), input] as const))(`gives ${code} for %s`, (_name, input) => {
      const result = parseErrorBody(input, status === undefined ? {} : { status });
      expectSoundResult(result, input);
      expect(result.code).toBe(code);
      expect(result.fallbackCode).toBe(code);
      expect(result.known).toBe(false);
      expect(result.status).toBe(status ?? 500);
    });
  });

  it.each([0, 99, 600, 404.5, Number.NaN, -1])('ignores the status option %s (not an HTTP status)', (status) => {
    const result = parseErrorBody('', { status });
    expect(result.status).toBe(500);
    expect(result.code).toBe('InternalServerError');
  });

  it('accepts options that are null or have a throwing getter', () => {
    expect(parseErrorBody('', null as never).code).toBe('InternalServerError');
    const hostile = {
      get status(): number {
        throw new Error('boom');
      },
    };
    expect(parseErrorBody('', hostile).code).toBe('InternalServerError');
  });
});

function nested(depth: number, open: string, close: string, core: string): string {
  return open.repeat(depth) + core + close.repeat(depth);
}

function deepObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < depth; level += 1) value = { child: value };
  return value;
}

function throwingProxy(): object {
  const fail = (): never => {
    throw new Error('trap');
  };
  return new Proxy({}, { get: fail, has: fail, getOwnPropertyDescriptor: fail, ownKeys: fail, getPrototypeOf: fail, defineProperty: fail, set: fail });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const TEN_MEGABYTES = 10 * 1024 * 1024;
const HTML_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

interface MalformedCase {
  readonly name: string;
  readonly input: () => unknown;
  readonly status?: number;
  readonly expected: Partial<Omit<ParsedErrorBody, 'raw'>>;
}

/** Bodies no parser should choke on, with what must come out of each. */
const MALFORMED: readonly MalformedCase[] = [
  { name: 'empty string', input: () => '', status: 502, expected: { code: 'InternalServerError', isErrorBody: false, message: undefined, target: undefined } },
  { name: 'whitespace only', input: () => ' \r\n\t ', status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'the text null', input: () => 'null', status: 404, expected: { code: 'NotFound', isErrorBody: false } },
  { name: 'the value null', input: () => null, status: 404, expected: { code: 'NotFound', isErrorBody: false } },
  { name: 'undefined', input: () => undefined, expected: { code: 'InternalServerError', status: 500, isErrorBody: false } },
  { name: 'the text undefined', input: () => 'undefined', status: 401, expected: { code: 'Unauthorized', isErrorBody: false } },
  { name: 'an empty JSON array', input: () => '[]', status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'an array holding a body', input: () => [{ error: { code: 'NotFound', target: TARGET } }], status: 400, expected: { code: 'BadRequest', isErrorBody: false, target: undefined } },
  { name: 'a JSON number', input: () => '502', status: 502, expected: { code: 'InternalServerError', isErrorBody: false } },
  { name: 'a number value', input: () => 429, expected: { code: 'InternalServerError', isErrorBody: false } },
  { name: 'NaN', input: () => Number.NaN, status: 429, expected: { code: 'TooManyRequests', isErrorBody: false } },
  { name: 'a JSON boolean', input: () => 'true', status: 403, expected: { code: 'Forbidden', isErrorBody: false } },
  { name: 'a boolean value', input: () => false, status: 403, expected: { code: 'Forbidden', isErrorBody: false } },
  { name: 'a JSON string', input: () => '"InvalidUrl"', status: 400, expected: { code: 'BadRequest', known: false, isErrorBody: false } },
  { name: 'plain text', input: () => 'Service Unavailable', status: 503, expected: { code: 'InternalServerError', isErrorBody: false } },
  { name: 'an nginx HTML 502 page', input: () => HTML_502, status: 502, expected: { code: 'InternalServerError', known: false, isErrorBody: false, message: undefined } },
  { name: 'an HTML 429 page', input: () => '<!DOCTYPE html><title>Too Many Requests</title>', status: 429, expected: { code: 'TooManyRequests', isErrorBody: false } },
  {
    name: 'JSON cut off inside the message',
    input: () => `{"error":{"code":"InvalidHashValue","target":"${TARGET}","message":"Hash value abc`,
    status: 400,
    expected: { code: 'InvalidHashValue', known: true, target: TARGET, message: undefined, isErrorBody: true },
  },
  {
    name: 'JSON cut off after the message',
    input: () => `{"error":{"code":"InvalidUrl","message":"URL x is invalid.","target":"${TARGET}","details":[{"code":"A","message":"m"},{"co`,
    expected: { code: 'InvalidUrl', message: 'URL x is invalid.', target: TARGET, details: [{ code: 'A', message: 'm', target: undefined }], status: 400 },
  },
  { name: 'JSON cut off inside the code', input: () => '{"error":{"code":"Inval', status: 400, expected: { code: 'BadRequest', known: false, isErrorBody: true } },
  { name: 'JSON cut off after the first brace', input: () => '{', status: 404, expected: { code: 'NotFound', isErrorBody: false } },
  { name: 'JSON with trailing garbage', input: () => '{"error":{"code":"Forbidden","target":"t"}} <html>', expected: { code: 'Forbidden', target: 't', status: 403 } },
  { name: 'JSON with single quotes', input: () => "{'error':{'code':'Forbidden'}}", status: 500, expected: { code: 'InternalServerError', isErrorBody: false } },
  {
    name: 'a UTF-8 BOM before the JSON',
    input: () => `\uFEFF{"error":{"code":"Unauthorized","message":"Unauthorized","target":"${TARGET}"}}`,
    expected: { code: 'Unauthorized', known: true, message: 'Unauthorized', target: TARGET, status: 401 },
  },
  { name: 'a BOM before cut-off JSON', input: () => '\uFEFF{"error":{"code":"Forbidden","message":"For', expected: { code: 'Forbidden', known: true, message: undefined } },
  { name: 'a BOM alone', input: () => '\uFEFF', status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: '100 000 nested arrays', input: () => nested(100_000, '[', ']', ''), status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: '100 000 nested objects', input: () => nested(100_000, '{"a":', '}', '1'), status: 500, expected: { code: 'InternalServerError', isErrorBody: false } },
  {
    name: 'an innerError nested 10 000 deep',
    input: () => `{"error":{"code":"InvalidInput","message":"Invalid input x.","target":"${TARGET}","innerError":${nested(10_000, '{"a":', '}', '1')}}}`,
    expected: { code: 'InvalidInput', message: 'Invalid input x.', target: TARGET, isErrorBody: true },
  },
  { name: 'a parsed value nested 100 000 deep', input: () => ({ error: { code: 'NotFound', target: TARGET, innerError: deepObject(100_000) } }), expected: { code: 'NotFound', target: TARGET } },
  {
    name: 'a 10 MB message (over the 64 KiB cap)',
    input: () => `{"error":{"code":"InvalidUrl","target":"${TARGET}","message":"${'a'.repeat(TEN_MEGABYTES)}"}}`,
    expected: { code: 'InvalidUrl', known: true, target: TARGET, message: undefined, status: 400 },
  },
  { name: '10 MB of junk', input: () => 'x'.repeat(TEN_MEGABYTES), status: 502, expected: { code: 'InternalServerError', isErrorBody: false } },
  { name: 'a valid body just over the cap', input: () => `{"error":{"code":"Forbidden","message":"${'m'.repeat(MAX_BODY_LENGTH)}"}}`, expected: { code: 'Forbidden', message: undefined } },
  { name: 'a valid body exactly at the cap', input: () => { const head = '{"error":{"code":"Forbidden","message":"'; const tail = '"}}'; return head + 'm'.repeat(MAX_BODY_LENGTH - head.length - tail.length) + tail; }, expected: { code: 'Forbidden', message: 'm'.repeat(MAX_BODY_LENGTH - 43) } },
  { name: 'code as a number', input: () => `{"error":{"code":404,"message":"Not here","target":"${TARGET}"}}`, status: 404, expected: { code: 'NotFound', known: false, message: 'Not here', target: TARGET, isErrorBody: true } },
  { name: 'code as an object', input: () => ({ error: { code: { value: 'NotFound' }, target: TARGET } }), status: 400, expected: { code: 'BadRequest', known: false, target: TARGET } },
  { name: 'message as an array', input: () => `{"error":{"code":"InvalidInput","message":["a","b"],"target":"${TARGET}"}}`, expected: { code: 'InvalidInput', message: undefined, target: TARGET } },
  { name: 'message as a number', input: () => ({ error: { code: 'InvalidInput', message: 12 } }), expected: { code: 'InvalidInput', message: undefined } },
  { name: 'target as an object', input: () => '{"error":{"code":"Forbidden","message":"No","target":{"id":"x"}}}', expected: { code: 'Forbidden', message: 'No', target: undefined } },
  { name: 'target as a number', input: () => ({ error: { code: 'Forbidden', target: 7 } }), expected: { code: 'Forbidden', target: undefined } },
  { name: 'error as a string (OAuth style)', input: () => '{"error":"invalid_grant","error_description":"AADSTS70000"}', status: 400, expected: { code: 'BadRequest', isErrorBody: false, message: undefined } },
  { name: 'error as an array', input: () => ({ error: [{ code: 'NotFound' }] }), status: 404, expected: { code: 'NotFound', known: false, isErrorBody: false } },
  { name: 'error as null', input: () => '{"error":null}', status: 401, expected: { code: 'Unauthorized', isErrorBody: false } },
  {
    name: '__proto__ keys in the body and the error',
    input: () => `{"__proto__":{"polluted":"body"},"error":{"__proto__":{"polluted":"error","code":"Forbidden"},"code":"NotFound","message":"m","target":"${TARGET}"}}`,
    expected: { code: 'NotFound', known: true, message: 'm', target: TARGET },
  },
  { name: 'a code only under __proto__', input: () => '{"error":{"__proto__":{"code":"Forbidden","message":"inherited"}}}', status: 400, expected: { code: 'BadRequest', known: false, message: undefined } },
  { name: 'an inherited code (real prototype)', input: () => ({ error: Object.create({ code: 'Forbidden', message: 'inherited', target: 'inherited' }) as object }), status: 400, expected: { code: 'BadRequest', message: undefined, target: undefined } },
  { name: 'an inherited error (real prototype)', input: () => Object.create({ error: { code: 'Forbidden' } }) as object, status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  {
    name: 'constructor and prototype keys',
    input: () => '{"constructor":{"prototype":{"polluted":"ctor"}},"error":{"constructor":"x","prototype":{"polluted":1},"code":"Unauthorized"}}',
    expected: { code: 'Unauthorized', known: true },
  },
  { name: 'code named __proto__', input: () => '{"error":{"code":"__proto__","message":"m"}}', status: 400, expected: { code: '__proto__', known: false, fallbackCode: 'BadRequest', message: 'm' } },
  { name: 'code named toString', input: () => ({ error: { code: 'toString' } }), status: 404, expected: { code: 'toString', known: false, fallbackCode: 'NotFound' } },
  {
    name: 'OData v3 odata.error with { lang, value }',
    input: () => `{"odata.error":{"code":"ResourceNotFound","message":{"lang":"en-US","value":"Resource 1 wasn't found."},"target":"${TARGET}"}}`,
    expected: { code: 'ResourceNotFound', known: true, message: "Resource 1 wasn't found.", target: TARGET, status: 404 },
  },
  { name: 'OData v3 message value of the wrong type', input: () => '{"odata.error":{"code":"NotFound","message":{"lang":"en-US","value":7}}}', expected: { code: 'NotFound', message: undefined } },
  { name: 'error as a string and odata.error as an object', input: () => ({ error: 'x', 'odata.error': { code: 'Forbidden' } }), expected: { code: 'Forbidden', known: true } },
  { name: 'innererror (OData spelling)', input: () => '{"error":{"code":"InternalServerError","innererror":{"trace":"abc"}}}', expected: { code: 'InternalServerError', innerError: { trace: 'abc' }, status: 500 } },
  { name: 'innerError (Azure spelling)', input: () => '{"error":{"code":"InternalServerError","innerError":{"date":"2025-01-01"}}}', expected: { innerError: { date: '2025-01-01' } } },
  { name: 'innerError not an object, innererror one', input: () => '{"error":{"code":"BadRequest","innerError":"x","innererror":{"a":1}}}', expected: { innerError: { a: 1 } } },
  { name: 'innerError as a string', input: () => '{"error":{"code":"BadRequest","innerError":"stack trace"}}', expected: { code: 'BadRequest', innerError: undefined } },
  {
    name: 'details with junk entries',
    input: () =>
      '{"error":{"code":"InvalidRequestBody","message":"Invalid request body.","details":[null,1,"x",[],{},{"code":5},{"code":"MissingRequiredParameter","message":"Parameter machineId is missing.","target":"machineId"},{"message":{"value":"v3"}}]}}',
    expected: {
      code: 'InvalidRequestBody',
      details: [
        { code: 'MissingRequiredParameter', message: 'Parameter machineId is missing.', target: 'machineId' },
        { code: undefined, message: 'v3', target: undefined },
      ],
    },
  },
  { name: 'details as an object', input: () => ({ error: { code: 'BadRequest', details: { 0: { code: 'A' }, length: 1 } } }), expected: { code: 'BadRequest', details: [] } },
  { name: 'a huge sparse details array', input: () => ({ error: { code: 'BadRequest', details: Object.assign([], { length: 2 ** 32 - 1 }) } }), expected: { code: 'BadRequest', details: [] } },
  { name: 'duplicate keys (the last wins)', input: () => '{"error":{"code":"BadRequest","code":"NotFound","target":"a","target":"b"}}', expected: { code: 'NotFound', target: 'b' } },
  { name: 'duplicate error members', input: () => '{"error":{"code":"BadRequest"},"error":{"code":"Forbidden"}}', expected: { code: 'Forbidden' } },
  {
    name: 'unicode, escapes and control characters',
    input: () => '{"error":{"code":"Ugyldig\\u00e6input","message":"Ressourcen blev ikke fundet \\u202e\\u0000 \\ud83d\\ude00 \\"q\\"","target":"\\u00e6\\u00f8\\u00e5-7"}}',
    status: 400,
    expected: { code: 'Ugyldigæinput', known: false, message: 'Ressourcen blev ikke fundet \u202e\u0000 😀 "q"', target: 'æøå-7', fallbackCode: 'BadRequest' },
  },
  { name: 'a lone surrogate', input: () => '{"error":{"code":"BadRequest","message":"\\ud800"}}', expected: { code: 'BadRequest', message: '\ud800' } },
  {
    name: 'an RFC 9457 problem document',
    input: () => `{"type":"about:blank","title":"Not Found","status":404,"detail":"Machine 1 was not found","instance":"urn:uuid:${TARGET}"}`,
    expected: { code: 'NotFound', known: false, status: 404, message: 'Machine 1 was not found', target: TARGET, isErrorBody: true },
  },
  {
    name: 'a problem document with a code and a trackingId',
    input: () => ({ type: 'https://example.com/p', title: 'Bad', status: 400, detail: 'URL x is invalid.', code: 'InvalidUrl', trackingId: TARGET, instance: '/x' }),
    status: 400,
    expected: { code: 'InvalidUrl', known: true, message: 'URL x is invalid.', target: TARGET },
  },
  { name: 'a problem document with a bad status', input: () => ({ title: 'Teapot', status: '418' }), expected: { code: 'InternalServerError', status: 500, isErrorBody: true } },
  { name: 'an Error instance (not a body)', input: () => Object.assign(new Error('secret internals'), { detail: 'internal' }), status: 500, expected: { code: 'InternalServerError', message: undefined, isErrorBody: false } },
  { name: 'a Proxy whose every trap throws', input: throwingProxy, status: 503, expected: { code: 'InternalServerError', isErrorBody: false } },
  { name: 'a revoked Proxy', input: revokedProxy, status: 404, expected: { code: 'NotFound', isErrorBody: false } },
  {
    name: 'a throwing getter for error',
    input: () => ({
      get error(): never {
        throw new Error('getter');
      },
    }),
    status: 401,
    expected: { code: 'Unauthorized', isErrorBody: false },
  },
  {
    name: 'a throwing getter next to code, message and target',
    input: () => ({
      error: {
        code: 'DisabledFeature',
        message: 'Tenant feature is not enabled.',
        target: TARGET,
        get details(): never {
          throw new Error('getter');
        },
        get innerError(): never {
          throw new Error('getter');
        },
      },
    }),
    expected: { code: 'DisabledFeature', known: true, message: 'Tenant feature is not enabled.', target: TARGET, details: [], innerError: undefined },
  },
  {
    name: 'a throwing getter for code',
    input: () => ({
      error: {
        get code(): never {
          throw new Error('getter');
        },
        message: 'kept',
        target: TARGET,
      },
    }),
    status: 403,
    expected: { code: 'Forbidden', known: false, message: 'kept', target: TARGET },
  },
  { name: 'a Map', input: () => new Map([['error', { code: 'NotFound' }]]), status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'a String object', input: () => new String('{"error":{"code":"NotFound"}}'), status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'a symbol', input: () => Symbol('x'), status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'a bigint', input: () => 10n, status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'a function', input: () => () => undefined, status: 400, expected: { code: 'BadRequest', isErrorBody: false } },
  { name: 'a null-prototype body', input: () => Object.assign(Object.create(null) as object, { error: Object.assign(Object.create(null) as object, { code: 'NotFound', target: TARGET }) }), expected: { code: 'NotFound', target: TARGET } },
];

describe('parseErrorBody: raw control characters inside strings', () => {
  it('keeps every member when a string holds a raw ESC, NUL or bell, which JSON forbids', () => {
    const body = '{"error":{"code":"InvalidUrl","message":"URL \u001b[31mhttp://x\u0000\u0007 is invalid.","target":"after-the-control-characters"}}';
    const parsed = parseErrorBody(body);
    expect(parsed.code).toBe('InvalidUrl');
    expect(parsed.message).toBe('URL \u001b[31mhttp://x\u0000\u0007 is invalid.');
    expect(parsed.target).toBe('after-the-control-characters');
    expect(parsed.isErrorBody).toBe(true);
  });
});

describe('parseErrorBody: malformed bodies', () => {
  it('has at least 30 cases', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MALFORMED.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const input = entry.input();
    let result: ParsedErrorBody | undefined;
    expect(() => {
      result = parseErrorBody(input, entry.status === undefined ? undefined : { status: entry.status });
    }).not.toThrow();
    if (result === undefined) throw new Error('no result');
    expectSoundResult(result, input);
    expect(result).toMatchObject(entry.expected);
    for (const [key, value] of Object.entries(entry.expected)) {
      if (value === undefined) expect(result[key as keyof ParsedErrorBody]).toBeUndefined();
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 5, 15, 12, 0, 0);

  it.each([
    ['0', 0],
    ['120', 120],
    ['  30 ', 30],
    ['0000000007', 7],
    ['86400', 86_400],
  ])('reads delta-seconds %j', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it('reads an IMF-fixdate computed from now', () => {
    const inTwoMinutes = new Date(now + 120_000).toUTCString();
    expect(inTwoMinutes).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(parseRetryAfter(inTwoMinutes, now)).toBe(120);
  });

  it('rounds a partial second up', () => {
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now - 500)).toBe(91);
  });

  it.each([
    ['Sun, 15 Jun 2025 12:01:40 GMT', 100],
    ['Sunday, 15-Jun-25 12:01:40 GMT', 100],
    ['Sun Jun 15 12:01:40 2025', 100],
    ['Sun Jun  1 12:00:00 2025', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['Sun, 15 Jun 2025 23:59:59 GMT', 43_199],
    ['Mon, 16 Jun 2025 12:00:00 GMT', 86_400],
  ])('reads the HTTP-date %j', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it('reads a two-digit rfc850 year as the most recent such year', () => {
    // In 2025, "75" is 2075 (50 years ahead, not more: beyond the bound, so undefined rather than
    // 1975's 0) and "76" is 1976 (in the past: 0).
    expect(parseRetryAfter('Tuesday, 01-Jan-75 00:00:00 GMT', now)).toBeUndefined();
    expect(parseRetryAfter('Thursday, 01-Jan-76 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Wednesday, 01-Jan-75 00:00:00 GMT', Date.UTC(2074, 11, 31, 23, 59, 30))).toBe(30);
  });

  it.each([
    null,
    undefined,
    '',
    ' ',
    '-5',
    '1.5',
    '+10',
    '1e3',
    '12345678901',
    '86401',
    '9999999999',
    'Mon, 16 Jun 2025 12:00:01 GMT',
    'Wed, 31 Dec 2025 23:59:59 GMT',
    'soon',
    'NaN',
    'Infinity',
    '0x10',
    'Mon, 1',
    'Sun, 31 Feb 2025 00:00:00 GMT',
    'Sun, 15 Jun 2025 24:00:00 GMT',
    'Sun, 15 Jun 2025 12:60:00 GMT',
    'Sun, 15 Jun 2025 12:00:00 UTC',
    'Sun, 15 Jun 2025 12:00:00 +0000',
    '2025-06-15T12:00:00Z',
    'sun, 15 jun 2025 12:00:00 gmt',
    'Sun, 15 Jun 2025 12:00:00 GMT; junk',
    `Sun, 15 Jun 2025 12:00:00 GMT${' '.repeat(100)}x`,
    'x'.repeat(100_000),
  ])('rejects %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it('defaults now to the current time', () => {
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    const ahead = parseRetryAfter(new Date(Date.now() + 3_600_000).toUTCString());
    expect(ahead).toBeGreaterThan(3_590);
    expect(ahead).toBeLessThanOrEqual(3_600);
  });
});
