import { IncomingMessage, ServerResponse, validateHeaderName, validateHeaderValue } from 'node:http';
import { Socket } from 'node:net';
import { DefenderApiError, ERROR_CODES, fallbackCodeForStatus, isErrorCode } from '@defender-errors/core';
import { createErrorTranslator, SUPPORTED_LOCALES } from '@defender-errors/i18n';
import { guardGlobals, propertySeed, unsafeTerminalCharacters } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatForTerminal, negotiateLocale, sendError } from './index';

/**
 * The three places where untrusted text leaves this package, property-based with 10 000 runs each:
 * `Accept-Language` -> `negotiateLocale` -> `Content-Language`, any error -> `sendError` on a real
 * `node:http` `ServerResponse` (whose `setHeader` throws `ERR_INVALID_CHAR` on a bad value), and
 * any error -> `formatForTerminal`. No global prototype may change while they run.
 */

const seed = propertySeed(20_261_128);
const RUNS = 10_000;
const settings = { seed, numRuns: RUNS } as const;
const PROPERTY_TIMEOUT = 180_000;

/** No global or built-in prototype may change while these properties run. */
guardGlobals();

const translator = createErrorTranslator();

/** Pieces an attacker puts in headers and bodies. */
const hostilePieces = fc.constantFrom(
  '\r\n',
  '\r',
  '\n',
  '\u0000',
  '\u001b[2J',
  '\u202e',
  '\u0100',
  '\u2028',
  '日本語',
  'ü',
  ';q=0',
  ';q=abc',
  ';q=1e9',
  ';q=-1',
  '*',
  ',',
  ';',
  '=',
  '"',
  'da',
  'da-DK',
  'en-GB',
  'i-klingon',
  'x-private',
  '__proto__',
  'constructor',
  '{{url}}',
  '$t(label.copy)',
);
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ maxLength: 300 }),
  fc.array(fc.oneof(hostilePieces, fc.string({ maxLength: 8 })), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.constantFrom('da'.repeat(8_192), `${'x-y;q=0.5, '.repeat(2_000)}da`, 'ä'.repeat(70_000)),
);
const acceptLanguage = fc.oneof(
  hostileText,
  fc.array(hostileText, { maxLength: 4 }),
  fc.constantFrom(undefined, null),
);
/** Supported lists as an app may pass them: real tags, case variants, junk entries among them. */
const supportedList = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom('en-US', 'da-DK', 'de', 'sv-SE', 'fr-FR', 'zh-Hant-TW', 'nb', 'en-GB', 'DA-dk'), { minLength: 1, maxLength: 5 }),
    fc.array(fc.constantFrom('', '*', '__proto__', 'not a tag', 'en"bad', '\r\n'), { maxLength: 2 }),
  )
  .map(([valid, junk]) => [...junk, ...valid]);

describe(`negotiateLocale (fast-check, seed ${seed}, ${RUNS} runs each)`, () => {
  it('returns one of the bundled locales, safe as a header value, for any header', () => {
    fc.assert(
      fc.property(acceptLanguage, (header) => {
        const lng = negotiateLocale(header as string);
        expect(SUPPORTED_LOCALES).toContain(lng);
        expect(() => validateHeaderValue('Content-Language', lng)).not.toThrow();
      }),
      settings,
    );
  }, PROPERTY_TIMEOUT);

  it('returns an entry of any supported list exactly as given, for any header', () => {
    fc.assert(
      fc.property(acceptLanguage, supportedList, (header, supported) => {
        const lng = negotiateLocale(header as string, supported);
        expect(supported).toContain(lng);
        expect(() => Intl.getCanonicalLocales(lng)).not.toThrow();
      }),
      settings,
    );
  }, PROPERTY_TIMEOUT);
});

/** A real `ServerResponse` with no socket: `setHeader` validates as it does on a live server, `end` buffers. */
function detachedResponse(acceptLanguageHeader: unknown, method: string): { req: IncomingMessage; res: ServerResponse; body: () => string } {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  if (acceptLanguageHeader !== undefined) (req.headers as Record<string, unknown>)['accept-language'] = acceptLanguageHeader;
  const res = new ServerResponse(req);
  let written = '';
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    if (typeof chunk === 'string') written = chunk;
    return end(chunk);
  }) as ServerResponse['end'];
  return { req, res, body: () => written };
}

const SECRET = 'db-7.internal password=hunter2';
const thrown = fc.oneof(
  fc.record({
    code: fc.oneof(fc.constantFrom(...ERROR_CODES), hostileText),
    status: fc.oneof(fc.constantFrom(400, 404, 429, 500, 502, 503, 599), fc.integer({ min: -1000, max: 1000 }), fc.double()),
    serverMessage: fc.option(fc.oneof(hostileText, fc.constant(SECRET)), { nil: undefined }),
    target: fc.option(hostileText, { nil: undefined }),
    retryAfter: fc.option(fc.oneof(fc.double(), fc.integer()), { nil: undefined }),
    params: fc.dictionary(fc.constantFrom('hash', 'url', 'received', 'resource', 'lng', '__proto__'), fc.oneof(hostileText, fc.double(), fc.constant(SECRET))),
  }).map(({ code, ...options }) => new DefenderApiError<string>(code, options as never)),
  fc.constant(new Error(SECRET)),
  fc.anything(),
);

describe(`sendError on a real ServerResponse (fast-check, seed ${seed}, ${RUNS} runs)`, () => {
  it('never throws on a header (no ERR_INVALID_CHAR), keeps the code and tracking ID, and hides 5xx text', () => {
    fc.assert(
      fc.property(
        thrown,
        acceptLanguage,
        fc.record({ localize: fc.boolean(), problemJson: fc.boolean(), lng: fc.option(hostileText, { nil: undefined }) }),
        fc.constantFrom('GET', 'HEAD'),
        (error, header, options, method) => {
          const { req, res, body } = detachedResponse(header, method);
          const sent = sendError(res, error, { ...options, req });
          expect(res.statusCode).toBe(sent.status);
          expect(sent.status >= 400 && sent.status <= 599).toBe(true);
          expect(SUPPORTED_LOCALES).toContain(res.getHeader('Content-Language'));
          for (const [name, value] of Object.entries(res.getHeaders())) {
            validateHeaderName(name);
            expect(value).toBeDefined();
            for (const item of [value].flat()) validateHeaderValue(name, String(item));
          }
          if (method === 'HEAD') return;
          const payload = JSON.parse(body()) as Record<string, unknown> & { error?: { code: string; message: string; target: string } };
          const message = (options.problemJson ? payload['detail'] : payload.error?.message) as string;
          const code = (options.problemJson ? payload['code'] : payload.error?.code) as string;
          const target = (options.problemJson ? payload['trackingId'] : payload.error?.target) as string;
          if (error instanceof DefenderApiError) {
            // A 5xx names a registry code only (issue 18 point 6).
            expect(code).toBe(sent.status >= 500 && !isErrorCode(error.code) ? fallbackCodeForStatus(sent.status) : error.code);
            if (typeof error.target === 'string' && error.target.length > 0) expect(target).toBe(error.target);
          } else if (error instanceof Error) {
            expect(code).toBe('InternalServerError');
            expect(sent.status).toBe(500);
          } else {
            expect(code.length).toBeGreaterThan(0);
          }
          expect(target.length).toBeGreaterThan(0);
          if (sent.status >= 500) {
            const generic = translator.format(fallbackCodeForStatus(sent.status), {}, { lng: sent.lng });
            const retryAfter = res.getHeader('Retry-After');
            if (retryAfter === undefined) expect(message).toBe(generic);
            else {
              // The wait of Retry-After may follow, in the same language (never any text of the error).
              const wait = translator.labels(sent.lng).retryAfter(Number(retryAfter));
              expect([generic, `${generic} ${wait}`, `${generic}${wait}`]).toContain(message);
            }
            expect(body()).not.toContain(SECRET);
            if (options.problemJson) expect(payload['params']).toEqual({});
          }
        },
      ),
      settings,
    );
  }, PROPERTY_TIMEOUT);
});

describe(`formatForTerminal (fast-check, seed ${seed}, ${RUNS} runs)`, () => {
  it('lets no control, ESC or bidi character of any error through, and keeps one line per row', () => {
    const body = fc
      .record({ code: fc.oneof(fc.constantFrom(...ERROR_CODES), hostileText), message: hostileText, target: hostileText })
      .map((error) => JSON.stringify({ error }));
    fc.assert(
      fc.property(fc.oneof(thrown, body, hostileText), fc.constantFrom(...SUPPORTED_LOCALES), (error, lng) => {
        const plain = formatForTerminal(error, { lng, color: false });
        expect(unsafeTerminalCharacters(plain)).toEqual([]);
        const rows = plain.split('\n');
        expect(rows.length).toBeGreaterThanOrEqual(3);
        expect(rows.length).toBeLessThanOrEqual(7);
      }),
      settings,
    );
  }, PROPERTY_TIMEOUT);
});
