import { readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { packageConfig } from '../../tsup.base';

// One entry per generated locale module: @defender-errors/i18n/locales/<lng>.
const localeEntries = Object.fromEntries(
  readdirSync('src/generated/locales')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`locales/${file.slice(0, -3)}`, `src/generated/locales/${file}`]),
);

// A locale module imports catalogFromValues (and with it the en-US keys) from the published lite
// entry instead of bundling its own copy: a page that loads a locale already has lite.
const localesShareLite: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'locales-share-lite',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/catalog-values$/ }, (args) =>
      /[\\/]generated[\\/]locales[\\/]/.test(args.importer) ? { path: '@defender-errors/i18n/lite', external: true } : undefined,
    );
  },
};

// createOnDemandTranslator imports the catalog check on demand from the published tooling entry
// (which holds it), so that a page downloads the validator only when it adds a locale. In one
// bundle it would be code of lite itself, loaded with the page.
const checkFromTooling: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'check-from-tooling',
  setup(build) {
    build.onResolve({ filter: /^\.\/check-catalog$/ }, (args) =>
      /[\\/]on-demand\.ts$/.test(args.importer) ? { path: '@defender-errors/i18n/tooling', external: true } : undefined,
    );
  },
};

export default defineConfig(
  packageConfig({
    entry: { index: 'src/index.ts', lite: 'src/lite.ts', tooling: 'src/tooling.ts', ...localeEntries },
    esbuildPlugins: [localesShareLite, checkFromTooling],
  }),
);
