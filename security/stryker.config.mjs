// Stryker mutation testing of the parsing, locale negotiation and placeholder filling modules.
// Run it with `pnpm mutation` (security/mutation.mjs), which also checks the 85% goal per module;
// it is slow on 2 cores and not part of the test command. Stryker runs from the repository root.
/**
 * The translator's renderer, once the renderer part of translator.ts: the compiled catalog (language
 * lookup, number formats, missing values, template compilation and rendering), format and describe.
 */
const I18N_RENDERER = ['packages/i18n/src/compiled-entry.ts', 'packages/i18n/src/compiled-catalog.ts', 'packages/i18n/src/format.ts', 'packages/i18n/src/describe.ts'];

/** The modules under mutation, by the name the report uses. */
export const MODULES = {
  'core parse.ts (parsing)': ['packages/core/src/parse.ts'],
  'core readers (toErrorInfo, readError, readErrorResponse, Retry-After)': [
    'packages/core/src/info.ts',
    'packages/core/src/read-error.ts',
    'packages/core/src/response.ts',
    'packages/core/src/retry-after.ts',
    'packages/core/src/safe.ts',
    'packages/core/src/mark.ts',
    'packages/core/src/readers/clients.ts',
    'packages/core/src/readers/fetch.ts',
    'packages/core/src/readers/headers.ts',
    'packages/core/src/readers/source.ts',
  ],
  'http locale.ts (locale negotiation)': ['packages/http/src/locale.ts'],
  'http response.ts (status, headers and body of an error response)': ['packages/http/src/response.ts', 'packages/http/src/utf8.ts'],
  'i18n addLocale (snapshot, validation, store subscription)': [
    'packages/i18n/src/add-locale.ts',
    'packages/i18n/src/catalog-snapshot.ts',
    'packages/i18n/src/check-catalog.ts',
    'packages/i18n/src/catalog-error.ts',
    'packages/i18n/src/on-demand.ts',
    'packages/i18n/src/validate.ts',
    'packages/i18n/src/store-version.ts',
  ],
  'i18n template.ts + extract.ts + renderer (compiled catalog, format, describe: placeholder filling)': ['packages/i18n/src/template.ts', 'packages/i18n/src/extract.ts', ...I18N_RENDERER],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'security/stryker.vitest.config.mts', related: false },
  coverageAnalysis: 'perTest',
  mutate: Object.values(MODULES).flat(),
  ignorePatterns: ['examples', 'docs', 'bench', 'scripts', '.changeset', '.github', 'packages/browser', 'security/reports', '**/.turbo', '**/coverage'],
  concurrency: 2,
  timeoutMS: 60_000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'security/reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'security/reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
  disableTypeChecks: 'packages/**/*.ts',
};
