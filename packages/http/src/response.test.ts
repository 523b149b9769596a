import { DefenderApiError, ERROR_CODES, isErrorCode, parseErrorBody, wireMessage } from '@defender-errors/core';
import { createErrorTranslator, extractParams, SUPPORTED_LOCALES } from '@defender-errors/i18n';
import { describe, expect, it } from 'vitest';
import { createErrorResponse, errorResponder, internalErrorResponse, toResponse } from './index';
const translatorForTests = createErrorTranslator();

const translator = createErrorTranslator();
const SECRET_CODE = 'db-7 password=hunter2';
const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

describe('createErrorResponse', () => {
  it('decides status, headers and the wire body', () => {
    const decided = createErrorResponse(new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' } }), { acceptLanguage: 'da, en;q=0.5' });
    expect(decided.status).toBe(400);
    expect(decided.headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Language': 'da-DK',
      Vary: 'Accept-Language',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': String(new TextEncoder().encode(decided.body).length),
    });
    expect(JSON.parse(decided.body)).toEqual({ error: { code: 'InvalidHashValue', message: translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da-DK' }), target: decided.target } });
    expect(decided.target).toMatch(UUID);
    expect(decided).toMatchObject({ code: 'InvalidHashValue', lng: 'da-DK', contentType: 'application/json; charset=utf-8' });
  });

  it('Content-Length is the UTF-8 length, astral characters included', () => {
    const decided = createErrorResponse(new DefenderApiError<string>('Ünknøwn😀', { status: 409 }));
    expect(decided.body).toContain('😀');
    expect(decided.headers['Content-Length']).toBe(String(new TextEncoder().encode(decided.body).length));
  });

  it('writes RFC 9457 problem+json with `problem`', () => {
    const target = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
    const decided = createErrorResponse(new DefenderApiError('Forbidden', { target }), { problem: { type: (code) => `https://errors.example/${code}` }, lng: 'da' });
    expect(decided.headers['Content-Type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(decided.body)).toEqual({
      type: 'https://errors.example/Forbidden',
      title: translator.describe(new DefenderApiError('Forbidden'), { lng: 'da-DK' }).title,
      status: 403,
      detail: translator.format('Forbidden', {}, { lng: 'da-DK' }),
      instance: `urn:uuid:${target}`,
      code: 'Forbidden',
      params: {},
      trackingId: target,
    });
  });

  it.each(SUPPORTED_LOCALES)('every registry code in %s keeps its status and code', (lng) => {
    for (const code of ERROR_CODES) {
      const decided = createErrorResponse(new DefenderApiError(code, { params: {} as never }), { lng });
      expect(decided.status).toBe(translator.describe(new DefenderApiError(code, { params: {} as never })).status);
      expect((JSON.parse(decided.body) as { error: { code: string } }).error.code).toBe(code);
      expect(decided.lng).toBe(lng);
    }
  });

  describe('Retry-After (issue 18 point 5): a non-negative integer, at most one day', () => {
    it.each([
      [29.2, '30'],
      [0, '0'],
      [86_400, '86400'],
      [86_400.5, '86400'],
      [1e12, '86400'],
      [1e308, '86400'],
      [-1, null],
      [Number.NaN, null],
      [Number.POSITIVE_INFINITY, null],
    ])('retryAfter %s -> %s', (retryAfter, expected) => {
      for (const status of [429, 503]) {
        const headers = createErrorResponse(new DefenderApiError<string>('TooManyRequests', { status, retryAfter })).headers;
        expect(headers['Retry-After'] ?? null).toBe(expected);
        if (expected !== null) expect(headers['Retry-After']).toMatch(/^\d{1,5}$/);
      }
    });

    it('only for 429 and 503', () => {
      expect(createErrorResponse(new DefenderApiError('Forbidden', { retryAfter: 5 })).headers['Retry-After']).toBeUndefined();
    });
  });

  describe('what a 5xx hides (issue 18 point 6)', () => {
    it.each([500, 502, 503, 599])('an unknown code with status %i becomes the registry fallback code', (status) => {
      const decided = createErrorResponse(new DefenderApiError<string>(SECRET_CODE, { status, serverMessage: SECRET_CODE }), { problem: status % 2 === 0 });
      expect(decided.body).not.toContain('hunter2');
      expect(decided.body).not.toContain('db-7');
      expect(isErrorCode(decided.code)).toBe(true);
    });

    it('a parsed 5xx body with an unknown code', () => {
      const decided = createErrorResponse(parseErrorBody({ error: { code: SECRET_CODE, message: SECRET_CODE } }, { status: 503 }));
      expect(decided.status).toBe(503);
      expect(decided.code).toBe('InternalServerError');
      expect(decided.body).not.toContain('hunter2');
    });

    it('a known code keeps its name; parameters and server text never show', () => {
      const decided = createErrorResponse(new DefenderApiError('InvalidUrl', { status: 502, params: { url: SECRET_CODE }, serverMessage: SECRET_CODE }), { problem: true });
      expect(decided.status).toBe(502);
      expect(decided.code).toBe('InvalidUrl');
      expect(decided.body).not.toContain('hunter2');
      expect((JSON.parse(decided.body) as { params: unknown }).params).toEqual({});
    });
  });

  describe('reading what was thrown', () => {
    it.each([
      ['http-errors 404', Object.assign(new Error('Not Found: /x'), { status: 404, statusCode: 404, expose: true }), 404, 'NotFound'],
      ['body-parser entity.parse.failed', Object.assign(new SyntaxError('Unexpected token } in JSON'), { status: 400, statusCode: 400, type: 'entity.parse.failed' }), 400, 'BadRequest'],
      ['Fastify validation (statusCode only)', Object.assign(new Error('querystring must have required property'), { statusCode: 400, code: 'FST_ERR_VALIDATION' }), 400, 'BadRequest'],
      ['unsupported media type', Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), 415, 'BadRequest'],
      ['a 503 with Retry-After headers', Object.assign(new Error('busy'), { status: 503, headers: { 'Retry-After': '12' } }), 503, 'InternalServerError'],
      ['an Error with a non-error status', Object.assign(new Error('odd'), { status: 302 }), 500, 'InternalServerError'],
      ['an Error with a string status', Object.assign(new Error('odd'), { status: '404' }), 500, 'InternalServerError'],
      ['a plain Error', new Error(SECRET_CODE), 500, 'InternalServerError'],
      ['undefined', undefined, 500, 'InternalServerError'],
      ['a wire body', { error: { code: 'Forbidden', message: 'Access denied.' } }, 403, 'Forbidden'],
    ] as const)('%s', (_label, error, status, code) => {
      const decided = createErrorResponse(error);
      expect(decided.status).toBe(status);
      expect(decided.code).toBe(code);
      expect(decided.body).not.toContain('hunter2');
    });

    it('keeps the Retry-After an Error carries', () => {
      expect(createErrorResponse(Object.assign(new Error('busy'), { status: 503, headers: { 'retry-after': '12' } })).headers['Retry-After']).toBe('12');
      expect(createErrorResponse(Object.assign(new Error('slow down'), { status: 429, retryAfter: 3.5 })).headers['Retry-After']).toBe('4');
    });

    it('keeps a received tracking ID', () => {
      expect(createErrorResponse({ error: { code: 'Forbidden', message: 'x', target: 'abc-123' } }).target).toBe('abc-123');
    });

    it('a revoked Proxy or a throwing getter is a 500', () => {
      const { proxy, revoke } = Proxy.revocable(new Error('x'), {});
      revoke();
      expect(createErrorResponse(proxy).status).toBe(500);
      const hostile = Object.defineProperty(new Error('x'), 'status', { get: () => { throw new Error('boom'); } });
      expect(createErrorResponse(hostile).status).toBe(500);
    });
  });
});

describe('toResponse', () => {
  it('reads Accept-Language from the Request and answers a fetch Response', async () => {
    const response = toResponse(new DefenderApiError('Forbidden'), new Request('http://127.0.0.1/', { headers: { 'accept-language': 'da' } }));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-language')).toBe('da-DK');
    expect(response.headers.get('vary')).toBe('Accept-Language');
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(translator.format('Forbidden', {}, { lng: 'da-DK' }));
  });

  it('HEAD: headers, no body', async () => {
    const response = toResponse(new DefenderApiError('Forbidden'), new Request('http://127.0.0.1/', { method: 'HEAD' }));
    expect(response.status).toBe(403);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(response.body).toBeNull();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'da'],
    ['a node-style request', { headers: { 'accept-language': 'da' }, method: 'GET' }],
    ['a throwing getter', Object.defineProperty({}, 'headers', { get: () => { throw new Error('boom'); } })],
    ['headers.get that throws', { headers: { get: () => { throw new Error('boom'); } } }],
  ])('a request that is not a Request (%s) counts as one with no headers', (_label, request) => {
    const response = toResponse(new DefenderApiError('Forbidden'), request);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-language')).toBe('en-US');
  });

  it('a failing translator: a bare 500 with a tracking ID, nothing thrown', async () => {
    const broken = { ...translator, describe: () => { throw new Error(SECRET_CODE); } };
    const response = toResponse(new DefenderApiError('Forbidden'), new Request('http://127.0.0.1/'), { translator: broken });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect((JSON.parse(text) as { error: { code: string; target: string } }).error).toMatchObject({ code: 'InternalServerError', target: expect.stringMatching(UUID) });
  });

  it('errorResponder fixes the options', async () => {
    const respond = errorResponder({ problem: true, localize: false });
    const response = respond(new DefenderApiError('Forbidden'), new Request('http://127.0.0.1/', { headers: { 'accept-language': 'da' } }));
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('en-US');
    expect(((await response.json()) as { code: string }).code).toBe('Forbidden');
  });

  it('internalErrorResponse needs no text', () => {
    const bare = internalErrorResponse();
    expect(bare.status).toBe(500);
    expect(JSON.parse(bare.body)).toEqual({ error: { code: 'InternalServerError', message: '', target: bare.target } });
  });
});

describe('createErrorResponse with hostile options (issue 18 point 3)', () => {
  const thrower = (): never => {
    throw new Error('hostile');
  };
  const error = new DefenderApiError('InvalidUrl', { params: { url: 'u' }, target: 't' });
  const plain = createErrorResponse(error);

  it('an option whose read throws counts as not given: the error keeps its status, code and tracking ID', () => {
    const getters = Object.fromEntries(['acceptLanguage', 'lng', 'translator', 'localize', 'problem'].map((name) => [name, { get: thrower, enumerable: true }]));
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const options of [Object.defineProperties({}, getters), proxy, new Proxy({}, { get: thrower })]) {
      expect(createErrorResponse(error, options as never)).toMatchObject({ status: 400, code: 'InvalidUrl', target: 't', lng: plain.lng, body: plain.body });
    }
  });

  it('a problem whose type getter throws is about:blank; a translator that is not one is the default one', () => {
    const problem = createErrorResponse(error, { problem: { get type(): never { return thrower(); } } });
    expect(JSON.parse(problem.body)).toMatchObject({ type: 'about:blank', code: 'InvalidUrl', trackingId: 't' });
    expect(createErrorResponse(error, { translator: {} as never }).body).toBe(plain.body);
    expect(createErrorResponse(error, { translator: 42 as never, lng: 42 as never }).body).toBe(plain.body);
  });
});

describe('an English body speaks the wire text', () => {
  it('sends the current wire wording in en-US, which a client reads the parameters back out of', () => {
    const error = new DefenderApiError('MaximumBatchSizeExceeded', { params: { received: 1500, allowed: 1000 } });
    const { body } = createErrorResponse(error, { acceptLanguage: 'en' });
    const message = (JSON.parse(body) as { error: { message: string } }).error.message;
    expect(message).toBe(wireMessage('MaximumBatchSizeExceeded', { received: 1500, allowed: 1000 }));
    expect(extractParams('MaximumBatchSizeExceeded', message)).toEqual({ received: 1500, allowed: 1000 });
    expect(translatorForTests.describe(JSON.parse(body), { lng: 'da' }).message).toBe(translatorForTests.format('MaximumBatchSizeExceeded', { received: 1500, allowed: 1000 }, { lng: 'da' }));
  });

  it('sends the display text in every other language, and in English when the wire text would lack a parameter', () => {
    for (const lng of SUPPORTED_LOCALES.filter((tag) => tag !== 'en-US')) {
      const { body } = createErrorResponse(new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' } }), { lng });
      expect((JSON.parse(body) as { error: { message: string } }).error.message, lng).toBe(translatorForTests.format('InvalidHashValue', { hash: 'abc' }, { lng }));
    }
    const { body } = createErrorResponse(new DefenderApiError('InvalidHashValue'), { lng: 'en-US' });
    expect((JSON.parse(body) as { error: { message: string } }).error.message).toBe(translatorForTests.describe(new DefenderApiError('InvalidHashValue'), { lng: 'en-US' }).message);
  });
});
