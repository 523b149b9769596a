import { DefenderApiError, fallbackCodeForStatus, wireMessage } from '@defender-errors/core';
import { describe, expect, it, vi } from 'vitest';
import { createErrorResponse, getDefaultTranslator, type TranslatorLike } from './index';
import { internalErrorResponse, JSON_CONTENT_TYPE } from './response';
import { chooseByteLength, countUtf8 } from './utf8';

// Exact-output tests of createErrorResponse, written to kill the mutants Stryker found surviving the
// other suites (`node security/mutation.mjs --module "http response"`): the Content-Length of any
// text, the status and language checks, the options one by one, and the bare 500.

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const TARGET = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const invalidUrl = (options: { readonly serverMessage?: string; readonly target?: string; readonly status?: number } = {}) =>
  new DefenderApiError('InvalidUrl', { params: { url: 'http://x' }, target: TARGET, ...options });
interface SentBody {
  readonly error: { readonly code: string; readonly message: string; readonly target: string };
  readonly type: string;
}
const bodyOf = (response: { body: string }) => JSON.parse(response.body) as SentBody;

/** The default translator, with its describe answer changed by `change`. */
function translatorChanging(change: (description: ReturnType<TranslatorLike['describe']>) => object): TranslatorLike {
  const base = getDefaultTranslator();
  return {
    describe: (error, options) => ({ ...base.describe(error, options), ...change(base.describe(error, options)) }) as ReturnType<TranslatorLike['describe']>,
    labels: base.labels.bind(base),
    format: base.format.bind(base) as TranslatorLike['format'],
    resolveLanguage: base.resolveLanguage.bind(base),
    locales: base.locales.bind(base),
  };
}

const utf8Texts = [
  ['ASCII', 'URL http://x is invalid.'],
  ['short Danish', 'Adressen æøå er ugyldig.'],
  ['long, 2-byte', 'ø'.repeat(5000)],
  ['long, 3-byte', '€'.repeat(5000)],
  ['long, surrogate pairs', '😀'.repeat(3000)],
  ['long, mixed', `${'a'.repeat(1000)}${'ø'.repeat(1000)}${'€'.repeat(1000)}${'😀'.repeat(1000)}`],
  ['short, every width', 'a ø € 😀'],
  // The bounds of each UTF-8 width, in a text long enough to be counted code unit by code unit.
  ['long, width bounds', `${'\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\u{10000}\u{10ffff}'.repeat(600)}`],
] as const;
const nodeByteLength = Buffer.byteLength.bind(Buffer);

describe('Content-Length is the UTF-8 length of the body', () => {
  it.each(utf8Texts)('%s', (_, serverMessage) => {
    const response = createErrorResponse(invalidUrl({ serverMessage }), { localize: false });
    expect(bodyOf(response).error.message).toBe(serverMessage);
    expect(response.headers['Content-Length']).toBe(String(nodeByteLength(response.body, 'utf8')));
  });
});

describe('the UTF-8 counter where the runtime has no Buffer (Deno, Workers)', () => {
  it.each([
    ['no Buffer', {}],
    ['no runtime object', null],
    ['a Buffer without byteLength', { Buffer: {} }],
    ['a Buffer whose byteLength throws on read', { Buffer: Object.defineProperty({}, 'byteLength', { get: () => { throw new Error('no'); } }) }],
  ])('%s: counted in JavaScript', (_, runtime) => {
    const count = chooseByteLength(runtime);
    expect(count).toBe(countUtf8);
    for (const [name, text] of utf8Texts) {
      const body = JSON.stringify({ message: text });
      expect(count(body), name).toBe(nodeByteLength(body, 'utf8'));
    }
  });

  it("uses the runtime's counter when there is one", () => {
    const byteLength = vi.fn(() => 7);
    expect(chooseByteLength({ Buffer: { byteLength } })('abc')).toBe(7);
    expect(byteLength).toHaveBeenCalledWith('abc', 'utf8');
  });
});

describe('options read one by one when a getter throws (the one-pass read failed)', () => {
  const throwing = (name: string) => ({ get [name]() { throw new Error(`no ${name}`); } });
  const options = (given: Record<string, unknown>, failing = 'unrelated') => Object.defineProperties({ ...given }, Object.getOwnPropertyDescriptors(throwing(failing)));

  it('each option is still honoured', () => {
    const stopping = translatorChanging(() => ({ message: 'stop' }));
    expect(bodyOf(createErrorResponse(invalidUrl(), options({ translator: stopping, lng: 'da' }))).error.message).toBe('stop');
    expect(createErrorResponse(invalidUrl(), options({ lng: 'da' })).lng).toBe('da-DK');
    expect(createErrorResponse(invalidUrl(), options({ acceptLanguage: 'da' })).lng).toBe('da-DK');
    expect(bodyOf(createErrorResponse(invalidUrl({ serverMessage: 'as sent' }), options({ localize: false, lng: 'da' }))).error.message).toBe('as sent');
    expect(bodyOf(createErrorResponse(invalidUrl(), options({ problem: { type: (code: string) => `urn:x:${code}` } }))).type).toBe('urn:x:InvalidUrl');
    expect(bodyOf(createErrorResponse(invalidUrl(), options({ problem: true }))).type).toBe('about:blank');
    expect(bodyOf(createErrorResponse(invalidUrl(), options({ problem: null }))).error.code).toBe('InvalidUrl');
  });

  it('a throwing option counts as not given, the others still count', () => {
    expect(createErrorResponse(invalidUrl(), options({ acceptLanguage: 'da' }, 'lng')).lng).toBe('da-DK');
    expect(createErrorResponse(invalidUrl(), options({ lng: 'da' }, 'translator')).lng).toBe('da-DK');
    const typed = Object.defineProperties({}, Object.getOwnPropertyDescriptors(throwing('type')));
    expect(bodyOf(createErrorResponse(invalidUrl(), { problem: typed, lng: 'da' })).type).toBe('about:blank');
    expect(createErrorResponse(invalidUrl(), { problem: typed, lng: 'da' }).lng).toBe('da-DK');
  });
});

describe('the status', () => {
  it.each([
    [400, 400],
    [599, 599],
    [399, 404],
    [600, 404],
  ])('status %s on a ResourceNotFound answers %s', (status, expected) => {
    expect(createErrorResponse(new DefenderApiError('ResourceNotFound', { status })).status).toBe(expected);
  });

  it('a translator answering a status that is no error status: the status of the rendered code, else 500', () => {
    expect(createErrorResponse(invalidUrl(), { translator: translatorChanging(() => ({ status: 200 })) }).status).toBe(400);
    expect(createErrorResponse(invalidUrl(), { translator: translatorChanging(() => ({ status: 404.5 })) }).status).toBe(400);
    expect(createErrorResponse(invalidUrl(), { translator: translatorChanging(() => ({ status: 600 })) }).status).toBe(400);
    expect(createErrorResponse(invalidUrl(), { translator: translatorChanging(() => ({ status: 399 })) }).status).toBe(400);
    expect(createErrorResponse(invalidUrl(), { translator: translatorChanging(() => ({ status: '404', renderedCode: 'NotRegistered' })) }).status).toBe(500);
  });
});

describe('the language of the answer', () => {
  it.each([
    ['da', 'da'],
    ['da-DK-x1', 'da-DK-x1'],
    ['x da', 'en-US'],
    ['da x', 'en-US'],
    ['!!', 'en-US'],
    ['da-!!', 'en-US'],
    ['abcdefghi', 'en-US'],
  ])('a description in %j is sent as %j', (lng, expected) => {
    expect(createErrorResponse(invalidUrl(), { translator: translatorChanging(() => ({ lng })) }).headers['Content-Language']).toBe(expected);
  });

  it('a 5xx says the generic text of its status in the client language', () => {
    const status = 503;
    const generic = (lng: string) => getDefaultTranslator().describe(new DefenderApiError(fallbackCodeForStatus(status), { status }), { lng }).message;
    const response = createErrorResponse(new DefenderApiError('InvalidUrl', { params: { url: 'x' }, status }), { acceptLanguage: 'da' });
    expect(generic('da-DK')).not.toBe(generic('en-US'));
    expect(bodyOf(response).error.message).toBe(generic('da-DK'));
  });
});

describe('the options', () => {
  it('a translator lacking one of its functions, or one whose reads throw, is not used', () => {
    const custom = translatorChanging(() => ({ message: 'CUSTOM' }));
    expect(bodyOf(createErrorResponse(invalidUrl(), { translator: custom, lng: 'da-DK' })).error.message).toBe('CUSTOM');
    for (const missing of ['describe', 'locales', 'resolveLanguage'] as const) {
      const partial = { ...custom, [missing]: undefined } as unknown as TranslatorLike;
      expect(bodyOf(createErrorResponse(invalidUrl(), { translator: partial, lng: 'da-DK' })).error.message).not.toBe('CUSTOM');
    }
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); } }) as TranslatorLike;
    expect(createErrorResponse(invalidUrl(), { translator: hostile }).code).toBe('InvalidUrl');
  });

  it('localize: false sends the server message, else the wire wording; a localized answer never sends it', () => {
    const said = 'URL http://x is invalid, says the server.';
    expect(bodyOf(createErrorResponse(invalidUrl({ serverMessage: said }), { localize: false })).error.message).toBe(said);
    expect(bodyOf(createErrorResponse(invalidUrl(), { localize: false })).error.message).toBe(wireMessage('InvalidUrl', { url: 'http://x' }));
    const danish = createErrorResponse(invalidUrl({ serverMessage: said }), { acceptLanguage: 'da' });
    expect(bodyOf(danish).error.message).toBe(getDefaultTranslator().describe(invalidUrl(), { lng: 'da-DK' }).message);
    expect(bodyOf(createErrorResponse(invalidUrl({ serverMessage: said }), { localize: true, lng: 'da-DK' })).error.message).not.toBe(said);
  });

  it.each([
    [undefined, false],
    [false, false],
    [null, false],
    ['yes', false],
    [true, true],
    [{}, true],
  ])('problem: %j gives a problem body: %s', (problem, expected) => {
    const response = createErrorResponse(invalidUrl(), { problem: problem as never });
    expect(response.contentType).toBe(expected ? 'application/problem+json; charset=utf-8' : JSON_CONTENT_TYPE);
    if (expected) expect(bodyOf(response)).toMatchObject({ type: 'about:blank', code: 'InvalidUrl', params: { url: 'http://x' }, trackingId: TARGET, instance: `urn:uuid:${TARGET}` });
  });

  it('a problem type function names the type; instance only for a UUID tracking ID', () => {
    expect(bodyOf(createErrorResponse(invalidUrl(), { problem: { type: (code) => `https://x/${code}` } })).type).toBe('https://x/InvalidUrl');
    for (const target of [`${TARGET}x`, `x${TARGET}`]) expect(bodyOf(createErrorResponse(invalidUrl({ target }), { problem: true }))).not.toHaveProperty('instance');
  });
});

describe('tracking ID and Retry-After', () => {
  it('an empty tracking ID is replaced by a new one', () => {
    const response = createErrorResponse(invalidUrl({ target: '' }));
    expect(response.target).toMatch(UUID);
    expect(bodyOf(response).error.target).toBe(response.target);
  });

  it('Retry-After only when the error has a wait', () => {
    expect(createErrorResponse(new DefenderApiError('TooManyRequests')).headers).not.toHaveProperty('Retry-After');
    expect(createErrorResponse(new DefenderApiError('TooManyRequests', { retryAfter: 30 })).headers['Retry-After']).toBe('30');
  });
});

describe('internalErrorResponse', () => {
  it('is a bare 500 with a new tracking ID and every header', () => {
    const response = internalErrorResponse();
    expect(response).toMatchObject({ status: 500, code: 'InternalServerError', lng: 'en-US', contentType: JSON_CONTENT_TYPE });
    expect(response.target).toMatch(UUID);
    expect(response.headers).toEqual({ 'Content-Type': JSON_CONTENT_TYPE, 'X-Content-Type-Options': 'nosniff', 'Content-Length': String(Buffer.byteLength(response.body)) });
    expect(bodyOf(response)).toEqual({ error: { code: 'InternalServerError', message: '', target: response.target } });
  });
});
