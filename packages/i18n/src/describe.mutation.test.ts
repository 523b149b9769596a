import { DefenderApiError, fallbackCodeForStatus, wireWordings } from '@defender-errors/core';
import { describe, expect, it } from 'vitest';
import { createErrorTranslator } from './index';

// Exact-output tests of describe's reading of a DefenderApiError and of its parameters, written to
// kill the mutants Stryker found surviving the other suites (`node security/mutation.mjs --module i18n`).

const translator = createErrorTranslator();
const TARGET = 'c2a6f1e0-7b3d-4e8f-9a1c-5d4e3f2a1b0c';

/** A DefenderApiError with one member replaced, as a hostile subclass or a tampered object can have it. */
function tampered(member: string, descriptor: PropertyDescriptor): DefenderApiError {
  const error = new DefenderApiError('InvalidUrl', { params: { url: 'http://x' }, target: TARGET, serverMessage: 'URL http://x is invalid.' });
  return Object.defineProperty(error, member, { configurable: true, ...descriptor });
}

describe('describe reads a DefenderApiError member by member', () => {
  it('a code that is text on the first read only is InternalServerError', () => {
    let reads = 0;
    const described = translator.describe(tampered('code', { get: () => (reads++ === 0 ? 'InvalidUrl' : 42) }));
    expect(described).toMatchObject({ code: 'InternalServerError', known: false, status: 400 });
  });

  it('a member whose read throws after the check gives the internal error, nothing of it kept', () => {
    let reads = 0;
    const described = translator.describe(
      tampered('code', {
        get: () => {
          if (reads++ === 0) return 'InvalidUrl';
          throw new Error('no');
        },
      }),
    );
    expect(described).toMatchObject({ code: 'InternalServerError', known: false, renderedCode: 'InternalServerError', status: 500, target: undefined, serverMessage: undefined });
  });

  it('a status that is not a number counts as 500', () => {
    expect(translator.describe(tampered('status', { value: '404' })).status).toBe(500);
  });

  it('a target or server message that is not text is not kept', () => {
    expect(translator.describe(tampered('target', { value: 42 })).target).toBeUndefined();
    expect(translator.describe(tampered('serverMessage', { value: 42 })).serverMessage).toBeUndefined();
  });

  it.each([
    [0, 0],
    [30, 30],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['30', undefined],
  ])('retryAfter %s -> %s', (seconds, expected) => {
    expect(translator.describe(tampered('retryAfter', { value: seconds })).retryAfter).toBe(expected);
  });
});

describe('describe keeps the parameters of the message only, as text or numbers', () => {
  it('drops values that are neither text nor numbers, and names the message does not have', () => {
    const params = { url: { toString: () => 'http://x' }, undefined: 'u', extra: 'e' };
    const described = translator.describe(new DefenderApiError('InvalidUrl', { params: params as never }));
    expect(described.params).toEqual({});
    expect(translator.describe(new DefenderApiError('InvalidUrl', { params: { url: true } as never })).params).toEqual({});
  });

  it('keeps text and numbers', () => {
    expect(translator.describe(new DefenderApiError('InvalidUrl', { params: { url: 'http://x' } })).params).toEqual({ url: 'http://x' });
    expect(translator.describe(new DefenderApiError('InvalidUrl', { params: { url: 42 } as never })).params).toEqual({ url: 42 });
  });
});

describe('describe matches server messages of known codes only', () => {
  it("an unknown code's message is not read against the wordings of the status fallback", () => {
    const fallback = fallbackCodeForStatus(404);
    const [wording] = wireWordings(fallback);
    expect(wording).toBeDefined();
    const described = translator.describe({ error: { code: 'NotARegisteredCode', message: wording, target: TARGET } }, { lng: 'en-US' });
    expect(described).toMatchObject({ known: false, renderedCode: 'InternalServerError', serverMessageMatched: false });
    // An axios-style response: status 404 renders the fallback's text, which the message is a wording of.
    const response = { status: 404, data: { error: { code: 'NotARegisteredCode', message: wording, target: TARGET } }, headers: {}, config: {} };
    const withStatus = translator.describe(response, { lng: 'en-US' });
    expect(withStatus).toMatchObject({ known: false, renderedCode: fallback, serverMessage: wording });
    expect(withStatus.serverMessageMatched).toBe(false);
  });
});
