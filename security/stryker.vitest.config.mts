import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against the mutated modules (core's parse.ts and readers, http's locale.ts and response.ts, i18n's addLocale, template.ts, extract.ts
 * and the i18n renderer: compiled-entry.ts, compiled-catalog.ts, format.ts, describe.ts): each package's own tests of those modules, the property and
 * adversarial suites, and the *.mutation.test.ts files written to kill surviving mutants. Paths are
 * relative to the repository root, where Stryker runs.
 */
export default defineConfig({
  test: {
    include: [
      'packages/core/src/parse.test.ts',
      'packages/core/src/parse.property.test.ts',
      'packages/core/src/parse.salvage.test.ts',
      'packages/core/src/response.test.ts',
      'packages/core/src/response.cut.test.ts',
      'packages/core/src/response.encoding.test.ts',
      'packages/core/src/retry-after.test.ts',
      'packages/core/src/info.test.ts',
      'packages/core/src/info.clients.test.ts',
      'packages/core/src/hostile.property.test.ts',
      'packages/core/src/*.mutation.test.ts',
      'packages/http/src/accept-language.test.ts',
      'packages/http/src/locale.test.ts',
      'packages/http/src/locale.cache.test.ts',
      'packages/http/src/*.mutation.test.ts',
      'packages/http/src/response.test.ts',
      'packages/http/src/response.retry.test.ts',
      'packages/i18n/src/extract.test.ts',
      'packages/i18n/src/translator.test.ts',
      'packages/i18n/src/properties.test.ts',
      'packages/i18n/src/catalogs.test.ts',
      'packages/i18n/src/injection.adversarial.test.ts',
      'packages/i18n/src/hostile.test.ts',
      'packages/i18n/src/app-language.test.ts',
      'packages/i18n/src/add-locale.test.ts',
      'packages/i18n/src/on-demand.test.ts',
      'packages/i18n/src/listener-leak.test.ts',
      'packages/i18n/src/store-version.test.ts',
      'packages/i18n/src/locale.test.ts',
      'packages/i18n/src/*.mutation.test.ts',
    ],
    setupFiles: ['security/stryker.setup.mjs'],
    testTimeout: 300_000,
  },
});
