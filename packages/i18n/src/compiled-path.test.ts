import { DefenderApiError, ERROR_CODES, getErrorDefinition, type ErrorCode } from '@defender-errors/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createErrorTranslator, SUPPORTED_LOCALES, type ErrorTranslator } from './index';
import { REFERENCE_WORDING, serverMessage } from './fixtures/reference-wording';

// The compiled fast path (the default) must say exactly what i18next `t()` says (`compile: false`),
// for every code, every locale and every kind of parameter value. The benchmarks (bench/) measure
// the speed of the compiled path; this file is what makes that speed worth having.

type LooseFormat = (code: string, params?: unknown, options?: { lng?: string }) => string;
interface MissingCall {
  name: string;
  code: ErrorCode;
  lng: string;
}

/** Builds a translator and records every `onMissingParam` call it makes. */
function recordingTranslator(compile: boolean): { translator: ErrorTranslator; calls: MissingCall[] } {
  const calls: MissingCall[] = [];
  const translator = createErrorTranslator({ compile, onMissingParam: (name, code, lng) => calls.push({ name, code, lng }) });
  return { translator, calls };
}

const compiled = recordingTranslator(true);
const viaI18next = recordingTranslator(false);

// A locale added at run time goes through the same two paths: a Swedish-like variant of da-DK.
const addedLocale = Object.fromEntries(
  Object.entries(compiled.translator.i18n.getResourceBundle('da-DK', 'errors') as Record<string, string>).map(([key, value]) => [key, `[sv] ${value}`]),
);
compiled.translator.addLocale('qtz-SE', addedLocale);
viaI18next.translator.addLocale('qtz-SE', addedLocale);

/** Every locale, plus tags that resolve to one (`da`, `en-GB`), one that falls back, and none. */
const LANGUAGES: readonly (string | undefined)[] = [...SUPPORTED_LOCALES, 'qtz-SE', 'da', 'en-GB', 'fr-FR', undefined];

const throwingToString = {
  toString(): string {
    throw new Error('no text');
  },
};

/** One value of every kind a caller (typed or not) can pass for a parameter. */
const VALUES: readonly (readonly [label: string, value: unknown])[] = [
  ['plain text', 'abc123'],
  ['empty string', ''],
  ['whitespace', '  \t '],
  ['own placeholder', '{{hash}}'],
  ['other placeholder', '{{received}} and {{allowed}}'],
  ['half placeholders', '{{ x }} }} {{'],
  ['unescaped placeholder', '{{- hash}}'],
  ['format placeholder', '{{received, number}}'],
  ['nesting', '$t(InvalidHashValue.message)'],
  ['nesting with options', '$t(label.copy, {"lng": "da-DK"})'],
  ['namespaced nesting', '$t(errors:BadRequest.title)'],
  ['open nesting', '$t('],
  ['replacement patterns', "$& $1 $$ $` $'"],
  ['html', '<img src=x onerror=alert(1)>&amp;'],
  ['unicode', 'Ünïcødé ✓ 日本語 🙂 e\u0301'],
  ['right-to-left', 'مرحبا \u202Eevil'],
  ['zero-width and BOM', 'a\u200Bb\uFEFFc'],
  ['lone surrogate', 'x\uD800y'],
  ['control characters', 'line\nbreak\u0000\u001B[31m'],
  ['long text', 'x'.repeat(10_000)],
  ['zero', 0],
  ['negative zero', -0],
  ['integer', 1500],
  ['negative', -2.5],
  ['decimal', 1234567.891],
  ['tiny decimal', 0.000123],
  ['float noise', 0.1 + 0.2],
  ['largest safe integer', Number.MAX_SAFE_INTEGER],
  ['beyond safe integers', 2 ** 60],
  ['huge', 1e21],
  ['not a number', Number.NaN],
  ['infinity', Number.POSITIVE_INFINITY],
  ['minus infinity', Number.NEGATIVE_INFINITY],
  ['bigint', 12_345_678_901_234_567_890n],
  ['true', true],
  ['array', [1, 'two']],
  ['object', { a: 1 }],
  ['toString', { toString: () => 'from toString' }],
  ['throwing toString', throwingToString],
  ['symbol', Symbol('s')],
  ['null', null],
  ['undefined', undefined],
];

/** The parameter sets of a code: every value in every parameter, each parameter missing, and odd containers. */
function parameterSets(code: ErrorCode): (readonly [label: string, params: unknown])[] {
  const names = getErrorDefinition(code).params as readonly string[];
  const sets: (readonly [string, unknown])[] = [
    ['no params object', undefined],
    ['empty object', {}],
    ['null params', null],
    ['a string instead of params', 'hash'],
    ['i18next options among the params', { lng: 'da-DK', ns: 'other', replace: { hash: 'x' }, defaultValue: '{{hash}}', interpolation: { escapeValue: true } }],
  ];
  for (const [label, value] of VALUES) {
    sets.push([`every parameter: ${label}`, Object.fromEntries(names.map((name) => [name, value]))]);
  }
  for (const [index, name] of names.entries()) {
    // Each parameter missing in turn, the others given (text for the first, a number for the rest).
    const others = names.filter((other) => other !== name);
    sets.push([`only ${name} missing`, Object.fromEntries(others.map((other, position) => [other, position === 0 ? 'given' : 1500 + index]))]);
    sets.push([`${name} inherited, not own`, Object.create(Object.fromEntries(names.map((other) => [other, 'inherited'])) as object)]);
    sets.push([`${name} as own __proto__ key`, JSON.parse(`{"__proto__": "proto", "${name}": "own"}`) as unknown]);
  }
  return sets;
}

const describeCases = (code: ErrorCode, params: unknown) => {
  const safeParams = typeof params === 'object' && params !== null ? (params as Record<string, never>) : undefined;
  return [
    new DefenderApiError(code, { params: safeParams, target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a' }),
    new DefenderApiError(code, { params: safeParams, serverMessage: 'Something the server said about {{hash}} $t(label.copy).', status: 418 }),
  ];
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('compiled path vs i18next path (compile: false)', () => {
  it('compiles every bundled message: the compiled translator never calls i18next t()', () => {
    const spy = vi.spyOn(compiled.translator.i18n, 't');
    for (const code of ERROR_CODES) {
      for (const lng of LANGUAGES) {
        (compiled.translator.format as LooseFormat)(code, { hash: 'x', received: 1, allowed: 2 }, { lng });
        compiled.translator.describe(new DefenderApiError(code, { target: 't' }), { lng });
        compiled.translator.labels(lng).retryAfter(30);
      }
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('the i18next path does call i18next t() for every message', () => {
    const spy = vi.spyOn(viaI18next.translator.i18n, 't');
    (viaI18next.translator.format as LooseFormat)('InvalidHashValue', { hash: 'x' }, { lng: 'da-DK' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  describe.each(ERROR_CODES)('%s', (code) => {
    const sets = parameterSets(code);

    it.each(LANGUAGES.map((lng) => [lng ?? '(default)', lng] as const))('format(): identical text and missing-parameter calls in %s', (_label, lng) => {
      const mismatches: string[] = [];
      for (const [label, params] of sets) {
        compiled.calls.length = 0;
        viaI18next.calls.length = 0;
        const fast = (compiled.translator.format as LooseFormat)(code, params, { lng });
        const reference = (viaI18next.translator.format as LooseFormat)(code, params, { lng });
        if (fast !== reference) mismatches.push(`${label}: ${JSON.stringify(fast)} !== ${JSON.stringify(reference)}`);
        if (JSON.stringify(compiled.calls) !== JSON.stringify(viaI18next.calls)) {
          mismatches.push(`${label}: onMissingParam ${JSON.stringify(compiled.calls)} !== ${JSON.stringify(viaI18next.calls)}`);
        }
      }
      expect(mismatches).toEqual([]);
      expect(sets.length).toBeGreaterThan(VALUES.length);
    });

    it.each(LANGUAGES.map((lng) => [lng ?? '(default)', lng] as const))('describe(): identical descriptions in %s', (_label, lng) => {
      const mismatches: string[] = [];
      for (const [label, params] of sets) {
        for (const [index, error] of describeCases(code, params).entries()) {
          const fast = compiled.translator.describe(error, { lng });
          const reference = viaI18next.translator.describe(error, { lng });
          try {
            expect(fast).toStrictEqual(reference);
          } catch {
            mismatches.push(`${label} #${index}: ${JSON.stringify(fast)} !== ${JSON.stringify(reference)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  it.each(LANGUAGES.map((lng) => [lng ?? '(default)', lng] as const))(
    'describe() of English server bodies re-rendered in %s: identical, parameters read back',
    (_label, lng) => {
      const english = createErrorTranslator({ lng: 'en-US' });
      let matched = 0;
      for (const code of ERROR_CODES) {
        for (const [, params] of parameterSets(code).filter(([label]) => /text|unicode|integer|decimal|negative|large/.test(label))) {
          // The server speaks the wire wording; a code without one is sent its en-US display text.
          const message = REFERENCE_WORDING[code] === undefined ? (english.format as LooseFormat)(code, params) : serverMessage(code, params as Record<string, string | number>);
          const body = JSON.stringify({ error: { code, message, target: 'b1c2' } });
          const fast = compiled.translator.describe(body, { lng });
          const reference = viaI18next.translator.describe(body, { lng });
          expect(fast).toStrictEqual(reference);
          if (fast.serverMessageMatched) matched += 1;
        }
      }
      // Most bodies match a wording and get their parameters re-rendered, so both paths render parameters here.
      expect(matched).toBeGreaterThan(ERROR_CODES.length * 4);
    },
  );

  it.each(LANGUAGES.map((lng) => [lng ?? '(default)', lng] as const))('labels(): identical labels and retry texts in %s', (_label, lng) => {
    const fast = compiled.translator.labels(lng);
    const reference = viaI18next.translator.labels(lng);
    const { retryAfter: fastRetry, ...fastText } = fast;
    const { retryAfter: referenceRetry, ...referenceText } = reference;
    expect(fastText).toStrictEqual(referenceText);
    for (const seconds of [0, 1, 30, 1500, 86_400.5, -1, Number.NaN]) {
      expect(fastRetry(seconds)).toBe(referenceRetry(seconds));
    }
  });

  it.each(LANGUAGES.map((lng) => [lng ?? '(default)', lng] as const))('format() of values that are not codes: identical fallback text in %s', (_label, lng) => {
    const notCodes: unknown[] = ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 'invalidhashvalue', 42, null, undefined, Symbol('code'), throwingToString, ['InvalidHashValue']];
    for (const code of notCodes) {
      const fast = (compiled.translator.format as LooseFormat)(code as string, { hash: 'x' }, { lng });
      expect(fast).toBe((viaI18next.translator.format as LooseFormat)(code as string, { hash: 'x' }, { lng }));
      expect(fast).toBe((compiled.translator.format as LooseFormat)('InternalServerError', undefined, { lng }));
    }
  });

  it('stays identical after a locale is replaced at run time (the compiled cache is rebuilt)', () => {
    const replaced = { ...addedLocale, 'InvalidHashValue.message': '[sv] Hashvärdet {{hash}} är ogiltigt.' };
    const fast = createErrorTranslator();
    const reference = createErrorTranslator({ compile: false });
    for (const translator of [fast, reference]) translator.addLocale('qtz-SE', addedLocale);
    expect(fast.format('InvalidHashValue', { hash: 'a' }, { lng: 'qtz-SE' })).toBe(reference.format('InvalidHashValue', { hash: 'a' }, { lng: 'qtz-SE' }));
    for (const translator of [fast, reference]) translator.addLocale('qtz-SE', replaced);
    expect(fast.format('InvalidHashValue', { hash: 'b' }, { lng: 'qtz-SE' })).toBe('[sv] Hashvärdet b är ogiltigt.');
    expect(reference.format('InvalidHashValue', { hash: 'b' }, { lng: 'qtz-SE' })).toBe('[sv] Hashvärdet b är ogiltigt.');
  });

  it('stays identical when an app changes or removes the errors bundle through i18next itself', () => {
    const fast = createErrorTranslator();
    const reference = createErrorTranslator({ compile: false });
    for (const translator of [fast, reference]) translator.format('InvalidHashValue', { hash: 'warm' }, { lng: 'da-DK' });
    for (const translator of [fast, reference]) translator.i18n.addResource('da-DK', 'errors', 'InvalidHashValue.message', 'Ny tekst: {{hash}}.');
    expect(fast.format('InvalidHashValue', { hash: 'c' }, { lng: 'da-DK' })).toBe('Ny tekst: c.');
    expect(reference.format('InvalidHashValue', { hash: 'c' }, { lng: 'da-DK' })).toBe('Ny tekst: c.');
    for (const translator of [fast, reference]) translator.i18n.removeResourceBundle('da-DK', 'errors');
    expect(fast.format('InvalidHashValue', { hash: 'd' }, { lng: 'da-DK' })).toBe(reference.format('InvalidHashValue', { hash: 'd' }, { lng: 'da-DK' }));
  });
});
