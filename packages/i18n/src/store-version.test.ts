import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { namespaceVersion } from './store-version';

describe('namespaceVersion', () => {
  it('starts at 0 and counts each bundle of its namespace added to or removed from the store', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: {} });
    const version = namespaceVersion(i18n, 'errors');
    expect(version.value).toBe(0);
    i18n.addResourceBundle('da-DK', 'errors', { a: 'b' });
    expect(version.value).toBe(1);
    i18n.addResourceBundle('da-DK', 'errors', { c: 'd' }, true, true);
    i18n.removeResourceBundle('da-DK', 'errors');
    expect(version.value).toBe(3);
  });

  it('is one counter per store and namespace, untouched by other namespaces, which never throw', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: {} });
    const errors = namespaceVersion(i18n, 'errors');
    const other = namespaceVersion(i18n, 'app');
    expect(namespaceVersion(i18n, 'errors')).toBe(errors);
    expect(() => i18n.addResourceBundle('en-US', 'unwatched', { a: 'b' })).not.toThrow();
    i18n.addResourceBundle('en-US', 'app', { a: 'b' });
    expect([errors.value, other.value]).toEqual([0, 1]);
    const elsewhere = createInstance();
    await elsewhere.init({ resources: {} });
    expect(namespaceVersion(elsewhere, 'errors')).not.toBe(errors);
  });
});
