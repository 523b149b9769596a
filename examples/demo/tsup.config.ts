import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// The demo's server, next to the Vite-built page: dist/server/main.js serves dist/public.
export default defineConfig(
  packageConfig({ entry: { main: 'src/server/main.ts' }, format: ['esm'], dts: false, outDir: 'dist/server' }),
);
