import { ERROR_CODES } from '@defender-errors/core';
import { describe, expect, it, vi } from 'vitest';
import { CatalogValidationError } from './catalog-error';
import { resources, SOURCE_LOCALE, SUPPORTED_LOCALES } from './index';
import { createErrorTranslator as createLiteTranslator } from './lite';
import { createDeferredAddLocale, createOnDemandTranslator } from './on-demand';

// createOnDemandTranslator is lite's translator with the catalog check loaded on demand (issue 14
// point 6): everything it renders must be what createErrorTranslator renders, and addLocale must
// keep every promise of the synchronous one, as a promise.

const english = resources[SOURCE_LOCALE].errors as Record<string, string>;
const otherLocales = SUPPORTED_LOCALES.filter((lng) => lng !== SOURCE_LOCALE);
const catalogOf = (lng: string) => ({ ...(resources[lng as keyof typeof resources].errors as Record<string, string>) });
const marked = (): Record<string, string> => Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `DE ${value}`]));

/** What addLocale did: resolved with warnings, or rejected with an error; never a synchronous throw. */
async function settle(promise: Promise<unknown>) {
  try {
    return { value: await promise, error: undefined };
  } catch (error) {
    return { value: undefined, error };
  }
}

describe('createOnDemandTranslator renders what createErrorTranslator renders', () => {
  it('gives the same description, text and labels for every code in en-US', () => {
    const onDemand = createOnDemandTranslator();
    const lite = createLiteTranslator();
    for (const code of ERROR_CODES) {
      const body = { error: { code, message: 'Server wording.', target: 'b4b1a1e0-0000-4000-8000-000000000001' } };
      expect(onDemand.describe(body)).toStrictEqual(lite.describe(body));
    }
    const [own, reference] = [onDemand.labels(), lite.labels()] as unknown as Record<string, unknown>[];
    expect(Object.keys(own ?? {})).toStrictEqual(Object.keys(reference ?? {}));
    for (const [name, value] of Object.entries(reference ?? {})) {
      if (typeof value === 'function') for (const n of [1, 30]) expect((own?.[name] as (n: number) => string)(n)).toBe((value as (n: number) => string)(n));
      else expect(own?.[name]).toStrictEqual(value);
    }
    expect(onDemand.locales()).toStrictEqual([SOURCE_LOCALE]);
  });

  it('adds every published locale and then renders it as the synchronous translator does', async () => {
    expect(otherLocales.length).toBeGreaterThan(0);
    for (const lng of otherLocales) {
      const onDemand = createOnDemandTranslator();
      const lite = createLiteTranslator();
      lite.addLocale(lng, catalogOf(lng));
      const pending = onDemand.addLocale(lng, catalogOf(lng));
      expect(pending).toBeInstanceOf(Promise);
      expect(onDemand.locales()).not.toContain(lng); // registered once checked, not before
      await expect(pending).resolves.toStrictEqual(lite.addLocale(lng, catalogOf(lng)));
      expect(onDemand.locales()).toContain(lng);
      for (const code of ERROR_CODES) expect(onDemand.describe({ error: { code } }, { lng })).toStrictEqual(lite.describe({ error: { code } }, { lng }));
    }
  });
});

describe('checkCatalog', () => {
  it('warns of entries identical to en-US for another locale, never for en-US itself', async () => {
    const { checkCatalog } = await import('./check-catalog');
    expect(checkCatalog(SOURCE_LOCALE, { ...english }, english).problems).toStrictEqual([]);
    const identical = checkCatalog('de-DE', { ...english }, english).problems;
    expect(identical.length).toBeGreaterThan(0);
    expect(identical.every((problem) => problem.kind === 'identical-to-source' && problem.severity === 'warning')).toBe(true);
  });
});

describe('createOnDemandTranslator addLocale', () => {
  it('rejects a catalog with errors with CatalogValidationError and registers nothing', async () => {
    const translator = createOnDemandTranslator();
    const broken = { ...marked(), 'InvalidUrl.message': 'DE $t(label.copy) {{- url}}' };
    const { error } = await settle(translator.addLocale('de-DE', broken));
    expect(error).toBeInstanceOf(CatalogValidationError);
    expect((error as CatalogValidationError).problems.some((problem) => problem.key === 'InvalidUrl.message' && problem.severity === 'error')).toBe(true);
    expect(translator.locales()).toStrictEqual([SOURCE_LOCALE]);
    expect(translator.i18n.getResourceBundle('de-DE', 'errors')).toBeUndefined();
  });

  it('never throws synchronously: hostile values reject, each with CatalogValidationError', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = Object.defineProperty({}, 'InvalidUrl.message', { enumerable: true, get: () => { throw new Error('getter'); } });
    const translator = createOnDemandTranslator();
    for (const [lng, messages] of [['de-DE', revoked.proxy], ['de-DE', throwing], ['de-DE', null], ['de-DE', 'text'], [{ toString: () => 'de-DE' }, marked()]] as const) {
      let pending: Promise<unknown> | undefined;
      expect(() => {
        pending = translator.addLocale(lng as string, messages);
      }).not.toThrow();
      const { error } = await settle(pending as Promise<unknown>);
      expect(error).toBeInstanceOf(CatalogValidationError);
    }
    expect(translator.locales()).toStrictEqual([SOURCE_LOCALE]);
  });

  it('checks and registers the catalog as it was at the call, whatever the caller changes while the check loads', async () => {
    const translator = createOnDemandTranslator();
    const messages = marked();
    const pending = translator.addLocale('de-DE', messages);
    messages['InvalidUrl.message'] = 'DE $t(label.copy) {{- url}}';
    await expect(pending).resolves.toBeInstanceOf(Array);
    expect(translator.i18n.getResourceBundle('de-DE', 'errors')['InvalidUrl.message']).toBe(`DE ${english['InvalidUrl.message']}`);
  });

  it('registers calls in their order: the later catalog of a locale wins', async () => {
    const translator = createOnDemandTranslator();
    const first = translator.addLocale('de-DE', marked());
    const second = translator.addLocale('de-DE', { ...marked(), 'InvalidUrl.title': 'DE zweite' });
    await Promise.all([first, second]);
    expect(translator.format('InvalidUrl' as never, { url: 'x' } as never, { lng: 'de-DE' } as never)).toBe(
      translator.i18n.getResourceBundle('de-DE', 'errors')['InvalidUrl.message'].replace('{{url}}', 'x'),
    );
    expect(translator.i18n.getResourceBundle('de-DE', 'errors')['InvalidUrl.title']).toBe('DE zweite');
  });

  it('tries the download of the check again after it failed once', async () => {
    let attempts = 0;
    const registered: string[] = [];
    const addLocale = createDeferredAddLocale(english, (lng) => registered.push(lng), async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return import('./check-catalog');
    });
    await expect(addLocale('de-DE', marked())).rejects.toThrow('offline');
    expect(registered).toStrictEqual([]);
    await expect(addLocale('de-DE', marked())).resolves.toBeInstanceOf(Array);
    await expect(addLocale('de-AT', marked())).resolves.toBeInstanceOf(Array);
    expect(registered).toStrictEqual(['de-DE', 'de-AT']);
    expect(attempts).toBe(2);
  });
});

describe('CatalogValidationError', () => {
  it('says how many errors there are and lists each, without the warnings', () => {
    const problem = (severity: 'error' | 'warning', message: string) => ({ severity, kind: 'empty', lng: 'de-DE', key: message, message }) as never;
    const error = new CatalogValidationError('de-DE', [problem('error', 'first'), problem('warning', 'only a warning'), problem('error', 'second')]);
    expect(error.message).toBe('The de-DE catalog has 2 error(s):\n- first\n- second');
    expect(error.problems).toHaveLength(3);
    expect(error.name).toBe('CatalogValidationError');
  });

  it('carries its mark under the registered symbol that every copy of the package reads', () => {
    const mark = Symbol.for('@defender-errors/i18n.CatalogValidationError');
    const error = new CatalogValidationError('de-DE', []);
    expect(Object.getOwnPropertySymbols(error)).toContain(mark);
    expect(Object.getOwnPropertyDescriptor(error, mark)).toMatchObject({ value: true, enumerable: false, writable: false });
    expect(Object.assign(new Error('look-alike'), { [Symbol.for('')]: true }) instanceof CatalogValidationError).toBe(false);
  });

  it('is recognized by instanceof across copies of the class (another module instance), and nothing else is', async () => {
    vi.resetModules();
    const { CatalogValidationError: otherCopy } = await import('./catalog-error');
    expect(otherCopy).not.toBe(CatalogValidationError);
    const fromOther = new otherCopy('de-DE', [{ severity: 'error', kind: 'not-a-string', key: 'x', message: 'm' } as never]);
    expect(fromOther).toBeInstanceOf(CatalogValidationError);
    expect(new CatalogValidationError('de-DE', [])).toBeInstanceOf(otherCopy);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const value of [new Error('x'), { name: 'CatalogValidationError', problems: [] }, null, 'CatalogValidationError', revoked.proxy]) {
      expect(value instanceof CatalogValidationError).toBe(false);
    }
  });
});
