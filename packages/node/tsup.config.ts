import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Two builds share dist/: each cleans it except for the other's files, so they can run side by side.
export default defineConfig([
  packageConfig({ clean: ['!cli.js', '!cli.js.map'] }),
  packageConfig({
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: ['!index.*'],
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
