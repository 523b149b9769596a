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

export default defineConfig(
  packageConfig({ entry: { index: 'src/index.ts', lite: 'src/lite.ts', tooling: 'src/tooling.ts', ...localeEntries }, esbuildPlugins: [localesShareLite] }),
);
