import { readdirSync } from 'node:fs';
import { ERROR_CODES, getErrorDefinition, WIRE_WORDINGS, wireWordings, type ErrorCode } from '@defender-errors/core';
import { describe, expect, it } from 'vitest';
import { CODES_WITH_HINTS, REFERENCE_WORDING, SAMPLE_PARAMS } from './fixtures/reference-wording';
import { catalogFromValues, resources, SUPPORTED_LOCALES } from './index';
import { placeholderNames } from './template';
import { validateCatalog } from './validate';

const enUS: Record<string, string> = resources['en-US'].errors;
const daDK: Record<string, string> = resources['da-DK'].errors;

describe('catalogs', () => {
  it('bundles en-US first and da-DK', () => {
    expect(SUPPORTED_LOCALES[0]).toBe('en-US');
    expect(SUPPORTED_LOCALES).toContain('da-DK');
  });

  it.each(SUPPORTED_LOCALES)('%s has a title and a message for each code of the registry', (lng) => {
    const catalog: Record<string, string> = resources[lng].errors;
    expect(ERROR_CODES.length).toBeGreaterThan(0);
    for (const code of ERROR_CODES) {
      expect(catalog[`${code}.title`], `${lng} ${code}.title`).toEqual(expect.any(String));
      expect(catalog[`${code}.message`], `${lng} ${code}.message`).toEqual(expect.any(String));
    }
  });

  it.each(SUPPORTED_LOCALES)('%s has a hint exactly where the reference has a note', (lng) => {
    const catalog: Record<string, string> = resources[lng].errors;
    const withHints = ERROR_CODES.filter((code) => Object.hasOwn(catalog, `${code}.hint`));
    expect([...withHints].sort()).toEqual([...CODES_WITH_HINTS].sort());
  });

  it("core's wire wordings hold the reference wording of every code, and en-US display text is none of them", () => {
    for (const [code, wording] of Object.entries(REFERENCE_WORDING)) {
      expect(WIRE_WORDINGS[code as ErrorCode], code).toContain(wording);
      expect(wireWordings(code), code).not.toContain(enUS[`${code}.message`]);
    }
  });

  it.each(SUPPORTED_LOCALES)('%s: no message or hint repeats its title, and no message is documentation text', (lng) => {
    const catalog: Record<string, string> = resources[lng].errors;
    for (const code of ERROR_CODES) {
      const title = catalog[`${code}.title`];
      expect(catalog[`${code}.message`], `${lng} ${code}.message`).not.toBe(title);
      expect(catalog[`${code}.hint`] ?? '', `${lng} ${code}.hint`).not.toBe(title);
      expect(catalog[`${code}.message`], `${lng} ${code}.message`).not.toMatch(/error message\.?$/i);
    }
  });

  it.each(SUPPORTED_LOCALES)('%s has exactly the plural forms Intl.PluralRules gives its language', (lng) => {
    const catalog: Record<string, string> = resources[lng].errors;
    const forms = Object.keys(catalog).filter((key) => key.startsWith('label.retryAfter_')).map((key) => key.slice('label.retryAfter_'.length));
    expect(forms.sort()).toEqual([...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort());
  });

  it('every message uses exactly the parameters of its code', () => {
    for (const code of ERROR_CODES) {
      const expected = [...getErrorDefinition(code).params].sort();
      for (const lng of SUPPORTED_LOCALES) {
        const catalog: Record<string, string> = resources[lng].errors;
        expect([...new Set(placeholderNames(catalog[`${code}.message`] ?? ''))].sort(), `${lng} ${code}`).toEqual(expected);
      }
    }
  });

  it('no da-DK entry equals its en-US text, and every placeholder is kept', () => {
    for (const [key, english] of Object.entries(enUS)) {
      const danish = daDK[key];
      expect(danish, key).toEqual(expect.any(String));
      expect(danish, `${key} is not translated`).not.toBe(english);
      expect(placeholderNames(danish ?? '').sort(), key).toEqual(placeholderNames(english).sort());
    }
  });

  it('da-DK uses the agreed Danish terms, keeps codes untranslated and avoids the seed machine-translation damage', () => {
    const text = Object.values(daDK).join('\n');
    for (const term of ['anmodning', 'ugyldig', 'Hashværdien', 'Domænenavnet', 'IP-adressen', 'URL-adressen', 'batchstørrelse', 'lejer', 'klientversion', 'operativsystemplatformen', 'headeren Authorization', 'sporings-id', 'brødtekst']) {
      expect(text.toLowerCase(), term).toContain(term.toLowerCase());
    }
    for (const damage of ['Uautoriseret', 'Forbudt', 'InvalidRequestVirkey', 'Ugyldiginput', 'forespørgsel til anmodning', 'godkendelseshoved', 'godkendelsesheader', 'lejerfunktion', 'Styresystemplatformen', 'og derover', '<the']) {
      expect(text, damage).not.toContain(damage);
    }
    expect(daDK['Forbidden.title']).toBe(daDK['DisabledFeature.title']);
  });

  it.each(SUPPORTED_LOCALES)('%s: a hint is whole sentences, not two joined by a colon', (lng) => {
    for (const [key, text] of Object.entries(resources[lng].errors as Readonly<Record<string, string>>)) {
      if (key.endsWith('.hint')) expect(text, key).not.toMatch(/: \p{Lu}/u);
    }
  });

  it.each(SUPPORTED_LOCALES)('%s passes the shared catalog validator with no errors', (lng) => {
    const problems = validateCatalog(lng, resources[lng].errors, enUS, { warnIdentical: lng !== 'en-US' });
    expect(problems).toEqual([]);
  });

  it('sample parameters exist for every parametrized code', () => {
    for (const code of ERROR_CODES) {
      const names = getErrorDefinition(code).params;
      if (names.length === 0) continue;
      expect(Object.keys(SAMPLE_PARAMS[code] ?? {}).sort(), code).toEqual([...names].sort());
    }
  });
});

describe('the published locale modules (@defender-errors/i18n/locales/<lng>)', () => {
  interface LocaleModule {
    readonly lng: string;
    readonly messages: Readonly<Record<string, string>>;
  }
  const folder = new URL('generated/locales/', import.meta.url);

  it('exist for every supported locale, and each rebuilds its catalog exactly, key for key', async () => {
    const files = readdirSync(folder).filter((file) => file.endsWith('.ts'));
    const modules = await Promise.all(files.map((file) => import(new URL(file, folder).href) as Promise<LocaleModule>));
    const byTag = new Map(modules.map((module) => [module.lng, module.messages]));
    expect([...byTag.keys()].sort()).toEqual([...SUPPORTED_LOCALES].sort());
    for (const lng of SUPPORTED_LOCALES) {
      expect(byTag.get(lng), lng).toStrictEqual({ ...resources[lng].errors });
      expect(Object.keys(byTag.get(lng) ?? {}), lng).toEqual(Object.keys(resources[lng].errors));
    }
  });

  it('catalogFromValues refuses a list that does not have one message per en-US key', () => {
    const values = Object.values(daDK);
    expect(catalogFromValues(values)).toStrictEqual({ ...daDK });
    expect(() => catalogFromValues(values.slice(1))).toThrow(`expected ${Object.keys(enUS).length} messages in the order of the en-US keys`);
    expect(() => catalogFromValues([...values, 'extra'])).toThrow(TypeError);
    expect(() => catalogFromValues('not a list' as unknown as string[])).toThrow(TypeError);
  });
});

describe('plural forms in the validator', () => {
  // Languages whose CLDR categories differ from en-US's; the expectations come from Intl itself.
  const tags = ['ja', 'pl', 'ar'];

  it.each(tags)('asks %s for exactly its own plural categories, and names missing and extra forms', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const catalog: Record<string, string> = Object.fromEntries(
      Object.entries(enUS).filter(([key]) => !key.startsWith('label.retryAfter_')).map(([key, value]) => [key, `${lng}: ${value}`]),
    );
    for (const category of categories) catalog[`label.retryAfter_${category}`] = `${lng} {{count}} ${category}`;
    expect(validateCatalog(lng, catalog, enUS).filter((problem) => problem.severity === 'error')).toEqual([]);

    const [dropped] = categories;
    const broken: Record<string, string> = { ...catalog, 'label.retryAfter_bogus': 'x' };
    delete broken[`label.retryAfter_${dropped}`];
    const extraCategory = ['zero', 'one', 'two', 'few', 'many', 'other'].find((category) => !categories.includes(category as Intl.LDMLPluralRule));
    if (extraCategory !== undefined) broken[`label.retryAfter_${extraCategory}`] = '{{count}}';
    const kinds = validateCatalog(lng, broken, enUS).map((problem) => `${problem.kind}:${problem.key}`);
    expect(kinds).toContain(`missing-plural-form:label.retryAfter_${dropped}`);
    expect(kinds).toContain('extra-key:label.retryAfter_bogus');
    if (extraCategory !== undefined) expect(kinds).toContain(`extra-plural-form:label.retryAfter_${extraCategory}`);
  });

  it('checks each plural form against the placeholders of the source form', () => {
    const broken = { ...daDK, 'label.retryAfter_one': 'Prøv igen om {{seconds}} sekund.' };
    expect(validateCatalog('da-DK', broken, enUS).map((problem) => `${problem.kind}:${problem.key}`)).toEqual(['placeholder-mismatch:label.retryAfter_one']);
  });
});
