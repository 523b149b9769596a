import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// A bin only: one ESM file with a shebang, no declarations (nothing imports it).
export default defineConfig(
  packageConfig({
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    banner: { js: '#!/usr/bin/env node' },
  }),
);
