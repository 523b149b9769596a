import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Two builds share dist/; the package's build script empties it once first, so neither cleans.
export default defineConfig([
  packageConfig({ clean: false }),
  packageConfig({
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
