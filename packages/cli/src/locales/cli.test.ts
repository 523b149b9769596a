import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BINARY, runBuiltCli, type CliRun } from '../fixtures/run-cli';
import { FIXTURES, REPO_LOCALES, REPO_ROOT, SEED_PAGE, localesWith, useTempRepos } from './fixtures/io';

/** The number of entries of the en-US catalog (it grows with the registry). */
const EN_US_ENTRIES = Object.keys(JSON.parse(readFileSync(new URL('../../../../locales/en-US/errors.json', import.meta.url), 'utf8')) as object).length;

// The locales commands as users run them: the built `defender-errors` binary in a fresh process.

type Run = CliRun;

function cli(args: readonly string[], cwd: string): Promise<Run> {
  return runBuiltCli(args, { cwd });
}

const repo = useTempRepos();

describe('defender-errors locales (built binary)', () => {
  it('is built', () => {
    expect(existsSync(CLI_BINARY)).toBe(true);
  });

  it('check: exits 0 on the repository, from any folder inside it', async () => {
    const result = await cli(['locales', 'check'], join(REPO_ROOT, 'packages', 'node'));
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining(`${localesWith().length} locales checked (${localesWith().join(', ')}): 0 errors, 0 warnings.`) as unknown, stderr: '' });
    const json = await cli(['locales', 'check', REPO_LOCALES, '--json'], '/');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ localesDir: REPO_LOCALES, errors: 0, warnings: 0, problems: [] });
  });

  it('add, then check: 0, then 1 with every entry "not translated yet"', async () => {
    const { dir } = repo();
    const added = await cli(['locales', 'add', 'nb-NO'], dir);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created locales/nb-NO/errors.json');
    const checked = await cli(['locales', 'check', '--json'], dir);
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.stdout) as { problems: { kind: string; lng: string }[] };
    expect(report.problems.length).toBe(EN_US_ENTRIES);
    expect(report.problems.every((problem) => problem.kind === 'untranslated' && problem.lng === 'nb-NO')).toBe(true);
  });

  it('add: exits 2 for a path or a non-canonical tag, 1 for an existing locale, and writes nothing', async () => {
    const { dir } = repo();
    const traversal = await cli(['locales', 'add', '../../x'], dir);
    expect(traversal.code).toBe(2);
    expect(traversal.stderr).toContain("'../../x' is a path, not a language tag");
    const lowercase = await cli(['locales', 'add', 'nb-no'], dir);
    expect(lowercase.code).toBe(2);
    expect(lowercase.stderr).toContain('use "nb-NO"');
    const existing = await cli(['locales', 'add', 'da-DK'], dir);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toBe('defender-errors locales add: locale da-DK already exists (da-DK/); nothing was written\n');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('import: the seed maps all 19 rows and the draft goes to the default place', async () => {
    const { dir, locales } = repo();
    const result = await cli(['locales', 'import', SEED_PAGE, '--lng', 'nb-NO'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("warning: the page's ms.contentlocale is da-DK, but the catalog is for nb-NO");
    expect(result.stdout).toContain('Rows: 19 of 19 mapped');
    expect(result.stdout).toContain('Wrote locales/nb-NO/errors.json.');
    const draft = JSON.parse(readFileSync(join(locales, 'nb-NO', 'errors.json'), 'utf8')) as Record<string, string>;
    expect(draft['ResourceNotFound.message']).toBe('Ressourcen {{resource}} blev ikke fundet.');
    const refused = await cli(['locales', 'import', SEED_PAGE, '--lng', 'nb-NO'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('exists; nothing was written');
  });

  it('import --out -: the catalog on stdout, the report on stderr; exit 1 when a row cannot be mapped', async () => {
    const result = await cli(['locales', 'import', join(FIXTURES, 'learn-sv-SE.md'), '--lng', 'sv-SE', '--out', '-'], REPO_ROOT);
    expect(result.code).toBe(1);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toHaveLength(EN_US_ENTRIES);
    expect(result.stderr).toContain('Could not map 1 row:');
  });

  it('exits 2 with one line on stderr for bad usage', async () => {
    for (const args of [['locales'], ['locales', 'nope'], ['locales', 'check', '--bad'], ['locales', 'import', SEED_PAGE, '--lng', 'en-US']]) {
      const result = await cli(args, REPO_ROOT);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^defender-errors locales/);
    }
  });
});
