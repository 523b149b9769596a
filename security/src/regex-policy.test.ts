import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../lib/redos-targets.mjs';
import { regexInventory, regexUsingFunctions, repositoryRoot, shippedSourceFiles } from '../lib/regex-inventory.mjs';

/**
 * The ReDoS policy, checked on every run: each regular expression of the shipped source lints clean
 * under eslint-plugin-regexp with its super-linear rules on, each function that runs one is measured
 * by security/redos.bench.mjs, no regex is built from untrusted text, and extractParams matches
 * server messages by literal comparison, not by regexes.
 */

const inventory = regexInventory();
const files = shippedSourceFiles();

/** Every `new RegExp(...)`, with why its pattern cannot come from an attacker. */
const CONSTRUCTED_REGEXES: Readonly<Record<string, string>> = {
  'packages/core/src/retry-after.ts#parseHttpDate': 'the three HTTP-date forms, built from constant strings at module load',
  'packages/cli/src/locales/import-page.ts#wordPattern': "a registry parameter name (matches /^[a-z_]\\w*$/i, checked by defineErrorRegistry), not page text",
};

describe(`the regexes of the shipped source (${inventory.length} in ${files.length} files)`, () => {
  it('finds the regexes (the inventory is not silently empty)', () => {
    expect(files.some((file) => file.endsWith(path.join('core', 'src', 'parse.ts')))).toBe(true);
    expect(inventory.length).toBeGreaterThan(20);
    expect(inventory.some((entry) => entry.file === 'packages/core/src/parse.ts' && entry.users.includes('parseJsonPrefix'))).toBe(true);
  });

  it('eslint-plugin-regexp checks super-linear backtracking and moves as errors in every shipped file', async () => {
    const eslint = new ESLint({ cwd: repositoryRoot });
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
      for (const rule of ['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move']) {
        const setting = config.rules[rule];
        expect([2, 'error'], `${rule} in ${file}`).toContain(Array.isArray(setting) ? setting[0] : setting);
      }
    }
  });

  it('every shipped file lints clean (zero errors and warnings), regexp rules included', async () => {
    const eslint = new ESLint({ cwd: repositoryRoot });
    const results = await eslint.lintFiles(files);
    const messages = results.flatMap((result) => result.messages.map((message) => `${path.relative(repositoryRoot, result.filePath)}:${message.line} ${message.ruleId ?? ''} ${message.message}`));
    expect(messages).toEqual([]);
    expect(results).toHaveLength(files.length);
  }, 120_000);

  it('every function that runs a regex is measured by the ReDoS benchmark', async () => {
    const covered = new Set((await loadTargets()).flatMap((target: { covers: string[] }) => target.covers));
    const missing = regexUsingFunctions().filter((key: string) => !covered.has(key) && !key.startsWith('packages/browser/'));
    expect(missing).toEqual([]);
  }, 60_000);

  it('no regex is built from text at run time, except the reviewed ones', () => {
    const constructed = inventory.filter((entry) => entry.source.startsWith('new RegExp') || entry.source.startsWith('RegExp('));
    for (const entry of constructed) {
      for (const user of entry.users) expect(Object.keys(CONSTRUCTED_REGEXES), `${entry.file}:${entry.line} ${entry.source}`).toContain(`${entry.file}#${user}`);
    }
  });

  it('extractParams matches server messages literally: the only regexes of extract.ts read numbers', () => {
    const extract = inventory.filter((entry) => entry.file === 'packages/i18n/src/extract.ts');
    expect(extract.flatMap((entry) => entry.users)).toEqual(extract.map(() => 'parseEnglishNumber'));
    const text = readFileSync(path.join(repositoryRoot, 'packages/i18n/src/extract.ts'), 'utf8');
    const matcher = text.slice(text.indexOf('function matchPattern'), text.indexOf('\n}\n', text.indexOf('function matchPattern')));
    expect(matcher).toContain('indexOf');
    expect(matcher).not.toMatch(/RegExp|\.match\(|\.exec\(|\.test\(/);
  });
});
