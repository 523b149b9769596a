import {
  DefenderApiError,
  ERROR_CODES,
  getErrorDefinition,
  parseErrorBody,
} from '@defender-errors/core';
import { createInstance } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { filled, SAMPLE_PARAMS } from './fixtures/reference-wording';
import { CatalogValidationError, createErrorTranslator, resources, SUPPORTED_LOCALES, type ErrorTranslator } from './index';

const translator = createErrorTranslator();
const english = resources['en-US'].errors as Record<string, string>;
const danish = resources['da-DK'].errors as Record<string, string>;
const formatAny = (t: ErrorTranslator, code: string, params: unknown, lng?: string): string =>
  (t.format as (code: string, params: unknown, options: { lng?: string }) => string)(code, params, { lng });

describe('format', () => {
  it.each(SUPPORTED_LOCALES)('renders every code in %s with no placeholder syntax left and every value present', (lng) => {
    for (const code of ERROR_CODES) {
      const params = SAMPLE_PARAMS[code] ?? {};
      const message = formatAny(translator, code, params, lng);
      expect(message, code).not.toContain('{{');
      expect(message, code).not.toContain('}}');
      for (const value of Object.values(params)) {
        const shown = typeof value === 'number' ? new Intl.NumberFormat(lng).format(value) : value;
        expect(message, `${lng} ${code}`).toContain(shown);
      }
    }
  });

  it('formats numbers for the locale', () => {
    expect(translator.format('MaximumBatchSizeExceeded', { received: 1500, allowed: 2.5 }, { lng: 'da-DK' })).toBe(
      filled(danish['MaximumBatchSizeExceeded.message'], { received: '1.500', allowed: '2,5' }),
    );
    expect(translator.format('MaximumBatchSizeExceeded', { received: 1500, allowed: 1000 }, { lng: 'en-US' })).toBe(
      filled(english['MaximumBatchSizeExceeded.message'], { received: '1,500', allowed: '1,000' }),
    );
  });

  it.each([
    ['da', 'da-DK'],
    ['da-DK', 'da-DK'],
    ['da-dk', 'da-DK'],
    ['da_DK', 'da-DK'],
    ['da-GL', 'da-DK'],
    ['en', 'en-US'],
    ['en-GB', 'en-US'],
    ['fr-FR', 'en-US'],
    ['', 'en-US'],
    ['*', 'en-US'],
    ['__proto__', 'en-US'],
    ['x'.repeat(10_000), 'en-US'],
  ])('resolves the language %j to %s', (tag, expected) => {
    expect(translator.resolveLanguage(tag)).toBe(expected);
    expect(translator.format('InvalidUrl', { url: 'u' }, { lng: tag })).toBe(
      formatAny(translator, 'InvalidUrl', { url: 'u' }, expected),
    );
  });

  it('uses the translator default language, then en-US', () => {
    expect(createErrorTranslator({ lng: 'da' }).format('NotFound')).toBe(resources['da-DK'].errors['NotFound.message']);
    expect(createErrorTranslator().format('NotFound')).toBe(resources['en-US'].errors['NotFound.message']);
  });

  it.each([undefined, null])('shows a localized stand-in for a %s parameter, never {{name}}, and reports it', (value) => {
    const onMissingParam = vi.fn();
    const t = createErrorTranslator({ onMissingParam });
    const englishText = formatAny(t, 'InvalidHashValue', { hash: value }, 'en-US');
    const danishText = formatAny(t, 'InvalidHashValue', {}, 'da-DK');
    expect(englishText).toBe(filled(english['InvalidHashValue.message'], { hash: english['param.missing'] as string }));
    expect(danishText).toBe(filled(danish['InvalidHashValue.message'], { hash: danish['param.missing'] as string }));
    expect(onMissingParam).toHaveBeenCalledWith('hash', 'InvalidHashValue', 'en-US');
    expect(onMissingParam).toHaveBeenCalledWith('hash', 'InvalidHashValue', 'da-DK');
    expect(formatAny(t, 'InvalidHashValue', undefined, 'en-US')).toBe(englishText);
  });

  it('renders an unknown code as the generic server error instead of throwing', () => {
    expect(formatAny(translator, 'NoSuchCode', {}, 'en-US')).toBe(resources['en-US'].errors['InternalServerError.message']);
    expect(formatAny(translator, '__proto__', {}, 'en-US')).toBe(resources['en-US'].errors['InternalServerError.message']);
  });

  it('goes through i18next t() with the same result when compilation is off', () => {
    const viaI18next = createErrorTranslator({ compile: false });
    for (const lng of SUPPORTED_LOCALES) {
      for (const code of ERROR_CODES) {
        const params = SAMPLE_PARAMS[code] ?? {};
        expect(formatAny(viaI18next, code, params, lng), `${lng} ${code}`).toBe(formatAny(translator, code, params, lng));
      }
    }
  });
});

describe('untrusted values stay data', () => {
  const payloads = [
    '{{hash}}',
    '{{- hash}}',
    '{{url}}',
    '$t(InvalidUrl.message)',
    '$t(label.copy)',
    '$t(errors:InvalidUrl.message)',
    'x", "lng": "da-DK',
    '__proto__',
    'constructor',
    '<img src=x onerror=alert(1)>',
    '&quot;/&#x2F;',
  ];
  it.each([true, false])('inserts injection payloads literally (compile %s) in both languages', (compile) => {
    const t = createErrorTranslator({ compile });
    for (const payload of payloads) {
      expect(t.format('InvalidUrl', { url: payload }, { lng: 'en-US' })).toBe(filled(english['InvalidUrl.message'], { url: payload }));
      expect(t.format('InvalidUrl', { url: payload }, { lng: 'da-DK' })).toBe(filled(danish['InvalidUrl.message'], { url: payload }));
    }
  });

  it('does not let a parameter named lng, ns or defaultValue change the lookup', () => {
    for (const compile of [true, false]) {
      const t = createErrorTranslator({ compile });
      const params = { url: 'u', lng: 'da-DK', ns: 'other', defaultValue: '{{url}}', keySeparator: '.', replace: { url: 'evil' } };
      expect(formatAny(t, 'InvalidUrl', params, 'en-US')).toBe(filled(english['InvalidUrl.message'], { url: 'u' }));
    }
  });

  it('never reads another entry for a server code that looks like a key', () => {
    for (const code of ['label.copy', 'InvalidUrl.message', 'errors:InvalidUrl.message', '$t(label.copy)', '{{url}}', 'toString']) {
      const description = translator.describe({ error: { code, message: 'm', target: 't' } }, { lng: 'en-US' });
      expect(description.known).toBe(false);
      expect(description.message).toBe(resources['en-US'].errors['InternalServerError.message']);
      expect(description.code).toBe(code);
      expect(description.serverMessage).toBe('m');
    }
  });
});

describe('describe', () => {
  it('re-renders a matching English server message in Danish and keeps everything the server sent', () => {
    const body = '{"error":{"code":"InvalidUrl","message":"URL http://x is invalid.","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}';
    expect(translator.describe(body, { lng: 'da' })).toEqual({
      code: 'InvalidUrl',
      known: true,
      renderedCode: 'InvalidUrl',
      status: 400,
      title: 'Ugyldig anmodning',
      message: 'URL-adressen http://x er ugyldig.',
      hint: undefined,
      target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a',
      serverMessage: 'URL http://x is invalid.',
      serverMessageMatched: true,
      params: { url: 'http://x' },
      retryAfter: undefined,
      lng: 'da-DK',
    });
  });

  it('falls back to the generic text of the status when the server message matches no wording', () => {
    const parsed = parseErrorBody({ error: { code: 'ResourceNotFound', message: 'Machine 123123123 was not found', target: 'g' } });
    const description = translator.describe(parsed, { lng: 'da-DK' });
    expect(description.message).toBe(resources['da-DK'].errors['NotFound.message']);
    expect(description.title).toBe(resources['da-DK'].errors['ResourceNotFound.title']);
    expect(description.serverMessage).toBe('Machine 123123123 was not found');
    expect(description.serverMessageMatched).toBe(false);
    expect(description.target).toBe('g');
  });

  it('keeps the code text of a parameterless code and marks an unmatched server message', () => {
    const description = translator.describe({ error: { code: 'InvalidRequestBody', message: 'Request body is incorrect', target: 't' } }, { lng: 'da' });
    expect(description.message).toBe('Anmodningens brødtekst er ugyldig.');
    expect(description.hint).toBe(resources['da-DK'].errors['InvalidRequestBody.hint']);
    expect(description.serverMessageMatched).toBe(false);
    expect(description.serverMessage).toBe('Request body is incorrect');
  });

  it('uses the fallback code of the status for an unknown code and keeps the code as sent', () => {
    const description = translator.describe(parseErrorBody({ error: { code: 'BrandNewCode', message: 'Something new', target: 't' } }, { status: 403 }), { lng: 'en' });
    expect(description).toMatchObject({ code: 'BrandNewCode', known: false, renderedCode: 'Forbidden', status: 403, serverMessage: 'Something new', target: 't' });
    expect(description.message).toBe(english['Forbidden.message']);
  });

  it('describes a DefenderApiError with its params and retryAfter', () => {
    const error = new DefenderApiError('MaximumBatchSizeExceeded', { params: { received: 1500, allowed: 1000 }, target: 't' });
    expect(translator.describe(error, { lng: 'da-DK' }).message).toBe('Den maksimale batchstørrelse er overskredet. Modtaget: 1.500, tilladt: 1.000.');
    const throttled = new DefenderApiError('TooManyRequests', { retryAfter: 30 });
    expect(translator.describe(throttled).retryAfter).toBe(30);
    expect(translator.describe(throttled).status).toBe(429);
  });

  it('prefers given params over those read from the server message', () => {
    const error = new DefenderApiError('InvalidHashValue', { params: { hash: 'given' }, serverMessage: 'Hash value sent is invalid.' });
    expect(translator.describe(error, { lng: 'en-US' }).message).toBe(filled(english['InvalidHashValue.message'], { hash: 'given' }));
  });

  it('turns any other thrown value into an internal error that leaks nothing', () => {
    for (const thrown of [new TypeError('secret database password'), undefined, null, 42, 'plain text', { stack: 'secret' }]) {
      const description = translator.describe(thrown, { lng: 'en-US' });
      expect(description.renderedCode).toBe('InternalServerError');
      expect(JSON.stringify(description)).not.toContain('secret');
    }
  });

  it('gives localized labels with the retry-after seconds formatted', () => {
    expect(translator.labels('da').trackingId).toBe('Sporings-id');
    expect(translator.labels('da').retryAfter(1500)).toBe(filled(danish['label.retryAfter_other'], { count: '1.500' }));
    expect(translator.labels('en-GB').retryAfter(1500)).toBe(filled(english['label.retryAfter_other'], { count: '1,500' }));
  });

  it.each([true, false])('picks the CLDR plural form of retry-after for the seconds in every locale (compile %s)', (compile) => {
    const t = createErrorTranslator({ compile });
    for (const lng of SUPPORTED_LOCALES) {
      const catalog = resources[lng].errors as Record<string, string>;
      const rules = new Intl.PluralRules(lng);
      for (const seconds of [0, 1, 2, 5, 30, 1.5, 1500]) {
        const form = catalog[`label.retryAfter_${rules.select(seconds)}`] ?? catalog['label.retryAfter_other'];
        expect(t.labels(lng).retryAfter(seconds), `${lng} ${seconds}`).toBe(filled(form, { count: new Intl.NumberFormat(lng).format(seconds) }));
      }
    }
    expect(t.labels('en-US').retryAfter(1)).toBe('Retry after 1 second.');
    expect(t.labels('en-US').retryAfter(30)).toBe('Retry after 30 seconds.');
    expect(t.labels('da-DK').retryAfter(1)).toBe('Prøv igen om 1 sekund.');
    expect(t.labels('da-DK').retryAfter(30)).toBe('Prøv igen om 30 sekunder.');
  });
});

describe('an app-owned i18next instance', () => {
  it('gains the errors namespace and keeps its own language, options and namespaces', async () => {
    const app = createInstance();
    await app.init({ lng: 'de', fallbackLng: 'en', resources: { de: { translation: { hello: 'Hallo {{name}}' } } }, interpolation: { escapeValue: true } });
    const comparableOptions = () => JSON.stringify({ ...app.options, ns: undefined, resources: undefined });
    const before = { lng: app.language, options: comparableOptions(), translation: app.getResourceBundle('de', 'translation') };
    const t = createErrorTranslator({ i18n: app });
    expect(t.format('InvalidUrl', { url: '<u>' }, { lng: 'da' })).toBe('URL-adressen <u> er ugyldig.');
    expect(app.language).toBe(before.lng);
    expect(comparableOptions()).toBe(before.options);
    expect(app.options.defaultNS).toEqual(['translation']);
    expect(app.getResourceBundle('de', 'translation')).toEqual(before.translation);
    expect(app.t('hello', { name: '<b>' })).toBe('Hallo &lt;b&gt;');
    expect(app.hasResourceBundle('da-DK', 'errors')).toBe(true);
  });

  it('keeps entries an app already put in the errors namespace', async () => {
    const app = createInstance();
    await app.init({ lng: 'en-US', resources: { 'en-US': { errors: { 'NotFound.message': 'Nothing here.' } } } });
    expect(createErrorTranslator({ i18n: app }).format('NotFound', {}, { lng: 'en-US' })).toBe('Nothing here.');
  });

  it('refuses an instance that was never initialized, with a clear message', () => {
    expect(() => createErrorTranslator({ i18n: createInstance() })).toThrow(/initialize your i18next instance/);
  });

  it('never touches the global i18next singleton', async () => {
    const global = (await import('i18next')).default;
    createErrorTranslator().format('NotFound');
    expect(global.isInitialized ?? false).toBe(false);
    expect(global.store ? global.hasResourceBundle('en-US', 'errors') : false).toBe(false);
  });
});

describe('addLocale', () => {
  const germanish = Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `DE ${value}`]));

  it('adds a checked locale that then renders and resolves', () => {
    const t = createErrorTranslator();
    expect(t.addLocale('de-DE', germanish)).toEqual([]);
    expect(t.locales()).toContain('de-DE');
    expect(t.format('InvalidUrl', { url: 'u' }, { lng: 'de' })).toBe(`DE ${filled(english['InvalidUrl.message'], { url: 'u' })}`);
  });

  it('resolves to a locale added after the same tag was asked for', () => {
    const t = createErrorTranslator();
    expect(t.resolveLanguage('de-DE')).toBe('en-US');
    t.addLocale('de-DE', germanish);
    expect(t.resolveLanguage('de-DE')).toBe('de-DE');
    expect(t.describe({ error: { code: 'InvalidUrl', message: 'URL u is invalid.' } }, { lng: 'de-DE' }).message).toBe(`DE ${filled(english['InvalidUrl.message'], { url: 'u' })}`);
  });

  it('throws a typed list of every problem and adds nothing', () => {
    const t = createErrorTranslator();
    const broken: Record<string, unknown> = { ...germanish, 'InvalidUrl.message': 'DE URL ist ungültig.', 'Bogus.key': 'x', 'NotFound.message': ' ', 'InvalidHashValue.message': 'DE {{- hash}} $t(label.copy)' };
    delete broken['BadRequest.title'];
    let caught: unknown;
    try {
      t.addLocale('de', broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogValidationError);
    const kinds = (caught as CatalogValidationError).problems.map((problem) => `${problem.kind}:${problem.key}`).sort();
    expect(kinds).toEqual(
      ['empty:NotFound.message', 'extra-key:Bogus.key', 'missing-key:BadRequest.title', 'placeholder-mismatch:InvalidUrl.message', 'unsafe-syntax:InvalidHashValue.message', 'unsafe-syntax:InvalidHashValue.message'].sort(),
    );
    expect(t.locales()).not.toContain('de');
  });

  it('rejects invalid tags and non-object catalogs', () => {
    const t = createErrorTranslator();
    expect(() => t.addLocale('../../x', germanish)).toThrow(CatalogValidationError);
    expect(() => t.addLocale('de', null)).toThrow(/JSON object/);
    expect(() => t.addLocale('de', ['x'])).toThrow(/JSON object/);
  });

  it('returns warnings for entries identical to en-US', () => {
    const t = createErrorTranslator();
    const warnings = t.addLocale('qtz', { ...germanish, 'label.copy': english['label.copy'] });
    expect(warnings.map((problem) => [problem.severity, problem.kind, problem.key])).toEqual([['warning', 'identical-to-source', 'label.copy']]);
  });

  it('canonicalizes the tag it registers', () => {
    const t = createErrorTranslator();
    t.addLocale('de-de', germanish);
    expect(t.locales()).toContain('de-DE');
    expect(getErrorDefinition('InvalidUrl').params).toEqual(['url']);
  });
});
