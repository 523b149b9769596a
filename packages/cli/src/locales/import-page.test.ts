import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, getErrorDefinition } from '@defender-errors/core';
import { createErrorTranslator, resources } from '@defender-errors/i18n';
import { placeholderNames, validateCatalog } from '@defender-errors/i18n/tooling';
import { describe, expect, it } from 'vitest';
import { formatImportReport } from './import-report';
import { FIXTURES, SEED_PAGE } from './fixtures/io';
import { importLearnPage, similarity } from './import-page';
import { markdownToText, parseLearnPage, statusOf } from './learn-page';
import { fillSlots, readMessageCell } from './message-cell';

const source = resources['en-US'].errors as Readonly<Record<string, string>>;
const seed = readFileSync(SEED_PAGE, 'utf8');

function mapping(markdown: string, lng: string) {
  return importLearnPage(markdown, { lng, source }).rows.map((row) => [row.row.codeText, row.code, row.match]);
}

describe('the seed page (da-DK)', () => {
  const result = importLearnPage(seed, { lng: 'da-DK', source });

  it('maps every one of its 19 rows, translated codes included', () => {
    expect(result.contentLocale).toBe('da-DK');
    expect(mapping(seed, 'da-DK')).toEqual([
      ['BadRequest', 'BadRequest', 'code'],
      ['ODataError', 'ODataError', 'code'],
      ['Ugyldiginput', 'InvalidInput', 'order'],
      ['InvalidRequestVirkey', 'InvalidRequestBody', 'order'],
      ['InvalidHashValue', 'InvalidHashValue', 'code'],
      ['InvalidDomainName', 'InvalidDomainName', 'code'],
      ['InvalidIpAddress', 'InvalidIpAddress', 'code'],
      ['InvalidUrl', 'InvalidUrl', 'code'],
      ['MaximumBatchSizeExceeded', 'MaximumBatchSizeExceeded', 'code'],
      ['MissingRequiredParameter', 'MissingRequiredParameter', 'code'],
      ['OsPlatformNotSupported', 'OsPlatformNotSupported', 'code'],
      ['ClientVersionNotSupported', 'ClientVersionNotSupported', 'code'],
      ['Uautoriseret', 'Unauthorized', 'order'],
      ['Forbudt', 'Forbidden', 'order'],
      ['DisabledFeature', 'DisabledFeature', 'code'],
      ['DisallowedOperation', 'DisallowedOperation', 'code'],
      ['Blev ikke fundet', 'NotFound', 'order'],
      ['Ressource blev ikke fundet', 'ResourceNotFound', 'order'],
      ['InternalServerError', 'InternalServerError', 'code'],
    ]);
    // TooManyRequests and the codes after it (beyond the reference table) are not on the page.
    expect(result.codesNotOnPage).toEqual(ERROR_CODES.slice(ERROR_CODES.indexOf('TooManyRequests')));
    expect(result.warnings).toEqual([]);
  });

  it("turns every placeholder description into the code's parameter", () => {
    const placeholders = result.rows.flatMap((row) => row.placeholders.map((placeholder) => [row.code, placeholder.description, placeholder.param]));
    expect(placeholders).toEqual([
      ['ODataError', 'the specific error is specified', 'error'],
      ['InvalidInput', 'the invalid input', 'input'],
      ['InvalidHashValue', 'the invalid hash', 'hash'],
      ['InvalidDomainName', 'the invalid domain', 'domain'],
      ['InvalidIpAddress', 'the invalid IP', 'ip'],
      ['InvalidUrl', 'the invalid URL', 'url'],
      ['MaximumBatchSizeExceeded', 'batch size received', 'received'],
      ['MaximumBatchSizeExceeded', 'batch size allowed', 'allowed'],
      ['MissingRequiredParameter', 'the missing parameter', 'parameter'],
      ['OsPlatformNotSupported', 'the client OS Platform', 'platform'],
      ['ClientVersionNotSupported', 'The requested action', 'action'],
      ['ClientVersionNotSupported', 'supported client version', 'version'],
      ['DisallowedOperation', 'the disallowed operation and the reason', 'operation'],
      ['ResourceNotFound', 'the requested resource', 'resource'],
    ]);
    for (const code of ERROR_CODES) {
      const text = result.catalog[`${code}.message`] ?? '';
      expect([...new Set(placeholderNames(text))].sort()).toEqual([...getErrorDefinition(code).params].sort());
    }
  });

  it('takes messages and notes from the page as plain text', () => {
    expect(result.catalog['InvalidHashValue.message']).toBe('Hash-værdien {{hash}} er ugyldig.');
    expect(result.catalog['MaximumBatchSizeExceeded.message']).toBe('Den maksimale batchstørrelse er overskredet. Modtaget: {{received}}, tilladt: {{allowed}}.');
    expect(result.catalog['ClientVersionNotSupported.message']).toBe('{{action}} understøttes på klientversionen {{version}} og derover.');
    expect(result.catalog['Unauthorized.message']).toBe('Uautoriseret');
    expect(result.catalog['Unauthorized.hint']).toBe('Dette skyldes som regel et ugyldigt eller udløbet godkendelseshoved.');
    expect(result.catalog['Forbidden.message']).toBe('Forbudt');
    expect(result.catalog['Forbidden.hint']).toBe('Gyldig token, men utilstrækkelig tilladelse til handlingen.');
    expect(result.catalog['InternalServerError.hint']).toBe('Ingen fejlmeddelelse, prøv handlingen igen, eller kontakt Microsoft, hvis problemet ikke bliver løst.');
  });

  it('marks everything the page lacks with the en-US text: titles, labels, missing hints and messages, TooManyRequests', () => {
    for (const key of result.marked) expect(result.catalog[key]).toBe(`[TODO da-DK] ${source[key]}`);
    expect(result.marked).toEqual(
      expect.arrayContaining(['BadRequest.title', 'label.copy', 'param.missing', 'InvalidRequestBody.hint', 'InternalServerError.message', 'TooManyRequests.message', 'TooManyRequests.hint']),
    );
    expect(result.marked.filter((key) => key.endsWith('.title'))).toHaveLength(ERROR_CODES.length);
    expect([...result.fromPage, ...result.marked].sort()).toEqual(Object.keys(source).sort());
    expect(result.fromPage).toHaveLength(21);
    expect(Object.keys(result.catalog)).toEqual(Object.keys(source));
  });

  it('gives a draft whose only errors are "not translated yet", one per marked entry', () => {
    const errors = validateCatalog('da-DK', result.catalog, source).filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => [problem.kind, problem.key])).toEqual(result.marked.map((key) => ['untranslated', key]));
    const identical = Object.keys(result.catalog).filter((key) => result.catalog[key] === source[key]);
    expect(result.problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.key)).toEqual(identical);
  });

  it('suggests the translated status texts for the titles', () => {
    expect(result.statusTexts).toEqual([
      { status: 401, text: 'Uautoriseret' },
      { status: 403, text: 'Forbudt' },
      { status: 404, text: 'Blev ikke fundet' },
      { status: 500, text: 'Intern serverfejl' },
    ]);
  });

  it('renders through a translator once the marked entries are translated', () => {
    const catalog = Object.fromEntries(Object.entries(result.catalog).map(([key, text]) => [key, text.replace(/^\[TODO da-DK\] /, 'DA: ')]));
    const translator = createErrorTranslator();
    translator.addLocale('da-DK', catalog);
    expect(translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da-DK' })).toBe('Hash-værdien abc er ugyldig.');
    expect(translator.format('MaximumBatchSizeExceeded', { received: 1500, allowed: 1000 }, { lng: 'da-DK' })).toBe(
      'Den maksimale batchstørrelse er overskredet. Modtaget: 1.500, tilladt: 1.000.',
    );
  });

  it('reports every row in the readable report', () => {
    const report = formatImportReport(result, 'seed.md', 'locales/da-DK/errors.json');
    expect(report).toContain('Rows: 19 of 19 mapped');
    expect(report).toContain('Ugyldiginput (400)');
    expect(report).toMatch(/row {2}3 {2}Ugyldiginput \(400\) +-> InvalidInput +translated code: between ODataError and InvalidHashValue/);
    expect(report).toContain('<the invalid hash> -> {{hash}} (by name)');
    expect(report).toContain('Not on the page (entries taken from en-US, marked for translation): TooManyRequests');
    expect(report).not.toContain('Could not map');
  });
});

describe('pages in other languages written in the same style', () => {
  it('de-DE: maps all 19 rows and assigns reordered placeholders by the names they mention', () => {
    const page = readFileSync(join(FIXTURES, 'learn-de-DE.md'), 'utf8');
    const result = importLearnPage(page, { lng: 'de-DE', source });
    expect(result.rows.filter((row) => row.code === undefined)).toEqual([]);
    expect(result.rows.map((row) => row.code)).toEqual(ERROR_CODES.slice(0, ERROR_CODES.indexOf('TooManyRequests')));
    expect(mapping(page, 'de-DE').filter(([, , match]) => match === 'order')).toEqual([
      ['UngültigeEingabe', 'InvalidInput', 'order'],
      ['InvalidRequestKörper', 'InvalidRequestBody', 'order'],
      ['Nicht autorisiert', 'Unauthorized', 'order'],
      ['Verboten', 'Forbidden', 'order'],
      ['Nicht gefunden', 'NotFound', 'order'],
      ['Ressource nicht gefunden', 'ResourceNotFound', 'order'],
    ]);
    expect(result.catalog['ClientVersionNotSupported.message']).toBe('Ab der Clientversion {{version}} wird {{action}} unterstützt.');
    expect(result.catalog['Unauthorized.hint']).toBe('Dies wird in der Regel durch einen ungültigen oder abgelaufenen Autorisierungsheader verursacht.');
    expect(result.catalog['NotFound.message']).toBe('Allgemeine Fehlermeldung „Nicht gefunden“.');
    expect(result.catalog['InternalServerError.hint']).toBe(
      'Keine Fehlermeldung, wiederholen Sie den Vorgang, oder wenden Sie sich an Microsoft, wenn das Problem nicht behoben wird.',
    );
    expect(result.problems.filter((problem) => problem.severity === 'error' && problem.kind !== 'untranslated')).toEqual([]);
  });

  it('sv-SE: maps by order and by status, and reports the row it cannot map and the message it cannot use', () => {
    const page = readFileSync(join(FIXTURES, 'learn-sv-SE.md'), 'utf8');
    const result = importLearnPage(page, { lng: 'sv-SE', source });
    expect(mapping(page, 'sv-SE')).toEqual([
      ['BadRequest', 'BadRequest', 'code'],
      ['ODataError', 'ODataError', 'code'],
      ['OgiltigIndata', 'InvalidInput', 'order'],
      ['InvalidRequestKropp', 'InvalidRequestBody', 'order'],
      ['InvalidHashValue', 'InvalidHashValue', 'code'],
      ['InvalidDomainName', 'InvalidDomainName', 'code'],
      ['InvalidIpAddress', 'InvalidIpAddress', 'code'],
      ['InvalidUrl', 'InvalidUrl', 'code'],
      ['MaximumBatchSizeExceeded', 'MaximumBatchSizeExceeded', 'code'],
      ['MissingRequiredParameter', 'MissingRequiredParameter', 'code'],
      ['OsPlatformNotSupported', 'OsPlatformNotSupported', 'code'],
      ['ClientVersionNotSupported', 'ClientVersionNotSupported', 'code'],
      ['Obehörig', 'Unauthorized', 'order'],
      ['Förbjuden', 'Forbidden', 'order'],
      ['För många begäranden', 'TooManyRequests', 'status'],
      ['Konflikt', undefined, undefined],
      ['DisallowedOperation', 'DisallowedOperation', 'code'],
      ['Hittades inte', 'NotFound', 'order'],
      ['Resursen hittades inte', 'ResourceNotFound', 'order'],
      ['InternalServerError', 'InternalServerError', 'code'],
    ]);
    expect(result.codesNotOnPage).toEqual(['DisabledFeature', ...ERROR_CODES.slice(ERROR_CODES.indexOf('TooManyRequests') + 1)]);
    const hash = result.rows.find((row) => row.code === 'InvalidHashValue');
    expect(hash?.placeholderAssignment).toBe('order');
    expect(result.catalog['InvalidHashValue.message']).toBe('Hashvärdet {{hash}} är ogiltigt.');
    expect(result.catalog['ODataError.message']).toBe('Ogiltig OData URI-fråga {{error}}.');
    expect(result.catalog['InvalidUrl.message']).toBe(`[TODO sv-SE] ${source['InvalidUrl.message']}`);
    expect(result.rows.find((row) => row.code === 'InvalidUrl')?.notes).toEqual([
      'the page\'s message has 0 placeholders but InvalidUrl has 1 parameter (url): the en-US text is marked for translation; the page says "URL-adressen är ogiltig."',
    ]);
    expect(result.catalog['Unauthorized.hint']).toBe('Detta orsakas vanligtvis av ett ogiltigt eller utgånget auktoriseringshuvud.');
    expect(result.catalog['TooManyRequests.message']).toBe('API-kvoten har nåtts.');
    expect(result.catalog['DisabledFeature.message']).toBe(`[TODO sv-SE] ${source['DisabledFeature.message']}`);
    const report = formatImportReport(result, 'learn-sv-SE.md', undefined);
    expect(report).toContain('Rows: 19 of 20 mapped');
    expect(report).toContain('Could not map 1 row:\n  row 16 (line 45) "Konflikt": no code of that name, and no unmatched code with status 409 fits its place; its text was not used');
    expect(result.problems.filter((problem) => problem.severity === 'error' && problem.kind !== 'untranslated')).toEqual([]);
  });

  it('warns when the page says another language than --lng', () => {
    expect(importLearnPage(seed, { lng: 'nb-NO', source }).warnings).toEqual(["the page's ms.contentlocale is da-DK, but the catalog is for nb-NO"]);
  });
});

describe('hostile or odd pages', () => {
  const table = (rows: string) => `Code | Status | Message\n-|-|-\n${rows}\n`;

  it('never writes i18next syntax from the page into the catalog', () => {
    const page = table(
      [
        'InvalidHashValue | BadRequest (400) | $t(label.copy) \\<the invalid hash\\>',
        'InvalidUrl | BadRequest (400) | {{- url}} er ugyldig',
        'BadRequest | BadRequest (400) | Ugyldig {{lng}} anmodning',
        'Unauthorized | Unauthorized (401) | Nej <br />*Note: $t(x)*',
      ].join('\n'),
    );
    const result = importLearnPage(page, { lng: 'da-DK', source });
    expect(result.catalog['InvalidHashValue.message']).toBe(`[TODO da-DK] ${source['InvalidHashValue.message']}`);
    // `{{- url}}` is a placeholder like any other: it becomes the safe `{{url}}`.
    expect(result.catalog['InvalidUrl.message']).toBe('{{url}} er ugyldig');
    expect(result.catalog['BadRequest.message']).toBe(`[TODO da-DK] ${source['BadRequest.message']}`);
    expect(result.catalog['Unauthorized.hint']).toBe(`[TODO da-DK] ${source['Unauthorized.hint']}`);
    expect(result.rows.map((row) => row.notes.length)).toEqual([1, 0, 1, 1]);
    expect(Object.values(result.catalog).filter((text) => text.includes('$t(') || /\{\{\s*-/.test(text))).toEqual([]);
    expect(result.problems.filter((problem) => problem.kind !== 'untranslated')).toEqual([]);
  });

  it('escapes control characters from the page in the report', () => {
    const page = table('Bad\u001b[2JRequest\u202e | Teapot (418) | x');
    const report = formatImportReport(importLearnPage(page, { lng: 'da-DK', source }), 'page.md', undefined);
    for (const raw of ['\u001b', '\u202e']) expect(report).not.toContain(raw);
    expect(report).toContain('Bad\\x1b[2JRequest\\u202e');
  });

  it('finds no table in a page without one, and survives junk', () => {
    expect(importLearnPage('# Nothing here\n\njust text | with a pipe\n', { lng: 'da-DK', source }).rows).toEqual([]);
    for (const junk of ['', '|', '-|-|-', '\\<'.repeat(10_000), `a | b | c\n-|-|-\n${'{'.repeat(50_000)} | ( | \\<`]) {
      expect(() => importLearnPage(junk, { lng: 'da-DK', source })).not.toThrow();
    }
  });
});

describe('page parsing pieces', () => {
  it('splits rows at unescaped pipes, with or without outer pipes, and skips tables in code blocks', () => {
    const page = ['---', 'ms.contentlocale: "sv-SE"', '---', '', '```', '| Kod | Status | Text |', '|---|---|---|', '| Fel | 500 | nej |', '```', '', 'Kod | Status | Text', '---|---|---', 'A | Forbudt (403) | b \\| c', '| B | 404 | d |'].join('\n');
    expect(parseLearnPage(page)).toEqual({
      contentLocale: 'sv-SE',
      rows: [
        { number: 1, line: 13, codeText: 'A', status: 403, statusText: 'Forbudt', messageCell: 'b \\| c' },
        { number: 2, line: 14, codeText: 'B', status: 404, statusText: '404', messageCell: 'd' },
      ],
    });
  });

  it('reads the status from the status cell', () => {
    expect(statusOf('Blev ikke fundet (404)')).toBe(404);
    expect(statusOf('429')).toBe(429);
    expect(statusOf('Forbudt')).toBeUndefined();
  });

  it('turns inline markdown into text', () => {
    expect(markdownToText('*Bemærk!* [kontakt Microsoft](../x.md) , \\*ikke\\* `kode` client_id &amp; _mere_')).toBe('Bemærk! kontakt Microsoft, *ikke* kode client_id & mere');
  });

  it('reads placeholders in every form the pages use, and notes after <br />', () => {
    const cell = readMessageCell('A \\<one\\>, B &lt;two&gt;, C {three}, D <four>, E {{five}} <br><br/>*Note: six*');
    expect(cell.placeholders).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(fillSlots(cell.message ?? '', ['a', 'b', 'c', 'd', 'e'])).toBe('A {{a}}, B {{b}}, C {{c}}, D {{d}}, E {{e}}');
    expect(cell.note).toBe('Six.');
  });

  it('rates translated codes by letter pairs', () => {
    expect(similarity('InvalidRequestVirkey', 'InvalidRequestBody')).toBeGreaterThan(similarity('InvalidRequestVirkey', 'InvalidInput'));
    expect(similarity('', 'x')).toBe(0);
  });

  it('skips code blocks and prefers the table with statuses', () => {
    const page = parseLearnPage(readFileSync(join(FIXTURES, 'learn-sv-SE.md'), 'utf8'));
    expect(page.contentLocale).toBe('sv-SE');
    expect(page.rows[0]?.line).toBe(30);
    expect(page.rows).toHaveLength(20);
  });
});
