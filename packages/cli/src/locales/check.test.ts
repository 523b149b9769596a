import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocales, checkSourceAgainstRegistry, type LocatedProblem } from './check';
import { REPO_LOCALES, useTempRepos, NEW_LOCALE_TAG, localesWith } from './fixtures/io';
import { findLocalesDir, resolveLocalesDir } from './locate';

const NEW = NEW_LOCALE_TAG;

const repo = useTempRepos();

function english(): Record<string, string> {
  return JSON.parse(readFileSync(join(REPO_LOCALES, 'en-US', 'errors.json'), 'utf8')) as Record<string, string>;
}

function writeLocale(locales: string, lng: string, content: string | object): string {
  mkdirSync(join(locales, lng), { recursive: true });
  const file = join(locales, lng, 'errors.json');
  writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

function summary(problems: readonly LocatedProblem[]) {
  return problems.map(({ severity, kind, lng, key, line }) => ({ severity, kind, lng, key, line }));
}

describe('checkLocales', () => {
  it('finds no problem in the repository catalogs (what CI runs)', async () => {
    const result = await checkLocales(REPO_LOCALES);
    expect(result.locales[0]).toBe('en-US');
    expect(result.locales).toContain('da-DK');
    expect(result.problems).toEqual([]);
    expect(result.errorCount).toBe(0);
  });

  it('reports each kind of problem in a locale, at the line of its entry', async () => {
    const { locales } = repo();
    const source = english();
    const keys = Object.keys(source);
    const catalog: Record<string, string> = { ...source };
    delete catalog['label.copy'];
    catalog['InvalidHashValue.message'] = 'Hashen {{hsh}} er ugyldig.';
    catalog['InvalidUrl.message'] = '   ';
    catalog['InvalidIpAddress.message'] = 'IP-adressen {{- ip}} er ugyldig.';
    catalog['InvalidDomainName.message'] = '$t(InvalidUrl.message) {{domain}}';
    catalog['BadRequest.message'] = `[TODO ${NEW}] General Bad Request error message.`;
    catalog['Unknown.message'] = 'Extra';
    writeLocale(locales, NEW, catalog);
    const result = await checkLocales(locales);
    const lineOf = (key: string) => 2 + Object.keys(catalog).indexOf(key);
    const problems = result.problems.filter((problem) => problem.lng === NEW);
    expect(summary(problems)).toEqual(
      expect.arrayContaining([
        { severity: 'error', kind: 'missing-key', lng: NEW, key: 'label.copy', line: undefined },
        { severity: 'error', kind: 'placeholder-mismatch', lng: NEW, key: 'InvalidHashValue.message', line: lineOf('InvalidHashValue.message') },
        { severity: 'error', kind: 'empty', lng: NEW, key: 'InvalidUrl.message', line: lineOf('InvalidUrl.message') },
        { severity: 'error', kind: 'unsafe-syntax', lng: NEW, key: 'InvalidIpAddress.message', line: lineOf('InvalidIpAddress.message') },
        { severity: 'error', kind: 'unsafe-syntax', lng: NEW, key: 'InvalidDomainName.message', line: lineOf('InvalidDomainName.message') },
        { severity: 'error', kind: 'untranslated', lng: NEW, key: 'BadRequest.message', line: lineOf('BadRequest.message') },
        { severity: 'error', kind: 'extra-key', lng: NEW, key: 'Unknown.message', line: lineOf('Unknown.message') },
      ]),
    );
    // Everything else is a copy of en-US: one warning per remaining entry, and nothing more.
    const warnings = problems.filter((problem) => problem.severity === 'warning');
    expect(warnings.every((problem) => problem.kind === 'identical-to-source')).toBe(true);
    expect(warnings).toHaveLength(keys.length - 6);
    expect(problems.find((problem) => problem.key === 'InvalidHashValue.message')?.message).toBe(
      'Entry "InvalidHashValue.message" has placeholders {{hsh}}, but en-US has {{hash}}.',
    );
    expect(problems.find((problem) => problem.kind === 'untranslated')?.message).toBe(
      'Entry "BadRequest.message" is not translated yet: translate it and remove the "[TODO …]" marker.',
    );
    expect(result.errorCount).toBe(7);
  });

  it('reports duplicate keys and invalid JSON with line and column', async () => {
    const { locales } = repo();
    const danish = readFileSync(join(locales, 'da-DK', 'errors.json'), 'utf8');
    writeLocale(locales, 'da-DK', danish.replace('{\n', '{\n  "label.copy": "Kopi",\n'));
    writeLocale(locales, NEW, '{\n  "BadRequest.title": "Felaktig begäran"\n  "BadRequest.message": "x"\n}\n');
    const result = await checkLocales(locales);
    const labelLine = danish.split('\n').findIndex((line) => line.includes('"label.copy"')) + 2;
    expect(summary(result.problems)).toEqual([
      { severity: 'error', kind: 'duplicate-key', lng: 'da-DK', key: 'label.copy', line: labelLine },
      { severity: 'error', kind: 'invalid-json', lng: NEW, key: undefined, line: 3 },
    ]);
    expect(result.problems[0]?.message).toBe(
      'Entry "label.copy" appears more than once (first at line 2, column 3); JSON keeps only the last one: remove one of them.',
    );
    expect(result.problems[1]?.message).toBe('Invalid JSON at line 3, column 3: expected "," or "}" after an entry, found """.');
    expect(result.problems[1]?.column).toBe(3);
  });

  it('reports folder names that are not canonical BCP 47 tags, and folders without errors.json', async () => {
    const { locales } = repo();
    const danish = JSON.parse(readFileSync(join(locales, 'da-DK', 'errors.json'), 'utf8')) as object;
    writeLocale(locales, 'da_DK', danish);
    writeLocale(locales, 'de-de', danish);
    mkdirSync(join(locales, 'fi-FI'));
    mkdirSync(join(locales, '.git'));
    writeFileSync(join(locales, 'README.md'), 'not a locale');
    const result = await checkLocales(locales);
    expect(result.locales).toEqual(localesWith('da_DK', 'de-de', 'fi-FI'));
    const tagProblems = result.problems.filter((problem) => problem.kind === 'invalid-tag').map((problem) => problem.message);
    expect(tagProblems).toEqual([
      '"da_DK" is not a valid BCP 47 language tag (for example da-DK, de, pt-BR).',
      '"de-de" is not in canonical form: use "de-DE".',
    ]);
    expect(result.problems.filter((problem) => problem.kind === 'missing-file').map((problem) => problem.lng)).toEqual(['fi-FI']);
  });

  it('reports a byte order mark, non-UTF-8 bytes and a catalog that is not an object', async () => {
    const { locales } = repo();
    const danish = readFileSync(join(locales, 'da-DK', 'errors.json'), 'utf8');
    writeLocale(locales, 'da-DK', `\uFEFF${danish}`);
    mkdirSync(join(locales, NEW));
    writeFileSync(join(locales, NEW, 'errors.json'), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    writeLocale(locales, 'nb-NO', '["not", "an", "object"]');
    const result = await checkLocales(locales);
    expect(summary(result.problems)).toEqual([
      { severity: 'error', kind: 'invalid-json', lng: 'da-DK', key: undefined, line: 1 },
      { severity: 'error', kind: 'not-an-object', lng: 'nb-NO', key: undefined, line: undefined },
      { severity: 'error', kind: 'invalid-json', lng: NEW, key: undefined, line: undefined },
    ]);
    expect(result.problems[0]?.message).toContain('byte order mark');
    expect(result.problems[2]?.message).toBe(`${NEW}/errors.json is not valid UTF-8: save it as UTF-8.`);
  });

  it('checks en-US against the code registry, and still checks the JSON of others when en-US is broken', async () => {
    const source = english();
    expect(checkSourceAgainstRegistry(source)).toEqual([]);
    const broken = { ...source, 'InvalidHashValue.message': 'Hash {{value}} is invalid.' };
    delete (broken as Record<string, string>)['NotFound.title'];
    expect(checkSourceAgainstRegistry(broken).map((problem) => problem.message)).toEqual([
      'Entry "InvalidHashValue.message" has placeholders {{value}}, but the parameters of InvalidHashValue are {{hash}}.',
      'Missing entry "NotFound.title": every error code needs a title and a message.',
    ]);

    const { locales } = repo();
    writeFileSync(join(locales, 'en-US', 'errors.json'), '{"a": ');
    writeLocale(locales, NEW, '{"a": 1, "a": 2}');
    const result = await checkLocales(locales);
    expect(result.sourceUsable).toBe(false);
    expect(result.problems.map((problem) => [problem.lng, problem.kind])).toEqual([
      ['en-US', 'invalid-json'],
      [NEW, 'duplicate-key'],
    ]);
  });

  it('follows a symlinked locale folder like the build does', async () => {
    const { dir, locales } = repo();
    const outside = join(dir, 'elsewhere');
    writeLocale(dir, 'elsewhere', { 'BadRequest.title': 'x' });
    symlinkSync(outside, join(locales, NEW));
    const result = await checkLocales(locales);
    expect(result.locales).toContain(NEW);
    expect(result.problems.some((problem) => problem.lng === NEW && problem.kind === 'missing-key')).toBe(true);
    rmSync(join(locales, NEW));
  });
});

describe('finding the locales folder', () => {
  it('walks up from a nested folder to the one holding locales/en-US/errors.json', () => {
    const { dir, locales } = repo();
    const nested = join(dir, 'a', 'b', 'c');
    mkdirSync(nested, { recursive: true });
    expect(findLocalesDir(nested)).toBe(locales);
    expect(findLocalesDir(join(locales, 'da-DK'))).toBe(locales);
    expect(resolveLocalesDir(undefined, nested)).toEqual({ dir: locales });
  });

  it('takes a given folder as the locales folder or as the folder holding it, and refuses anything else', () => {
    const { dir, locales } = repo();
    expect(resolveLocalesDir('locales', dir)).toEqual({ dir: locales });
    expect(resolveLocalesDir('.', dir)).toEqual({ dir: locales });
    expect(resolveLocalesDir('locales/da-DK', dir)).toEqual({ error: "'locales/da-DK' is not a locales folder: it has no en-US/errors.json (nor locales/en-US/errors.json)" });
    expect(resolveLocalesDir('nowhere', dir)).toEqual({ error: "'nowhere' does not exist" });
  });
});

describe('checkLocales and the other namespaces (demo.json)', () => {
  const repoWithAll = useTempRepos({ allNamespaces: true });

  it('checks every namespace file of en-US in every locale, like errors.json', async () => {
    const { locales } = repoWithAll();
    expect((await checkLocales(locales)).problems).toEqual([]);
    const others = (await checkLocales(locales)).locales.filter((lng) => lng !== 'en-US');
    const [first] = others;
    expect(first).toBeDefined();
    const file = join(locales, first as string, 'demo.json');
    const demo = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const [removed, changed] = Object.keys(demo);
    delete demo[removed as string];
    demo[changed as string] = '[TODO] still English';
    demo['no.such.key'] = 'x';
    writeFileSync(file, JSON.stringify(demo, null, 2));
    const problems = (await checkLocales(locales)).problems.filter((problem) => problem.file === `${first}/demo.json`);
    expect(problems.map((problem) => `${problem.kind}:${problem.key}`).sort()).toEqual(
      [`missing-key:${removed}`, `untranslated:${changed}`, 'extra-key:no.such.key'].sort(),
    );
    rmSync(file);
    expect((await checkLocales(locales)).problems.map((problem) => [problem.kind, problem.file])).toEqual([['missing-file', `${first}/demo.json`]]);
  });
});
