import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base';

// Bundlers drop module directives: the banner puts 'use client' back at the top of every built
// file (so Next.js server components can render <DefenderError>), and treeshake stays off because
// tsup's Rollup pass would strip it again (esbuild alone keeps the output tree-shakeable).
export default defineConfig(
  packageConfig({ banner: { js: "'use client';" }, treeshake: false, external: ['react', 'react-i18next', 'i18next'] }),
);
