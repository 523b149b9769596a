import { createInstance } from 'i18next';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createErrorTranslator } from './index';

// One store subscription per i18next instance, shared by all translators on it (issue 18 point 4):
// creating a translator per request must not grow the heap.

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let round = 0; round < 3; round += 1) collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('translators on a shared instance', () => {
  it('10,000 translators on one instance grow the heap by less than 1 MiB once collected', async () => {
    const app = createInstance();
    await app.init({ lng: 'en-US', resources: {} });
    const use = () => {
      const translator = createErrorTranslator({ i18n: app });
      return translator.format('InvalidUrl', { url: 'u' }).length + translator.labels().copy.length;
    };
    for (let index = 0; index < 200; index += 1) use();
    const before = heapAfterGc();
    let rendered = 0;
    for (let index = 0; index < 10_000; index += 1) rendered += use();
    const growth = heapAfterGc() - before;
    expect(rendered).toBeGreaterThan(0);
    expect(growth).toBeLessThan(1024 * 1024);
  });

  it('still drops the compiled entries of every translator when a bundle changes', async () => {
    const app = createInstance();
    await app.init({ lng: 'en-US', resources: {} });
    const first = createErrorTranslator({ i18n: app });
    const second = createErrorTranslator({ i18n: app });
    expect(first.format('NotFound')).toBe(second.format('NotFound'));
    app.addResourceBundle('en-US', 'errors', { 'NotFound.message': 'Gone.' }, true, true);
    expect(first.format('NotFound')).toBe('Gone.');
    expect(second.format('NotFound')).toBe('Gone.');
    app.removeResourceBundle('en-US', 'errors');
    expect(first.format('NotFound', {}, { lng: 'en-US' })).toBe('NotFound');
  });
});
