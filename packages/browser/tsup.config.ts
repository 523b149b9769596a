import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

export default defineConfig(
  packageConfig({
    entry: ['src/index.ts', 'src/jsx.ts'],
    external: ['react'],
    // The stylesheet is published as written: @defender-errors/browser/styles.css.
    onSuccess: async () => copyFileSync('src/styles.css', 'dist/styles.css'),
  }),
);
