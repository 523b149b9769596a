import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocales } from './check';
import { REPO_LOCALES, useTempRepos, NEW_LOCALE_TAG } from './fixtures/io';
import { CreateLocaleError, checkNewLocaleTag, createLocale, markForTranslation, scaffoldCatalog } from './scaffold';

const NEW = NEW_LOCALE_TAG;

const repo = useTempRepos();

/** Every path under `dir`, for proving that nothing else was written. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort();
}

async function refusal(promise: Promise<unknown>): Promise<CreateLocaleError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CreateLocaleError) return error;
    throw error;
  }
  throw new Error('expected createLocale to refuse');
}

describe('checkNewLocaleTag', () => {
  it.each([
    ['sv-SE', 'sv-SE'],
    ['de', 'de'],
    ['pt-BR', 'pt-BR'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
  ])('accepts the canonical tag %s', (input, tag) => {
    expect(checkNewLocaleTag(input)).toEqual({ ok: true, tag });
  });

  it.each([
    ['da-dk', '"da-dk" is not in canonical form: use "da-DK".'],
    ['DA-DK', '"DA-DK" is not in canonical form: use "da-DK".'],
    ['da_DK', '"da_DK" is not a valid BCP 47 language tag: did you mean "da-DK"?'],
    ['sv_se', '"sv_se" is not a valid BCP 47 language tag: did you mean "sv-SE"?'],
    ['../../x', "'../../x' is a path, not a language tag: give a tag such as sv-SE (the locale is always created in locales/<tag>/)"],
    ['/etc/passwd', "'/etc/passwd' is a path, not a language tag: give a tag such as sv-SE (the locale is always created in locales/<tag>/)"],
    ['da-DK/../../x', "'da-DK/../../x' is a path, not a language tag: give a tag such as sv-SE (the locale is always created in locales/<tag>/)"],
    ['..', "'..' is a path, not a language tag: give a tag such as sv-SE (the locale is always created in locales/<tag>/)"],
    ['C:\\x', "'C:\\x' is a path, not a language tag: give a tag such as sv-SE (the locale is always created in locales/<tag>/)"],
    ['', 'give a language tag, for example sv-SE'],
    ['not a tag', '"not a tag" is not a valid BCP 47 language tag (for example da-DK, de, pt-BR).'],
    [`x-${'a'.repeat(70)}`, 'the language tag is longer than 64 characters'],
  ])('refuses %j', (input, reason) => {
    expect(checkNewLocaleTag(input)).toEqual({ ok: false, reason });
  });
});

describe('createLocale', () => {
  it('scaffolds every en-US entry marked for translation, in en-US order, and writes nothing else', async () => {
    const { dir, locales } = repo();
    const before = tree(dir);
    const created = await createLocale(locales, NEW);
    const source = JSON.parse(readFileSync(join(REPO_LOCALES, 'en-US', 'errors.json'), 'utf8')) as Record<string, string>;
    expect(created).toEqual({ lng: NEW, file: join(locales, NEW, 'errors.json'), entries: Object.keys(source).length });
    const written = JSON.parse(readFileSync(created.file, 'utf8')) as Record<string, string>;
    expect(Object.keys(written)).toEqual(Object.keys(source));
    for (const [key, text] of Object.entries(source)) expect(written[key]).toBe(`[TODO ${NEW}] ${text}`);
    expect(tree(dir)).toEqual([...before, join('locales', NEW), join('locales', NEW, 'errors.json')].sort());
  });

  it('gives a draft that passes every check except "not translated yet", once per entry', async () => {
    const { locales } = repo();
    await createLocale(locales, NEW);
    const result = await checkLocales(locales);
    const keys = Object.keys(JSON.parse(readFileSync(join(locales, 'en-US', 'errors.json'), 'utf8')) as object);
    expect(result.problems.map((problem) => [problem.lng, problem.kind, problem.key])).toEqual(keys.map((key) => [NEW, 'untranslated', key]));
  });

  it('keeps placeholders in the marked text', () => {
    expect(markForTranslation('fi-FI', 'Hash value {{hash}} is invalid.')).toBe('[TODO fi-FI] Hash value {{hash}} is invalid.');
    const catalog = scaffoldCatalog('fi-FI', { __proto__: 'x', 'a.message': '{{x}}' } as unknown as Record<string, string>);
    expect(catalog).toEqual({ 'a.message': '[TODO fi-FI] {{x}}' });
  });

  it('refuses to overwrite a locale, whatever the letter case of its folder', async () => {
    const { dir, locales } = repo();
    const before = tree(dir);
    const danish = readFileSync(join(locales, 'da-DK', 'errors.json'), 'utf8');
    const exists = await refusal(createLocale(locales, 'da-DK'));
    expect(exists.reason).toBe('exists');
    expect(exists.message).toBe('locale da-DK already exists (da-DK/); nothing was written');
    mkdirSync(join(locales, 'sv-se'));
    expect((await refusal(createLocale(locales, 'sv-SE'))).message).toBe('locale sv-SE already exists (sv-se/); nothing was written');
    expect(readFileSync(join(locales, 'da-DK', 'errors.json'), 'utf8')).toBe(danish);
    expect(tree(dir)).toEqual([...before, join('locales', 'sv-se')].sort());
  });

  it('refuses a path or a non-canonical tag before touching the disk', async () => {
    const { dir, locales: repoLocales } = repo();
    // locales/ two levels down, so that every path tried still lands inside the temporary folder.
    const locales = join(dir, 'project', 'repo', 'locales');
    cpSync(repoLocales, locales, { recursive: true });
    const before = tree(dir);
    for (const tag of ['../../x', '../x', join(dir, 'x'), 'da_dk', 'sv-se', '.', '']) {
      const error = await refusal(createLocale(locales, tag));
      expect(error.reason).toBe('usage');
    }
    expect(tree(dir)).toEqual(before);
  });

  it('does not follow a symlink that sits where the new locale would go', async () => {
    const { dir, locales } = repo();
    mkdirSync(join(dir, 'outside'));
    symlinkSync(join(dir, 'outside'), join(locales, NEW));
    expect((await refusal(createLocale(locales, NEW))).reason).toBe('exists');
    expect(readdirSync(join(dir, 'outside'))).toEqual([]);
  });

  it('refuses when en-US itself is broken', async () => {
    const { locales } = repo();
    writeFileSync(join(locales, 'en-US', 'errors.json'), '{"a": "1", "a": "2"}');
    const error = await refusal(createLocale(locales, NEW));
    expect(error.reason).toBe('source');
    expect(existsSync(join(locales, NEW))).toBe(false);
  });
});
