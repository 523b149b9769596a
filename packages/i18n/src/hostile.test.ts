import { DefenderApiError, ERROR_CODES, fallbackCodeForStatus } from '@defender-errors/core';
import { guardGlobals, HOSTILE_VALUE_FACTORIES, propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createErrorTranslator, extractParams, matchLocale, resources, SOURCE_LOCALE, SUPPORTED_LOCALES, type ErrorTranslator } from './index';

// "Never throws" means never (issue 18 point 3): throwing getters, revoked and throwing proxies,
// cyclic, frozen and null-prototype objects, as the value, the parameters or the options.

type Loose = (...args: unknown[]) => unknown;
const english = resources[SOURCE_LOCALE].errors as Record<string, string>;
const missing = english['param.missing'] as string;
const thrower = (): never => {
  throw new Error('hostile');
};
const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const allTrapsThrow = (): object => new Proxy({}, new Proxy({}, { get: () => thrower }));

describe.each([true, false])('the cases of the issue (compile %s)', (compile) => {
  const t = createErrorTranslator({ compile });
  const format = t.format as Loose;
  const internal = english['InternalServerError.message'];

  it('format with a throwing getter, a revoked Proxy or throwing traps as params: the stand-in', () => {
    const stand = (english['InvalidUrl.message'] as string).replace('{{url}}', missing);
    expect(format('InvalidUrl', { get url() { return thrower(); } }, { lng: 'en-US' })).toBe(stand);
    expect(format('InvalidUrl', revoked(), { lng: 'en-US' })).toBe(stand);
    expect(format('InvalidUrl', allTrapsThrow(), { lng: 'en-US' })).toBe(stand);
    const twoValues = { received: 7, get allowed() { return thrower(); } };
    expect(format('MaximumBatchSizeExceeded', twoValues, { lng: 'en-US' })).toContain('7');
  });

  it('describe of a revoked Proxy and of throwing traps: InternalServerError', () => {
    for (const value of [revoked(), allTrapsThrow()]) {
      const description = t.describe(value, { lng: 'en-US' });
      expect(description).toMatchObject({ code: 'InternalServerError', known: false, status: 500, message: internal, target: undefined });
    }
  });

  it('describe of a parsed-looking body with a throwing target getter keeps the code it could read', () => {
    const parsedLooking = Object.defineProperty({ code: 'InvalidUrl', known: true, fallbackCode: 'InvalidUrl', status: 400, raw: {} }, 'target', { get: thrower });
    expect(t.describe(parsedLooking, { lng: 'en-US' })).toMatchObject({ code: 'InvalidUrl', known: true, status: 400, target: undefined });
  });

  it('describe of an error whose params throw keeps its code and target, and says the generic text of its status', () => {
    const error = new DefenderApiError('InvalidUrl', { params: { url: 'u' }, target: 't' });
    Object.defineProperty(error, 'params', { value: allTrapsThrow() });
    const generic = english[`${fallbackCodeForStatus(error.status)}.message`];
    expect(t.describe(error, { lng: 'en-US' })).toMatchObject({ code: 'InvalidUrl', known: true, target: 't', message: generic });
  });

  it('describe(x, null) and options whose lng getter throws: the default language', () => {
    const body = { error: { code: 'NotFound', message: 'm', target: 't' } };
    expect(t.describe(body, null as never)).toMatchObject({ code: 'NotFound', target: 't', lng: SOURCE_LOCALE });
    const options = { get lng(): string { return thrower(); } };
    expect(t.describe(body, options)).toMatchObject({ code: 'NotFound', lng: SOURCE_LOCALE });
    expect(format('NotFound', {}, options)).toBe(english['NotFound.message']);
    expect(format('NotFound', {}, revoked())).toBe(english['NotFound.message']);
    expect(t.labels(revoked() as never).copy).toBe(english['label.copy']);
  });

  it('a translator created with options whose getters throw works with the defaults', () => {
    const options = new Proxy({}, { get: thrower });
    expect(createErrorTranslator(options).format('NotFound')).toBe(english['NotFound.message']);
  });
});

/**
 * Makers of any hostile value, or of any value at all (fast-check's anything, null-prototype objects
 * included). fast-check gets the makers, not the values: it would itself trip over a revoked Proxy.
 */
const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUE_FACTORIES),
  fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 2 }).map((value) => () => value),
);
const languages = [...SUPPORTED_LOCALES];

/** The globals stay as they were (a hostile value must not reach a prototype through us). */
guardGlobals();

describe('property: no public function of the package throws for hostile input', () => {
  const translators: readonly ErrorTranslator[] = [createErrorTranslator(), createErrorTranslator({ compile: false })];
  it('format, describe, labels, resolveLanguage, extractParams and matchLocale (10,000 runs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...translators), fc.constantFrom(...ERROR_CODES), hostile, hostile, (t, code, makeValue, makeOther) => {
        const value = makeValue();
        const other = makeOther();
        const format = t.format as Loose;
        expect(typeof format(code, value)).toBe('string');
        expect(typeof format(code, {}, value)).toBe('string');
        expect(typeof format(value, other, value)).toBe('string');
        const description = t.describe(value, other as never);
        expect(typeof description.message).toBe('string');
        expect(t.locales()).toContain(description.lng);
        expect(typeof t.describe(other, value as never).title).toBe('string');
        const labels = t.labels(value as never);
        expect(typeof labels.trackingId).toBe('string');
        expect(typeof labels.retryAfter(value as never)).toBe('string');
        expect(t.locales()).toContain(t.resolveLanguage(value as never));
        const extracted = (extractParams as Loose)(code, value);
        expect(extracted === undefined || typeof extracted === 'object').toBe(true);
        expect(languages).toContain(matchLocale(value, languages));
        expect(typeof matchLocale(other, value)).toBe('string');
      }),
      { seed: propertySeed(20_261_207), numRuns: 10_000 },
    );
  });
});
