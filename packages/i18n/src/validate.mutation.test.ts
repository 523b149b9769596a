import { describe, expect, it } from 'vitest';
import { snapshotCatalog } from './catalog-snapshot';
import { createErrorTranslator, resources, SOURCE_LOCALE } from './index';
import { validateCatalog } from './validate';

// Exact-output tests of the catalog validator and of addLocale's snapshot, written to kill the
// mutants Stryker found surviving the other suites (`node security/mutation.mjs --module addLocale`).
// The source catalog is a small one made here; the tag is a made-up private-use locale.

const SOURCE = { 'A.message': 'Hash {{hash}} of {{hash}} and {{url}}.', 'B.message': 'Plain.', 'label.wait_one': 'Wait {{count}} second.', 'label.wait_other': 'Wait {{count}} seconds.' };
const LNG = 'en-x-test';
const good = { 'A.message': 'H {{hash}} {{url}}.', 'B.message': 'P.', 'label.wait_one': 'W {{count}} s.', 'label.wait_other': 'W {{count}} ss.' };
const problemsOf = (messages: unknown, lng = LNG, options = {}) => validateCatalog(lng, messages, SOURCE, options).map(({ severity, kind, key, message }) => ({ severity, kind, key, message }));

describe('validateCatalog messages', () => {
  it('a good catalog has no problem', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it('names an invalid tag and a tag not in canonical form', () => {
    expect(problemsOf(good, 'not a tag').filter((problem) => problem.kind === 'invalid-tag')).toEqual([{ severity: 'error', kind: 'invalid-tag', key: undefined, message: '"not a tag" is not a valid BCP 47 language tag (for example da-DK, de, pt-BR).' }]);
    expect(problemsOf(good, 'EN-x-test')).toEqual([{ severity: 'error', kind: 'invalid-tag', key: undefined, message: '"EN-x-test" is not in canonical form: use "en-x-test".' }]);
  });

  it.each([null, 'text', [], 42])('%j is not a catalog', (messages) => {
    expect(problemsOf(messages)).toEqual([{ severity: 'error', kind: 'not-an-object', key: undefined, message: 'The catalog must be a JSON object of "key": "message" entries.' }]);
  });

  it('names each entry problem with its sentence', () => {
    const messages = { ...good, 'A.message': 'H {{hash}}.', 'B.message': '[TODO en-x-test] Plain.', 'label.wait_few': 'x {{count}}', Extra: 'x' };
    delete (messages as Record<string, unknown>)['label.wait_one'];
    expect(problemsOf(messages)).toEqual([
      { severity: 'error', kind: 'missing-plural-form', key: 'label.wait_one', message: 'Missing plural form "label.wait_one": en-x-test has the forms one, other of "label.wait".' },
      { severity: 'error', kind: 'placeholder-mismatch', key: 'A.message', message: 'Entry "A.message" has placeholders {{hash}}, but en-US has {{hash}}, {{url}}.' },
      { severity: 'error', kind: 'untranslated', key: 'B.message', message: 'Entry "B.message" is not translated yet: translate it and remove the "[TODO …]" marker.' },
      { severity: 'error', kind: 'extra-plural-form', key: 'label.wait_few', message: 'Entry "label.wait_few" is not a plural form of en-x-test (its forms of "label.wait" are one, other); remove it.' },
      { severity: 'error', kind: 'extra-key', key: 'Extra', message: 'Entry "Extra" does not exist in en-US; remove it or check its spelling.' },
    ]);
  });

  it('an entry without placeholders where en-US has none says "none"; a marker only counts at the start', () => {
    expect(problemsOf({ ...good, 'B.message': 'P {{x}}.' })).toEqual([
      { severity: 'error', kind: 'placeholder-mismatch', key: 'B.message', message: 'Entry "B.message" has placeholders {{x}}, but en-US has none.' },
    ]);
    expect(problemsOf({ ...good, 'B.message': '  [TODO en-x-test] P.' }).map((problem) => problem.kind)).toEqual(['untranslated']);
    expect(problemsOf({ ...good, 'B.message': 'P. [TODO' })).toEqual([]);
  });

  it('names a missing entry, a value that is not a string, an empty one and the unsafe i18next forms', () => {
    const withoutA: Record<string, unknown> = { ...good, 'B.message': 42 };
    delete withoutA['A.message'];
    expect(problemsOf(withoutA)).toEqual([
      { severity: 'error', kind: 'missing-key', key: 'A.message', message: 'Missing entry "A.message".' },
      { severity: 'error', kind: 'not-a-string', key: 'B.message', message: 'Entry "B.message" must be a string.' },
    ]);
    expect(problemsOf({ ...good, 'B.message': ' \t ', 'label.wait_one': 'W $t(x) {{count}} s.', 'label.wait_other': 'W {{ - count}} ss.' }).filter((problem) => problem.kind !== 'placeholder-mismatch')).toEqual([
      { severity: 'error', kind: 'empty', key: 'B.message', message: 'Entry "B.message" is empty.' },
      { severity: 'error', kind: 'unsafe-syntax', key: 'label.wait_one', message: 'Entry "label.wait_one" uses $t( nesting, which is not allowed in these catalogs.' },
      { severity: 'error', kind: 'unsafe-syntax', key: 'label.wait_other', message: 'Entry "label.wait_other" uses unescaped interpolation {{- …}}; write {{name}} instead.' },
    ]);
  });

  it('identical entries are warnings unless asked otherwise, and never for marked entries', () => {
    expect(problemsOf({ ...good, 'B.message': 'Plain.' })).toEqual([{ severity: 'warning', kind: 'identical-to-source', key: 'B.message', message: 'Entry "B.message" is identical to en-US: is it translated?' }]);
    expect(problemsOf({ ...good, 'B.message': 'Plain.' }, LNG, { warnIdentical: false })).toEqual([]);
  });
});

describe('snapshotCatalog', () => {
  it('keeps primitives as they are, an array as an empty array, and own enumerable string-keyed values', () => {
    expect([snapshotCatalog('x'), snapshotCatalog(null), snapshotCatalog(undefined)]).toEqual(['x', null, undefined]);
    expect(snapshotCatalog(['a'])).toEqual([]);
    const messages = Object.create({ inherited: 'i' }, {
      value: { value: 'v', enumerable: true },
      hidden: { value: 'h', enumerable: false },
      getter: { get: () => 'g', enumerable: true },
    });
    messages[Symbol('s')] = 's';
    const snapshot = snapshotCatalog(messages) as Record<string, unknown>;
    expect(Object.getPrototypeOf(snapshot)).toBeNull();
    expect(Object.keys(snapshot)).toEqual(['value', 'getter']);
    expect({ ...snapshot }).toEqual({ value: 'v', getter: undefined });
  });

  it('skips a key whose descriptor a Proxy does not give, keeping the others', () => {
    const messages = new Proxy({}, {
      ownKeys: () => ['kept', 'vanished'],
      getOwnPropertyDescriptor: (_target, key) => (key === 'kept' ? { value: 'v', enumerable: true, configurable: true, writable: true } : undefined),
    });
    expect({ ...(snapshotCatalog(messages) as object) }).toEqual({ kept: 'v' });
  });

  it('reads anything it cannot read as null', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(snapshotCatalog(proxy)).toBeNull();
  });
});

describe('addLocale', () => {
  const source = resources[SOURCE_LOCALE].errors as Record<string, string>;

  it('a tag that is not a string is reported as the empty tag', () => {
    const translator = createErrorTranslator();
    expect(() => translator.addLocale(42 as never, { ...source })).toThrow(expect.objectContaining({ problems: expect.arrayContaining([expect.objectContaining({ kind: 'invalid-tag', lng: '' })]) }));
  });

  it('registers a catalog in the canonical form of its tag, warning about entries identical to en-US', () => {
    const translator = createErrorTranslator();
    const warnings = translator.addLocale('EN-X-copy', { ...source });
    expect(warnings.length).toBe(Object.keys(source).length);
    expect(warnings.every((problem) => problem.kind === 'identical-to-source' && problem.lng === 'en-x-copy')).toBe(true);
    expect(translator.locales()).toContain('en-x-copy');
  });
});
