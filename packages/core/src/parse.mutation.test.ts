import { propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, parseErrorBody, parseRetryAfter, readErrorResponse } from './index';

/**
 * Exact-output tests of parse.ts, written to kill the mutants Stryker found surviving the other
 * suites (`pnpm mutation`). The main one is differential: a complete body followed by junk is not
 * JSON, so the prefix reader parses it, and it must give exactly what JSON.parse gives.
 */

const seed = propertySeed(20_261_128);
const RUNS = 10_000;

function fields(input: unknown) {
  const { code, known, status, message, target, details, innerError, isErrorBody } = parseErrorBody(input);
  return { code, known, status, message, target, details, innerError, isErrorBody };
}

/** JSON text with whitespace in every place the grammar allows it. */
function spaced(value: unknown, space: string): string {
  if (Array.isArray(value)) return `[${space}${value.map((item) => spaced(item, space)).join(`${space},${space}`)}${space}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${space}${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}${space}:${space}${spaced(item, space)}`).join(`${space},${space}`)}${space}}`;
  }
  return JSON.stringify(value);
}

const numbers = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0.5e-3, 1e21, 1.5e-7, 12.25, -7, 0));
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), numbers, fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
})).value;

describe('the prefix reader (parseJsonPrefix), differential against JSON.parse', () => {
  it('reads a complete body followed by junk exactly as JSON.parse reads the body', () => {
    fc.assert(
      fc.property(
        fc.record({
          code: fc.string(),
          message: fc.string(),
          target: fc.string(),
          innerError: fc.dictionary(fc.string(), jsonish, { maxKeys: 5 }),
          details: fc.array(fc.record({ code: fc.string(), message: fc.string(), target: fc.string() }, { requiredKeys: [] }), { maxLength: 3 }),
        }),
        fc.constantFrom('', ' ', '\t', '\n', '\r\n', ' \t\r\n '),
        fc.constantFrom('x', '}', ']', ',', '{', '"', 'junk after the body', '\u0000', '<html>'),
        (error, space, junk) => {
          const body = { error };
          const text = `${spaced(body, space)}${space}${junk}`;
          expect(() => JSON.parse(text)).toThrow();
          expect(fields(text)).toEqual(fields(JSON.parse(JSON.stringify(body))));
        },
      ),
      { seed, numRuns: RUNS },
    );
  }, 120_000);

  it('keeps code, message and target of a body cut anywhere after them', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.dictionary(fc.string(), jsonish, { maxKeys: 4 }), fc.nat(), (code, message, target, innerError, cutAt) => {
        const head = `{"error":{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)},"target":${JSON.stringify(target)}`;
        const text = `${head},"innerError":${JSON.stringify(innerError)}}}`;
        const cut = text.slice(0, head.length + (cutAt % (text.length - head.length + 1)));
        const result = parseErrorBody(cut);
        expect([result.code, result.message, result.target]).toEqual([code.length > 0 ? code : 'InternalServerError', message, target]);
        expect(result.isErrorBody).toBe(true);
      }),
      { seed, numRuns: RUNS },
    );
  }, 120_000);

  it.each([
    ['a number cut at the end is dropped', '{"error":{"code":"X","innerError":{"a":1,"n":12', { a: 1 }],
    ['a number followed by more text is kept', '{"error":{"code":"X","innerError":{"a":-1.5e+3,"b":2E-2,"c":0.25,"d":7}', { a: -1500, b: 0.02, c: 0.25, d: 7 }],
    ['true, false and null are kept', '{"error":{"code":"X","innerError":{"t":true,"f":false,"n":null}', { t: true, f: false, n: null }],
    ['an escaped quote does not end a string', '{"error":{"code":"X","innerError":{"q":"a\\"b","r":"c\\\\"}', { q: 'a"b', r: 'c\\' }],
    ['a cut string is dropped', '{"error":{"code":"X","innerError":{"a":"whole","b":"cu', { a: 'whole' }],
    ['a cut key is dropped', '{"error":{"code":"X","innerError":{"a":"whole","b', { a: 'whole' }],
    ['nested arrays and objects', '{"error":{"code":"X","innerError":{"a":[1,[2,{"b":[]}],{}],"c":{"d":{}}}', { a: [1, [2, { b: [] }], {}], c: { d: {} } }],
    ['an empty object', '{"error":{"code":"X","innerError":{}', {}],
    ['stops at a bad token', '{"error":{"code":"X","innerError":{"a":1,"b":nope,"c":2}', { a: 1 }],
    ['stops at a missing colon', '{"error":{"code":"X","innerError":{"a":1,"b" 2}', { a: 1 }],
    ['stops at a key that is not a string', '{"error":{"code":"X","innerError":{"a":1,b:2}', { a: 1 }],
    ['stops at a mismatched bracket', '{"error":{"code":"X","innerError":{"a":[1,2},"b":3}', { a: [1, 2] }],
    ['reads whitespace everywhere', '{ "error" :\t{\r\n"code"\n:\r"X" ,"innerError": { "a" : [ 1 , 2 ] } }  }x', { a: [1, 2] }],
  ] as const)('%s', (_label, text, innerError) => {
    const result = parseErrorBody(text);
    expect(result.code).toBe('X');
    expect(result.innerError).toEqual(innerError);
  });

  it('makes `__proto__` an own, writable, enumerable, configurable member, never a prototype', () => {
    const result = parseErrorBody('{"error":{"code":"X","innerError":{"__proto__":{"polluted":true},"a":1}');
    const inner = result.innerError as Record<string, unknown>;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.keys(inner)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(inner, '__proto__')).toEqual({ value: { polluted: true }, writable: true, enumerable: true, configurable: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads a top-level array prefix and gives no error body for it', () => {
    expect(parseErrorBody('[1,2').isErrorBody).toBe(false);
    expect(parseErrorBody('[{"error":{"code":"Forbidden"}}, x').isErrorBody).toBe(false);
    expect(parseErrorBody('"just a string" x').isErrorBody).toBe(false);
  });

  it('keeps a body with raw control characters inside its strings whole', () => {
    const result = parseErrorBody('{"error":{"code":"Forbidden","message":"a\u001b[2Jb\u0000c\u000bd\u000ce","target":"t\u0007"}}');
    expect(result).toMatchObject({ code: 'Forbidden', known: true, message: 'a\u001b[2Jb\u0000c\u000bd\u000ce', target: 't\u0007' });
  });
});

describe('details, messages, problem documents and limits', () => {
  it('reads at most 100 details, skipping entries with no member of the right type', () => {
    const entries = Array.from({ length: 150 }, (_, index) => ({ code: `C${index}` }));
    expect(parseErrorBody({ error: { code: 'X', details: entries } }).details).toHaveLength(100);
    expect(parseErrorBody({ error: { code: 'X', details: entries.slice(0, 100) } }).details.at(-1)).toEqual({ code: 'C99', message: undefined, target: undefined });
    const mixed = [{ code: 1, message: 2 }, 'text', null, { target: 't' }, { message: { value: 'v' } }, [1]];
    expect(parseErrorBody({ error: { code: 'X', details: mixed } }).details).toEqual([
      { code: undefined, message: undefined, target: 't' },
      { code: undefined, message: 'v', target: undefined },
    ]);
    expect(parseErrorBody({ error: { code: 'X', details: { length: 3, 0: { code: 'a' } } } }).details).toEqual([]);
    const unreadable = new Proxy([{ code: 'a' }], {
      get: () => {
        throw new Error('no');
      },
    });
    expect(parseErrorBody({ error: { code: 'X', details: unreadable } }).details).toEqual([]);
  });

  it('unwraps a message only from an object with an own string value', () => {
    expect(parseErrorBody({ error: { code: 'X', message: { lang: 'en', value: 'v' } } }).message).toBe('v');
    expect(parseErrorBody({ error: { code: 'X', message: Object.assign(['a'], { value: 'hidden' }) } }).message).toBeUndefined();
    expect(parseErrorBody({ error: { code: 'X', message: 42 } }).message).toBeUndefined();
    expect(parseErrorBody({ error: { code: 'X', message: { value: 42 } } }).message).toBeUndefined();
  });

  it('reads problem documents only from plain objects, and strips only a leading urn:uuid:', () => {
    expect(parseErrorBody({ title: 'T', detail: 'D', instance: 'urn:uuid:abc' }).target).toBe('abc');
    expect(parseErrorBody({ title: 'T', detail: 'D', instance: 'URN:UUID:abc' }).target).toBe('abc');
    expect(parseErrorBody({ title: 'T', detail: 'D', instance: 'x-urn:uuid:abc' }).target).toBe('x-urn:uuid:abc');
    const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { title: 'T', detail: 'D', code: 'Forbidden' });
    expect(parseErrorBody(nullPrototype)).toMatchObject({ isErrorBody: true, code: 'Forbidden', message: 'D' });
    class Problem {
      title = 'T';
      detail = 'D';
    }
    expect(parseErrorBody(new Problem()).isErrorBody).toBe(false);
    expect(parseErrorBody({ title: 'T' }).isErrorBody).toBe(true);
    expect(parseErrorBody({ status: 404 }).isErrorBody).toBe(false);
  });

  it('reads text of exactly 64 KiB whole, and cuts longer text at 64 KiB', () => {
    const head = '{"error":{"code":"Forbidden","target":"t","message":"';
    const exact = `${head}${'m'.repeat(MAX_BODY_LENGTH - head.length - 3)}"}}`;
    expect(exact.length).toBe(MAX_BODY_LENGTH);
    expect(parseErrorBody(exact).message?.length).toBe(MAX_BODY_LENGTH - head.length - 3);
    const lastBraceCut = parseErrorBody(`${exact}}`);
    expect([lastBraceCut.code, lastBraceCut.target, lastBraceCut.message?.length]).toEqual(['Forbidden', 't', MAX_BODY_LENGTH - head.length - 3]);
    const messageCut = parseErrorBody(`${head}${'m'.repeat(MAX_BODY_LENGTH)}"}}`);
    expect([messageCut.code, messageCut.target, messageCut.message === undefined]).toEqual(['Forbidden', 't', true]);
  });

  it('treats null or missing options like none', () => {
    expect(parseErrorBody('{}', null as never).status).toBe(500);
    expect(parseErrorBody('{}', undefined).status).toBe(500);
  });
});

describe('parseRetryAfter and readErrorResponse limits', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:60 GMT', 784_111_800],
    ['Sun, 06 Nov 1994 23:59:59 GMT', 784_166_399],
  ])('accepts the edge time %s', (value, epochSeconds) => {
    expect(parseRetryAfter(value, (epochSeconds - 100) * 1000)).toBe(100);
  });

  it.each(['Sun, 06 Nov 1994 24:00:00 GMT', 'Sun, 06 Nov 1994 08:60:00 GMT', 'Sun, 06 Nov 1994 08:49:61 GMT', 'Wed, 30 Feb 1994 08:49:37 GMT', 'Thu, 31 Apr 1994 08:49:37 GMT'])(
    'refuses the impossible date %s',
    (value) => {
      expect(parseRetryAfter(value, 784_111_000_000)).toBeUndefined();
    },
  );

  it('reads at most 64 KiB of a streamed body, whatever the chunk sizes', async () => {
    const head = '{"error":{"code":"Forbidden","target":"t","message":"';
    for (const size of [1, 1000, MAX_BODY_LENGTH - 1, MAX_BODY_LENGTH, MAX_BODY_LENGTH + 1]) {
      const text = `${head}${'m'.repeat(size)}"}}`;
      const bytes = new TextEncoder().encode(text);
      const chunks = [bytes.subarray(0, 10), bytes.subarray(10, 40_000), bytes.subarray(40_000)];
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
      const info = await readErrorResponse({ status: 403, headers: new Headers(), body });
      expect(info.code).toBe('Forbidden');
      expect(info.message).toBe(text.length <= MAX_BODY_LENGTH ? 'm'.repeat(size) : undefined);
    }
  });
});
