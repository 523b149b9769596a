import { DefenderApiError, ERROR_CODES, getErrorDefinition, type ErrorCode } from '@defender-errors/core';
import { guardGlobals, INJECTIONS, propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createErrorTranslator, resources, SUPPORTED_LOCALES, type ErrorTranslator } from './index';
import { REFERENCE_WORDING } from './fixtures/reference-wording';

/**
 * Template injection, property-based: whatever a parameter or a server message holds (`{{x}}`,
 * `{{- x}}`, `$t(...)`, quotes that try to set `lng`, prototype names, 100 KB of text), the output is
 * the catalog template of the requested language with the value inserted literally. An exact oracle
 * built from the bundled catalogs (not from the translator) shows at once that nothing was nested,
 * no other entry was read and the language did not change.
 */

const seed = propertySeed(20_261_128);
const RUNS = 10_000;
const settings = { seed, numRuns: RUNS } as const;
const PROPERTY_TIMEOUT = 180_000;

/** No global or built-in prototype may change while these properties run. */
guardGlobals();

/** Catalog entries by language, read as plain data: the oracle does not go through the translator. */
const catalogs: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(resources).map(([lng, bundle]) => [lng, bundle.errors as Readonly<Record<string, string>>]),
);
const numberFormats = new Map<string, Intl.NumberFormat>(SUPPORTED_LOCALES.map((lng) => [lng, new Intl.NumberFormat(lng)]));

/** What `format` must give: the template of `lng` with each value inserted as plain text. */
function expectedMessage(lng: string, code: ErrorCode, params: Readonly<Record<string, unknown>>): string {
  const catalog = catalogs[lng] as Readonly<Record<string, string>>;
  const template = catalog[`${code}.message`] as string;
  const missing = catalog['param.missing'] as string;
  // A replacer function, so `$&` and friends in a value are not replacement patterns.
  return template.replace(/\{\{(\w+)\}\}/g, (_placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return (numberFormats.get(lng) as Intl.NumberFormat).format(value);
    return missing;
  });
}

/** The literal pieces of a template, in order (the text around its placeholders). */
function literalsOf(lng: string, code: ErrorCode): string[] {
  return ((catalogs[lng] as Readonly<Record<string, string>>)[`${code}.message`] as string).split(/\{\{\w+\}\}/);
}

const injection = fc.constantFrom(...INJECTIONS);
const HUGE = `${'a'.repeat(50_000)}{{url}}$t(label.copy)${'b'.repeat(50_000)}`;
/** Any text, weighted towards injections, also embedded in other text and repeated. */
const hostileText = fc.oneof(
  { weight: 3, arbitrary: injection },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 3, arbitrary: fc.tuple(fc.string(), injection, fc.string({ unit: 'binary' })).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.array(injection, { minLength: 2, maxLength: 6 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);
const plainValue = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
/** Parameter names of every code, plus i18next option names and prototype names that must stay inert. */
const parameterName = fc.constantFrom<string>(
  ...new Set<string>(ERROR_CODES.flatMap((code): readonly string[] => getErrorDefinition(code).params)),
  'lng',
  'lngs',
  'ns',
  'defaultValue',
  'replace',
  'interpolation',
  'postProcess',
  'context',
  'count',
  'ordinal',
  'returnObjects',
  'keySeparator',
  'nsSeparator',
  'fallbackLng',
  '__proto__',
  'constructor',
  'toString',
);
const plainParams = fc.dictionary(parameterName, plainValue, { maxKeys: 8 });
const language = fc.constantFrom(...SUPPORTED_LOCALES);
const code = fc.constantFrom(...ERROR_CODES);

/** Every way a message can be rendered: the compiled fast path, i18next's own `t()`, and an app's i18next set up with HTML escaping and nesting on. */
function translators(): Record<string, ErrorTranslator> {
  const app = createInstance();
  void app.init({
    lng: 'de',
    fallbackLng: 'de',
    initAsync: false,
    showSupportNotice: false,
    resources: { de: { translation: { secret: 'SECRET' } }, 'en-US': { errors: {} } },
    interpolation: { escapeValue: true },
  } as Parameters<typeof app.init>[0]);
  return {
    compiled: createErrorTranslator(),
    i18next: createErrorTranslator({ compile: false }),
    'app i18next': createErrorTranslator({ i18n: app, compile: false }),
  };
}

const all = translators();

describe(`template injection (fast-check, seed ${seed}, ${RUNS} runs each)`, () => {
  it.each(Object.keys(all))('format (%s) inserts any text literally, in the requested language, and reads no other entry', (name) => {
    const translator = all[name] as ErrorTranslator;
    const format = translator.format as (code: string, params: unknown, options: { lng: string }) => string;
    fc.assert(
      fc.property(code, language, plainParams, (errorCode, lng, params) => {
        expect(format(errorCode, params, { lng })).toBe(expectedMessage(lng, errorCode, params));
      }),
      settings,
    );
  }, PROPERTY_TIMEOUT);

  it('format never throws for any value at all and keeps the template text around it', () => {
    const format = (all['compiled'] as ErrorTranslator).format as (code: string, params: unknown, options: { lng: string }) => string;
    const anyParams = fc.oneof(
      fc.dictionary(parameterName, fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true })),
      fc.anything(),
    );
    fc.assert(
      fc.property(code, language, anyParams, (errorCode, lng, params) => {
        const message = format(errorCode, params, { lng });
        const literals = literalsOf(lng, errorCode);
        expect(message.startsWith(literals[0] as string)).toBe(true);
        expect(message.endsWith(literals.at(-1) as string)).toBe(true);
      }),
      settings,
    );
  }, PROPERTY_TIMEOUT);

  const singleParameterCodes = ERROR_CODES.filter((errorCode) => getErrorDefinition(errorCode).params.length === 1);

  it('describe re-renders a server message carrying any text, literally, in the requested language', () => {
    const translator = all['compiled'] as ErrorTranslator;
    fc.assert(
      fc.property(
        fc.constantFrom(...singleParameterCodes),
        language,
        hostileText.filter((text) => text.length > 0),
        fc.oneof(fc.uuid(), hostileText),
        fc.boolean(),
        (errorCode, lng, value, target, asText) => {
          const [parameter] = getErrorDefinition(errorCode).params as readonly [string];
          const serverMessage = (REFERENCE_WORDING[errorCode] as string).replace(`{{${parameter}}}`, () => value);
          const body = { error: { code: errorCode, message: serverMessage, target } };
          const text = JSON.stringify(body);
          const input = asText && text.length <= 64 * 1024 ? text : body;
          const description = translator.describe(input, { lng });
          expect(description.lng).toBe(lng);
          expect(description.code).toBe(errorCode);
          expect(description.serverMessage).toBe(serverMessage);
          expect(description.target).toBe(target);
          expect(description.serverMessageMatched).toBe(true);
          expect(description.params).toEqual({ [parameter]: value });
          expect(description.message).toBe(expectedMessage(lng, errorCode, { [parameter]: value }));
          expect(description.title).toBe((catalogs[lng] as Readonly<Record<string, string>>)[`${errorCode}.title`]);
        },
      ),
      settings,
    );
  }, PROPERTY_TIMEOUT);

  it('describe never uses a hostile code, message or target as a key or template', () => {
    const translator = all['compiled'] as ErrorTranslator;
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, fc.constantFrom(400, 401, 403, 404, 429, 500, 503), language, (errorCode, message, target, status, lng) => {
        fc.pre(!(ERROR_CODES as readonly string[]).includes(errorCode));
        const description = translator.describe(new DefenderApiError<string>(errorCode, { status, serverMessage: message, target, params: { url: message, lng: 'da-DK' } }), { lng });
        const catalog = catalogs[lng] as Readonly<Record<string, string>>;
        expect(description.known).toBe(false);
        expect(description.lng).toBe(lng);
        expect(description.message).toBe(catalog[`${description.renderedCode}.message`]);
        expect(description.title).toBe(catalog[`${description.renderedCode}.title`]);
        expect(description.code).toBe(errorCode);
        expect(description.serverMessage).toBe(message);
        expect(description.target).toBe(target);
      }),
      settings,
    );
  }, PROPERTY_TIMEOUT);
});
