import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// One entry per generated locale module: @defender-errors/i18n/locales/<lng>.
const localeEntries = Object.fromEntries(
  readdirSync('src/generated/locales')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`locales/${file.slice(0, -3)}`, `src/generated/locales/${file}`]),
);

export default defineConfig(packageConfig({ entry: { index: 'src/index.ts', lite: 'src/lite.ts', ...localeEntries } }));
