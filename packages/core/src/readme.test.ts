import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import * as core from './index';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');

describe('README examples', () => {
  beforeAll(() => {
    if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
      throw new Error('dist/ is missing: run `pnpm --filter @defender-errors/core build` before the tests.');
    }
  });

  it('show every export of the package', () => {
    const shown = examples.join('\n');
    const missing = Object.keys(core).filter((name) => !new RegExp(`\\b${name}\\b`).test(shown));
    expect(missing).toEqual([]);
  });

  // Each block runs in its own Node process against the build, importing the package by its name
  // (a package may import itself through its "exports" map).
  it.each(examples.map((code, index) => [index + 1, code.split('\n').find((line) => line.includes('@defender-errors/core')) ?? '', code] as const))(
    'example %i runs (%s)',
    async (_index, _importLine, code) => {
      const inputType = /\brequire\(/.test(code) ? 'commonjs' : 'module';
      const { stdout, stderr } = await run(process.execPath, [`--input-type=${inputType}`, '--eval', code], { cwd: packageDir, timeout: 30_000 });
      expect(stderr).toBe('');
      expect(stdout).toBe('');
    },
    60_000,
  );
});
