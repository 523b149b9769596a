// Stryker mutation testing of the parsing, locale negotiation and placeholder filling modules.
// Run it with `pnpm mutation` (security/mutation.mjs), which also checks the 85% goal per module;
// it is slow on 2 cores and not part of the test command. Stryker runs from the repository root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The renderer part of translator.ts (language lookup, number formats, missing values, template
 * compilation and rendering, format): from `const lookup =` up to `const describe =`, found by
 * those markers each run because the file changes.
 */
export function rendererRange() {
  const file = 'packages/i18n/src/translator.ts';
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trimStart().startsWith('const lookup = ('));
  const end = lines.findIndex((line) => line.trimStart().startsWith('const describe = ('));
  if (start === -1 || end <= start) throw new Error(`${file}: the renderer markers (const lookup / const describe) were not found`);
  return `${file}:${start + 1}-${end}`;
}

/** The modules under mutation, by the name the report uses. */
export const MODULES = {
  'core parse.ts (parsing)': ['packages/core/src/parse.ts'],
  'http locale.ts (locale negotiation)': ['packages/http/src/locale.ts'],
  'i18n template.ts + extract.ts + translator.ts renderer (placeholder filling)': ['packages/i18n/src/template.ts', 'packages/i18n/src/extract.ts', 'packages/i18n/src/translator.ts'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'security/stryker.vitest.config.mts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['packages/core/src/parse.ts', 'packages/http/src/locale.ts', 'packages/i18n/src/template.ts', 'packages/i18n/src/extract.ts', rendererRange()],
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
