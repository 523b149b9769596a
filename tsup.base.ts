import type { Options } from 'tsup';

/**
 * The one tsup configuration every package reuses: ESM + CJS + declarations for both,
 * tree-shakeable, no minification (consumers minify), sourcemaps for stack traces.
 */
export function packageConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    target: 'es2022',
    outDir: 'dist',
    ...overrides,
  };
}
