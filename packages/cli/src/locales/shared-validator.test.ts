import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogValidationError, createErrorTranslator, type CatalogProblem } from '@defender-errors/i18n';
import { describe, expect, it } from 'vitest';
import { checkLocales } from './check';
import { REPO_LOCALES, captureIo, runLocales, useTempRepos, NEW_LOCALE_TAG } from './fixtures/io';
import { markForTranslation } from './scaffold';

const NEW = NEW_LOCALE_TAG;

const repo = useTempRepos();

/** A Swedish catalog with one of every problem a parsed catalog can have. */
function badCatalog(): Record<string, unknown> {
  const source = JSON.parse(readFileSync(join(REPO_LOCALES, 'en-US', 'errors.json'), 'utf8')) as Record<string, string>;
  const catalog: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(source)) catalog[key] = `SV ${text}`;
  delete catalog['label.copy'];
  catalog['Extra.message'] = 'Extra';
  catalog['label.copied'] = 42;
  catalog['InvalidUrl.message'] = '';
  catalog['InvalidHashValue.message'] = 'Hashvärdet {{hsh}} är ogiltigt.';
  catalog['InvalidIpAddress.message'] = 'IP-adressen {{- ip}} är ogiltig.';
  catalog['InvalidDomainName.message'] = '$t(InvalidUrl.message) {{domain}}';
  catalog['BadRequest.message'] = markForTranslation(NEW, source['BadRequest.message'] ?? '');
  catalog['NotFound.title'] = source['NotFound.title'];
  return catalog;
}

function comparable(problems: readonly CatalogProblem[]) {
  return problems.map(({ severity, kind, lng, key, message }) => ({ severity, kind, lng, key, message }));
}

describe('addLocale (run time) and locales check (CI) share one validator', () => {
  it('report the same problems, in the same order, with the same wording, for the same bad catalog', async () => {
    const catalog = badCatalog();
    let thrown: unknown;
    try {
      createErrorTranslator().addLocale(NEW, catalog);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogValidationError);
    const atRunTime = (thrown as CatalogValidationError).problems;

    const { dir, locales } = repo();
    mkdirSync(join(locales, NEW));
    writeFileSync(join(locales, NEW, 'errors.json'), JSON.stringify(catalog, null, 2));
    const inCi = (await checkLocales(locales)).problems.filter((problem) => problem.lng === NEW);

    expect(comparable(inCi)).toEqual(comparable(atRunTime));
    expect(new Set(atRunTime.map((problem) => problem.kind))).toEqual(
      new Set(['missing-key', 'extra-key', 'not-a-string', 'empty', 'placeholder-mismatch', 'unsafe-syntax', 'untranslated', 'identical-to-source']),
    );

    // And the sentences a translator reads are the same in the exception and in the CLI report.
    const io = captureIo(dir);
    expect(await runLocales(['check'], io)).toBe(1);
    const errorLines = (thrown as Error).message.split('\n').slice(1).map((line) => line.replace(/^- /, ''));
    expect(errorLines).toHaveLength(8);
    for (const line of errorLines) expect(io.out()).toContain(line);
  });

  it('agree on a clean catalog: addLocale accepts what locales check passes', async () => {
    const danish = JSON.parse(readFileSync(join(REPO_LOCALES, 'da-DK', 'errors.json'), 'utf8')) as Record<string, string>;
    const { locales } = repo();
    mkdirSync(join(locales, 'nb-NO'));
    writeFileSync(join(locales, 'nb-NO', 'errors.json'), JSON.stringify(danish));
    const inCi = (await checkLocales(locales)).problems.filter((problem) => problem.lng === 'nb-NO');
    const atRunTime = createErrorTranslator().addLocale('nb-NO', danish);
    expect(inCi).toEqual([]);
    expect(atRunTime).toEqual([]);
  });
});
