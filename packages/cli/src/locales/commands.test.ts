import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_LOCALES, SEED_PAGE, captureIo, runLocales, useTempRepos, type CapturedIo, NEW_LOCALE_TAG, localesWith } from './fixtures/io';

const NEW = NEW_LOCALE_TAG;

const localesCheck = (argv: readonly string[], io: CapturedIo) => runLocales(['check', ...argv], io);
const localesAdd = (argv: readonly string[], io: CapturedIo) => runLocales(['add', ...argv], io);
const localesImport = (argv: readonly string[], io: CapturedIo) => runLocales(['import', ...argv], io);
const runLocalesCommand = runLocales;

/** The number of entries of the en-US catalog (it grows with the registry). */
const EN_US_ENTRIES = Object.keys(JSON.parse(readFileSync(new URL('../../../../locales/en-US/errors.json', import.meta.url), 'utf8')) as object).length;

const repo = useTempRepos();

describe('locales check', () => {
  it('exits 0 with a readable report on the repository catalogs, found by walking up', async () => {
    const io = captureIo(join(REPO_LOCALES, 'da-DK'));
    expect(await localesCheck([], io)).toBe(0);
    // Paths inside the working folder are relative to it, others absolute: both open from a terminal.
    expect(io.out()).toContain(`${join(REPO_LOCALES, 'en-US', 'errors.json')}: ok\nerrors.json: ok\n`);
    expect(io.out().endsWith(`\n\n${localesWith().length} locales checked (${localesWith().join(', ')}): 0 errors, 0 warnings.\n`)).toBe(true);
    expect(io.err()).toBe('');
  });

  it('exits 1 and lists each problem with its line, column and kind', async () => {
    const { dir, locales } = repo();
    mkdirSync(join(locales, NEW));
    writeFileSync(join(locales, NEW, 'errors.json'), '{\n  "BadRequest.title": "A",\n  "BadRequest.title": "B"\n}\n');
    const io = captureIo(dir);
    expect(await localesCheck(['locales'], io)).toBe(1);
    const report = io.out();
    expect(report).toContain(`locales/${NEW}/errors.json\n`);
    expect(report).toContain(
      '  error    3:3     Entry "BadRequest.title" appears more than once (first at line 2, column 3); JSON keeps only the last one: remove one of them.  [duplicate-key]',
    );
    expect(report).toContain('  error            Missing entry "BadRequest.message".  [missing-key]');
    expect(report.endsWith(`${localesWith(NEW).length} locales checked (${localesWith(NEW).join(', ')}): ${EN_US_ENTRIES} errors, 0 warnings.\n`)).toBe(true);
  });

  it('prints JSON for tools with --json', async () => {
    const { dir, locales } = repo();
    mkdirSync(join(locales, 'de-de'));
    copyFileSync(join(locales, 'da-DK', 'errors.json'), join(locales, 'de-de', 'errors.json'));
    const io = captureIo(dir);
    expect(await localesCheck(['--json'], io)).toBe(1);
    const report = JSON.parse(io.out()) as { errors: number; warnings: number; locales: string[]; problems: Record<string, unknown>[] };
    expect(report.locales).toEqual(localesWith('de-de'));
    expect(report.errors).toBe(1);
    expect(report.problems).toEqual([
      { severity: 'error', kind: 'invalid-tag', lng: 'de-de', file: 'de-de/errors.json', line: null, column: null, key: null, message: '"de-de" is not in canonical form: use "de-DE".' },
    ]);
  });

  it('exits 2 for bad usage: an unknown option, two folders, a folder that is not a locales folder', async () => {
    for (const argv of [['--nope'], ['a', 'b'], ['/nonexistent-folder'], [REPO_LOCALES, '--json=x']]) {
      const io = captureIo(REPO_LOCALES);
      expect(await localesCheck(argv, io)).toBe(2);
      expect(io.err()).toMatch(/^defender-errors locales check: .+ \(see 'defender-errors locales check --help'\)\n$/);
      expect(io.out()).toBe('');
    }
    const io = captureIo('/');
    expect(await localesCheck([], io)).toBe(2);
    expect(io.err()).toContain('no locales/en-US/errors.json found in / or any folder above it');
  });

  it('escapes control characters that a catalog key could smuggle into the report', async () => {
    const { dir, locales } = repo();
    mkdirSync(join(locales, NEW));
    writeFileSync(join(locales, NEW, 'errors.json'), JSON.stringify({ 'x\u001b]0;pwned\u0007\u202e': 'y' }));
    const io = captureIo(dir);
    expect(await localesCheck([], io)).toBe(1);
    for (const raw of ['\u0007', '\u001b', '\u202e']) expect(io.out()).not.toContain(raw);
    expect(io.out()).toContain('Entry "x\\x1b]0;pwned\\x07\\u202e" does not exist in en-US');
  });
});

describe('locales add', () => {
  it('creates the locale, exits 0 and says what to do next', async () => {
    const { dir, locales } = repo();
    const io = captureIo(dir);
    expect(await localesAdd([NEW], io)).toBe(0);
    expect(io.out()).toContain(`Created locales/${NEW}/errors.json: ${EN_US_ENTRIES} entries, each the en-US text marked "[TODO ${NEW}] " for translation.`);
    expect(io.out()).toContain("then run 'defender-errors locales check'");
    expect(existsSync(join(locales, NEW, 'errors.json'))).toBe(true);
    const check = captureIo(dir);
    expect(await localesCheck([], check)).toBe(1);
    expect(check.out()).toContain('Entry "BadRequest.title" is not translated yet');
  });

  it('exits 2 for a path or a non-canonical tag (with the canonical suggestion) and 1 for an existing locale', async () => {
    const { dir } = repo();
    const cases: [string[], number, string][] = [
      [['../../x'], 2, "'../../x' is a path, not a language tag"],
      [['/abs/path'], 2, "'/abs/path' is a path, not a language tag"],
      [['sv-se'], 2, '"sv-se" is not in canonical form: use "sv-SE".'],
      [['sv_SE'], 2, 'did you mean "sv-SE"?'],
      [[], 2, 'missing the language tag'],
      [['sv-SE', 'fi-FI'], 2, "unexpected argument 'fi-FI'"],
      [['da-DK'], 1, 'locale da-DK already exists (da-DK/); nothing was written'],
    ];
    for (const [argv, status, message] of cases) {
      const io = captureIo(dir);
      expect(await localesAdd(argv, io)).toBe(status);
      expect(io.err()).toContain(message);
      expect(io.out()).toBe('');
    }
  });
});

describe('locales import', () => {
  it('writes the seed as a draft da-DK catalog to stdout with --out -, the report to stderr', async () => {
    const io = captureIo(REPO_LOCALES);
    expect(await localesImport([SEED_PAGE, '--lng', 'da-DK', '--out', '-'], io)).toBe(0);
    const catalog = JSON.parse(io.out()) as Record<string, string>;
    expect(catalog['InvalidHashValue.message']).toBe('Hash-værdien {{hash}} er ugyldig.');
    expect(io.err()).toContain('Rows: 19 of 19 mapped');
    expect(io.err()).toContain('Wrote standard output.');
  });

  it('writes locales/<lng>/errors.json by default, refuses to overwrite it, and replaces it with --force', async () => {
    const { dir, locales } = repo();
    const page = join(FIXTURES, 'learn-de-DE.md');
    const first = captureIo(dir);
    expect(await localesImport([page, '--lng', 'de-DE'], first)).toBe(0);
    expect(first.out()).toContain('Wrote locales/de-DE/errors.json.');
    const target = join(locales, 'de-DE', 'errors.json');
    expect((JSON.parse(readFileSync(target, 'utf8')) as Record<string, string>)['Forbidden.message']).toBe('Verboten');

    writeFileSync(target, '{}');
    const again = captureIo(dir);
    expect(await localesImport([page, '--lng', 'de-DE'], again)).toBe(1);
    expect(again.err()).toBe('defender-errors locales import: locales/de-DE/errors.json exists; nothing was written (use --force to replace it, or --out <file>)\n');
    expect(readFileSync(target, 'utf8')).toBe('{}');

    const forced = captureIo(dir);
    expect(await localesImport([page, '--lng', 'de-DE', '--force', '--json'], forced)).toBe(0);
    const report = JSON.parse(forced.out()) as { rows: { code: string | null }[]; written: string };
    expect(report.rows.every((row) => row.code !== null)).toBe(true);
    expect(report.written).toBe('locales/de-DE/errors.json');
    expect(readFileSync(target, 'utf8')).toContain('"Forbidden.message": "Verboten"');
  });

  it('exits 1 when a row could not be mapped, still writing the draft', async () => {
    const { dir } = repo();
    const io = captureIo(dir);
    expect(await localesImport([join(FIXTURES, 'learn-sv-SE.md'), '--lng', 'sv-SE', '--out', 'draft.json'], io)).toBe(1);
    expect(io.out()).toContain('Could not map 1 row:');
    expect(existsSync(join(dir, 'draft.json'))).toBe(true);
  });

  it('uses the bundled en-US outside a repository when --out is given', async () => {
    const { dir } = repo();
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const io = captureIo(outside);
    expect(await localesImport([SEED_PAGE, '--lng', 'da-DK', '--out', 'da.json'], io)).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(outside, 'da.json'), 'utf8')) as object)).toHaveLength(EN_US_ENTRIES);
  });

  it('does not follow a symlinked locale folder out of locales/', async () => {
    const { dir, locales } = repo();
    mkdirSync(join(dir, 'outside'));
    symlinkSync(join(dir, 'outside'), join(locales, 'nb-NO'));
    const io = captureIo(dir);
    expect(await localesImport([SEED_PAGE, '--lng', 'nb-NO'], io)).toBe(1);
    expect(io.err()).toBe('defender-errors locales import: locales/nb-NO leads outside the locales folder; nothing was written\n');
    expect(readdirSync(join(dir, 'outside'))).toEqual([]);
  });

  it("takes the language from the page's ms.contentlocale when --lng is not given", async () => {
    const io = captureIo(REPO_LOCALES);
    expect(await localesImport([SEED_PAGE, '--out', '-', '--json'], io)).toBe(0);
    const report = JSON.parse(io.err()) as { lng: string; contentLocale: string; warnings: string[] };
    expect(report).toMatchObject({ lng: 'da-DK', contentLocale: 'da-DK', warnings: [] });
    expect((JSON.parse(io.out()) as Record<string, string>)['InvalidHashValue.message']).toBe('Hash-værdien {{hash}} er ugyldig.');

    const { dir } = repo();
    const page = join(dir, 'no-front-matter.md');
    writeFileSync(page, readFileSync(SEED_PAGE, 'utf8').replace(/ms\.contentlocale:.*\n/, ''));
    const missing = captureIo(dir);
    expect(await localesImport([page], missing)).toBe(2);
    expect(missing.err()).toContain("missing --lng <lng>, the language of the page (e.g. da-DK); the page has no ms.contentlocale");
  });

  it("canonicalizes the page's ms.contentlocale (ja-jp -> ja-JP) and reads pages up to 2 MiB", async () => {
    const { dir } = repo();
    const page = join(dir, 'ja.md');
    const japanese = readFileSync(join(FIXTURES, 'learn-ja-JP-bilingual.md'), 'utf8').replace(/ms\.contentlocale: .*/, 'ms.contentlocale: ja-jp');
    writeFileSync(page, `${japanese}\n${'Lorem ipsum dolor sit amet.\n\n'.repeat(36_000)}`);
    const io = captureIo(dir);
    expect(await localesImport([page, '--out', '-', '--json'], io)).toBe(0);
    expect(JSON.parse(io.err())).toMatchObject({ lng: 'ja-JP', contentLocale: 'ja-jp', warnings: [] });
  });

  it('exits 2 for bad usage', async () => {
    const cases: [string[], string][] = [
      [[FIXTURES, '--lng', 'da-DK', '--out', '-'], 'is not a file'],
      [[], 'missing the page to import'],
      [[SEED_PAGE, '--lng', 'da_dk'], '--lng: "da_dk" is not a valid BCP 47 language tag: did you mean "da-DK"?'],
      [[SEED_PAGE, '--lng', '../x'], "--lng: '../x' is a path"],
      [[SEED_PAGE, '--lng', 'en-US'], 'en-US is the source catalog'],
      [['/nonexistent.md', '--lng', 'da-DK', '--out', '-'], "cannot read '/nonexistent.md'"],
      [[SEED_PAGE, '--lng'], "option '--lng <value>' argument missing"],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo(REPO_LOCALES);
      expect(await localesImport(argv, io)).toBe(2);
      expect(io.err()).toContain(message);
    }
  });
});

describe('locales <command>', () => {
  it('dispatches, lists its commands for --help, and exits 2 for an unknown or missing command', async () => {
    const help = captureIo(REPO_LOCALES);
    expect(await runLocalesCommand(['--help'], help)).toBe(0);
    expect(help.out()).toContain('import <page.md> [--lng <lng>]');
    for (const sub of ['check', 'add', 'import']) {
      const io = captureIo(REPO_LOCALES);
      expect(await runLocalesCommand([sub, '--help'], io)).toBe(0);
      expect(io.out()).toMatch(new RegExp(`^Usage: defender-errors locales ${sub}`));
    }
    const check = captureIo(REPO_LOCALES);
    expect(await runLocalesCommand(['check'], check)).toBe(0);
    for (const argv of [[], ['remove'], ['__proto__']]) {
      const io = captureIo(REPO_LOCALES);
      expect(await runLocalesCommand(argv, io)).toBe(2);
      expect(io.err()).toMatch(/command/);
    }
  });
});
