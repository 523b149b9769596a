import { ERROR_CODES, getErrorDefinition } from '@defender-errors/core';
import { guardGlobals, propertySeed } from '@defender-errors/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_WORDING, serverMessage } from './fixtures/reference-wording';
import { createErrorTranslator, extractParams, SUPPORTED_LOCALES } from './index';

const seed = propertySeed(20_261_128);
const numRuns = 10_000;
const settings = { seed, numRuns, verbose: 1 } as const;

const compiled = createErrorTranslator();
const viaI18next = createErrorTranslator({ compile: false });
const formatAny = compiled.format as (code: string, params: unknown, options: { lng?: string }) => string;

const withoutBraces = (value: string) => !value.includes('{{') && !value.includes('}}');
const anyValue = fc.oneof(
  fc.string().filter(withoutBraces),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.object({ maxDepth: 1 }),
  fc.constantFrom('x'.repeat(100_000), '__proto__', 'constructor', '$t(label.copy)'),
);
const anyParams = fc.dictionary(
  fc.oneof(fc.constantFrom('hash', 'url', 'received', 'allowed', 'operation', 'action', 'version', '__proto__', 'lng'), fc.string()),
  anyValue,
);
const anyLanguage = fc.oneof(fc.constantFrom(...SUPPORTED_LOCALES, 'da', 'en-GB', 'fr', '', '*'), fc.string());

/** No global or built-in prototype may change while these properties run. */
guardGlobals();

describe('properties (fast-check, seed printed on failure)', () => {
  it('format never throws and never leaves placeholder syntax, for any code, locale and parameters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ERROR_CODES), anyLanguage, anyParams, (code, lng, params) => {
        const message = formatAny(code, params, { lng });
        expect(typeof message).toBe('string');
        expect(message).not.toContain('{{');
        expect(message).not.toContain('}}');
      }),
      settings,
    );
  });

  it('describe never throws, never leaves placeholder syntax and keeps code, message and target', () => {
    const body = fc.record({
      code: fc.oneof(fc.constantFrom(...ERROR_CODES), fc.string().filter(withoutBraces)),
      message: fc.string().filter(withoutBraces),
      target: fc.uuid(),
    });
    fc.assert(
      fc.property(body, anyLanguage, fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }), (error, lng, status) => {
        const description = compiled.describe(status === undefined ? { error } : JSON.stringify({ error }), { lng });
        expect(description.message).not.toContain('{{');
        expect(description.title).not.toContain('{{');
        if (error.code.length > 0) expect(description.code).toBe(error.code);
        expect(description.serverMessage).toBe(error.message);
        expect(description.target).toBe(error.target);
      }),
      settings,
    );
  });

  it('describe never throws for arbitrary values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.string()), (value) => {
        expect(compiled.describe(value).message.length).toBeGreaterThan(0);
      }),
      settings,
    );
  });

  it('extractParams(code, the wire message with p) gives p back for every parametrized code', () => {
    const parametrized = ERROR_CODES.filter((code) => getErrorDefinition(code).params.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...parametrized), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer(), fc.integer(), (code, first, second, x, y) => {
        const definition = getErrorDefinition(code);
        const template = REFERENCE_WORDING[code] ?? '';
        const literals = template.split(/\{\{\w+\}\}/);
        const unambiguous = (value: string) => literals.every((literal) => literal.length === 0 || !value.includes(literal.trim() || literal));
        const strings = [first, second];
        const params: Record<string, string | number> = {};
        for (const name of definition.params) {
          params[name] = definition.paramKinds[name] === 'number' ? (name === definition.params[0] ? x : y) : (strings.shift() ?? 'v');
        }
        fc.pre(Object.values(params).every((value) => typeof value === 'number' || unambiguous(value)));
        expect(extractParams(code, serverMessage(code, params))).toEqual(params);
      }),
      settings,
    );
  });

  it('the compiled path and the i18next path agree for any parameters', () => {
    const formatViaI18next = viaI18next.format as typeof formatAny;
    fc.assert(
      fc.property(fc.constantFrom(...ERROR_CODES), fc.constantFrom(...SUPPORTED_LOCALES), anyParams, (code, lng, params) => {
        expect(formatAny(code, params, { lng })).toBe(formatViaI18next(code, params, { lng }));
      }),
      { ...settings, numRuns: 2_000 },
    );
  });
});
