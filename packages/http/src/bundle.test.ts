import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/**
 * The package runs where there is no Node: Bun, Deno, Cloudflare Workers. Bundled with everything
 * it depends on for esbuild's `neutral` platform, no Node built-in may be imported anywhere.
 */
describe('the build, bundled for platform neutral', () => {
  it('imports no Node built-in, in the package or any dependency', async () => {
    expect(existsSync(entry), 'dist/ is missing: run `pnpm --filter @defender-errors/http build` first').toBe(true);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'neutral',
      format: 'esm',
      mainFields: ['module', 'main'],
      conditions: ['worker', 'import', 'default'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((used) => used.path));
    expect(imported.filter((path) => path.startsWith('node:') || builtins.has(path))).toEqual([]);
    const [output] = result.outputFiles;
    expect(output?.text).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["']node:|\bimport\(\s*["']node:/);
    // The dependencies were bundled too, not left out as external imports.
    expect(Object.keys(result.metafile.inputs).some((path) => path.includes('i18next'))).toBe(true);
  });
});
