import { describe, expect, it } from 'vitest';
import { CatalogValidationError, createErrorTranslator, resources, SOURCE_LOCALE } from './index';
import { filled } from './fixtures/reference-wording';

// addLocale validates one snapshot and registers that same snapshot (issue 18 point 2): what
// i18next stores is exactly what was checked, however the given object behaves on a second read.

const english = resources[SOURCE_LOCALE].errors as Record<string, string>;
const germanish = (): Record<string, string> => Object.fromEntries(Object.entries(english).map(([key, value]) => [key, `DE ${value}`]));
const HOSTILE = 'DE $t(label.copy) {{- url}}';

/** Tries addLocale; returns what it threw (undefined when it did not). */
function tryAdd(messages: unknown, lng = 'de-DE') {
  const translator = createErrorTranslator();
  let thrown: unknown;
  try {
    translator.addLocale(lng, messages);
  } catch (error) {
    thrown = error;
  }
  const stored = translator.i18n.getResourceBundle(lng, 'errors') as Record<string, unknown> | undefined;
  return { translator, thrown, stored };
}

describe('addLocale registers what it validated', () => {
  it('does not call a getter twice: one valid on the first read and hostile on the second registers nothing hostile', () => {
    const messages = germanish();
    let reads = 0;
    Object.defineProperty(messages, 'InvalidUrl.message', { enumerable: true, get: () => (reads++ === 0 ? 'DE URL {{url}} ist ungültig.' : HOSTILE) });
    const { thrown, stored } = tryAdd(messages);
    expect(JSON.stringify(stored ?? {})).not.toContain('$t(');
    // an accessor is not a data property: the entry is missing its text, which is an error
    expect(thrown).toBeInstanceOf(CatalogValidationError);
    expect((thrown as CatalogValidationError).problems.map((problem) => `${problem.kind}:${problem.key}`)).toEqual(['not-a-string:InvalidUrl.message']);
    expect(reads).toBe(0);
  });

  it('ignores an inherited toJSON: the registered entries are the own ones', () => {
    const hostile = { ...germanish(), 'InvalidUrl.message': HOSTILE, 'Extra.key': 'x' };
    const messages = Object.assign(Object.create({ toJSON: () => hostile }) as object, germanish());
    const { thrown, stored, translator } = tryAdd(messages);
    expect(thrown).toBeUndefined();
    expect(stored).toEqual(germanish());
    expect(translator.format('InvalidUrl', { url: 'u' }, { lng: 'de-DE' })).toBe(`DE ${filled(english['InvalidUrl.message'], { url: 'u' })}`);
  });

  it('lists the keys once: a Proxy whose ownKeys trap later adds a key registers no extra key', () => {
    const target = germanish();
    let listings = 0;
    const messages = new Proxy(target, {
      ownKeys: (object) => (listings++ === 0 ? Reflect.ownKeys(object) : [...Reflect.ownKeys(object), 'Extra.key']),
      getOwnPropertyDescriptor: (object, key) =>
        key === 'Extra.key' ? { value: HOSTILE, enumerable: true, configurable: true, writable: true } : Reflect.getOwnPropertyDescriptor(object, key),
      get: (object, key) => (key === 'Extra.key' ? HOSTILE : Reflect.get(object, key)),
    });
    const { thrown, stored } = tryAdd(messages);
    expect(thrown).toBeUndefined();
    expect(Object.keys(stored ?? {}).sort()).toEqual(Object.keys(english).sort());
    expect(listings).toBe(1);
  });

  it('keeps the snapshot apart from the given object: a later change of it changes nothing registered', () => {
    const messages = germanish();
    const { translator } = tryAdd(messages);
    messages['InvalidUrl.message'] = HOSTILE;
    expect(translator.format('InvalidUrl', { url: 'u' }, { lng: 'de-DE' })).toBe(`DE ${filled(english['InvalidUrl.message'], { url: 'u' })}`);
  });

  it.each([
    ['a revoked Proxy', () => Proxy.revocable({}, {})],
    ['a Proxy whose traps throw', () => ({ proxy: new Proxy({}, new Proxy({}, { get: () => () => { throw new Error('trap'); } })) })],
  ])('reports %s as not a catalog (a CatalogValidationError, nothing registered)', (_label, make) => {
    const made = make() as { proxy: object; revoke?: () => void };
    made.revoke?.();
    const { thrown, stored } = tryAdd(made.proxy);
    expect(thrown).toBeInstanceOf(CatalogValidationError);
    expect(stored).toBeUndefined();
  });
});
