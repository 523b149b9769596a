import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@defender-errors/core';
import { resources } from '@defender-errors/i18n';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/io';
import { importLearnPage } from './import-page';
import { formatImportReport } from './import-report';
import { parseLearnPage } from './learn-page';

const source = resources['en-US'].errors as Readonly<Record<string, string>>;

/** The real Learn pages of fixtures/ (see its README), by file name: `learn-<lng>-<plain|bilingual>.md`. */
const REAL_PAGES = readdirSync(FIXTURES).filter((name) => /^learn-[\w-]+-(?:plain|bilingual)\.md$/.test(name));
const CODE_ECHO = new RegExp(`[(（](?:${ERROR_CODES.join('|')})[)）]`);
const PERIOD_AFTER_SENTENCE_END = /[。！？．｡؟۔!?…]\.$|\.\.$/u;
/** A Latin full stop after Chinese or Japanese text or full-width punctuation, where `。` belongs. */
const LATIN_STOP_AFTER_IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]\.$/u;
/** A space after full-width punctuation or an opening bracket, or before a closing one: the punctuation has its own space. */
const SPACE_AT_WIDE_PUNCTUATION = /[、。，．：；！？「『（] | [、。，．：；！？」』）]/u;
const MARKUP = /<\/?span|data-[st]tu-id|sxs-lookup/;

/** Terminal columns, measured apart from the report's own code: 2 for Hangul, CJK and full-width forms, 0 for combining marks. */
function columns(text: string): number {
  return [...text].reduce((sum, char) => sum + (/\p{M}/u.test(char) ? 0 : /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1), 0);
}

/** The page with its error-code table (header to last row) moved into a container: each table line `prefix`ed, after `intro`. */
function withTableIn(markdown: string, rowLines: readonly number[], intro: string, prefix: string): string {
  const lines = markdown.split('\n');
  const first = (rowLines[0] ?? 0) - 3;
  const last = (rowLines.at(-1) ?? 0) - 1;
  const table = lines.slice(first, last + 1).map((line) => `${prefix}${line}`);
  return [...lines.slice(0, first), ...intro.split('\n'), ...table, ...lines.slice(last + 1)].join('\n');
}

/** The code an English `sxs-lookup` span of a row's first cell names, read from the raw line. */
function englishCodeOfLine(line: string): string | undefined {
  return /<span data-stu-id="[^"]*">([A-Za-z]+)<\/span><\/span>/.exec(line)?.[1];
}

describe.each(REAL_PAGES)('the real Learn page %s', (name) => {
  const markdown = readFileSync(join(FIXTURES, name), 'utf8');
  const lines = markdown.split('\n');
  const lng = Intl.getCanonicalLocales(parseLearnPage(markdown).contentLocale ?? '')[0] ?? '';
  const result = importLearnPage(markdown, { lng, source });
  const report = formatImportReport(result, name, undefined);

  it('maps every row, each to the code the page names (its English text), in the order of the code table', () => {
    const rows = result.rows.length;
    expect(rows).toBeGreaterThanOrEqual(19);
    expect(report).toContain(`Rows: ${rows} of ${rows} mapped`);
    expect(result.rows.map((row) => row.code)).toEqual(ERROR_CODES.slice(0, rows));
    for (const row of result.rows) {
      const english = englishCodeOfLine(lines[row.row.line - 1] ?? '');
      if (name.endsWith('-bilingual.md')) expect([row.code, row.match]).toEqual([english, 'code']);
      if ((ERROR_CODES as readonly string[]).includes(row.row.codeText)) expect(row.code).toBe(row.row.codeText);
    }
    expect(result.warnings).toEqual([]);
  });

  it('takes plain text: no span markup, no code echo, no full stop after an ended sentence or a Latin one after ideographs, no space at full-width punctuation', () => {
    const texts = [...result.fromPage.map((key) => result.catalog[key] ?? ''), ...result.rows.map((row) => row.row.codeText), ...result.statusTexts.map((entry) => entry.text)];
    const faults = [MARKUP, CODE_ECHO, PERIOD_AFTER_SENTENCE_END, LATIN_STOP_AFTER_IDEOGRAPHS, SPACE_AT_WIDE_PUNCTUATION];
    expect(texts.filter((text) => faults.some((fault) => fault.test(text)))).toEqual([]);
    expect(report).not.toMatch(MARKUP);
    expect(result.fromPage.length).toBeGreaterThanOrEqual(15);
  });

  it("suggests status texts without the status number, however the cell places it (`禁止 (403)`, `在 404 (未找到)`)", () => {
    expect(result.statusTexts.length).toBeGreaterThanOrEqual(4);
    expect(result.statusTexts.filter((entry) => /\d{3}|[()（）]/u.test(entry.text))).toEqual([]);
  });

  it('lines up the columns of the report by terminal columns, full-width text included', () => {
    const rowLines = report.split('\n').filter((line) => line.startsWith('  row '));
    expect(rowLines).toHaveLength(result.rows.length);
    const arrows = rowLines.map((line) => columns(line.slice(0, line.indexOf(' -> '))));
    const reasons = rowLines.map((line, index) => columns(line.slice(0, line.lastIndexOf(result.rows[index]?.reason ?? '\u0000'))));
    expect(new Set(arrows)).toEqual(new Set([arrows[0]]));
    expect(new Set(reasons)).toEqual(new Set([reasons[0]]));
  });

  describe.each([
    ['indented under a numbered list item', '1. Call the API.\n', '    '],
    ['indented under a bulleted list item', '- Call the API.\n', '  '],
    ['indented under a list item nested in another', '1. Call the API.\n\n   - Read the error.\n', '     '],
    ['in a blockquote', '> The codes:\n>', '> '],
  ])('with its table %s', (_where, intro, prefix) => {
    const moved = withTableIn(markdown, result.rows.map((row) => row.row.line), `${intro}\n`, prefix);
    const shift = moved.split('\n').length - lines.length;

    it('reads the same rows, on their new lines, and maps them as on the page', () => {
      const page = parseLearnPage(moved);
      expect(page.rows).toEqual(parseLearnPage(markdown).rows.map((row) => ({ ...row, line: row.line + shift })));
      const imported = importLearnPage(moved, { lng, source });
      expect(imported.rows.map((row) => [row.code, row.match, row.message])).toEqual(result.rows.map((row) => [row.code, row.match, row.message]));
      expect(imported.catalog).toEqual(result.catalog);
    });
  });

  it('reads no table indented past the content of its list item (an indented code block)', () => {
    const coded = withTableIn(markdown, result.rows.map((row) => row.row.line), '- Call the API.\n\n', '      ');
    expect(parseLearnPage(coded).rows).toEqual([]);
  });
});

describe('bilingual span markup', () => {
  const page = readFileSync(join(FIXTURES, 'learn-ja-JP-bilingual.md'), 'utf8');

  it('names a row it cannot map, with the English text and the reason', () => {
    const teapot =
      '<span data-ttu-id="x-1">ティーポット</span><span class="sxs-lookup"><span data-stu-id="x-1">Teapot</span></span> | <span data-ttu-id="x-2">ティーポット (418)</span><span class="sxs-lookup"><span data-stu-id="x-2">Teapot (418)</span></span> | <span data-ttu-id="x-3">私はティーポットです。</span><span class="sxs-lookup"><span data-stu-id="x-3">I am a teapot.</span></span>';
    const withTeapot = page.replace(/^(<span data-ttu-id="ec5b5-175">.*)$/m, `${teapot}\n$1`);
    const result = importLearnPage(withTeapot, { lng: 'ja-JP', source });
    const report = formatImportReport(result, 'page.md', undefined);
    expect(report).toContain('Rows: 19 of 20 mapped');
    expect(report).toMatch(
      /Could not map 1 row:\n {2}row 19 \(line \d+\) "ティーポット": no code of that name, nor of its English text "Teapot", and no unmatched code with status 418 fits its place; its text was not used/,
    );
  });

  it('matches a row by its English message when its code cell names no code', () => {
    const renamed = page.replace('<span data-stu-id="ec5b5-130">InvalidHashValue</span>', '<span data-stu-id="ec5b5-130">Hash</span>').replace('">InvalidHashValue<', '">ハッシュ<');
    const row = importLearnPage(renamed, { lng: 'ja-JP', source }).rows[4];
    expect([row?.row.codeText, row?.code, row?.reason]).toEqual(['ハッシュ', 'InvalidHashValue', "the page's English message is InvalidHashValue's wire wording"]);
  });
});

describe('the real ar-SA page: Arabic punctuation and code echoes', () => {
  const page = readFileSync(join(FIXTURES, 'learn-ar-SA-plain.md'), 'utf8');
  const unauthorizedRow = 'غير مصرح به|غير مصرح به (401)|غير مصرح به (رأس تخويل غير صالح أو منتهية الصلاحية).';
  const importPage = (markdown: string) => importLearnPage(markdown, { lng: 'ar-SA', source });

  it('keeps the parentheses of a message that are text, not a code echo', () => {
    expect(page).toContain(unauthorizedRow);
    const result = importPage(page);
    expect(result.catalog['Unauthorized.message']).toBe('غير مصرح به (رأس تخويل غير صالح أو منتهية الصلاحية).');
    expect(result.catalog['InternalServerError.message']).toBe('(لا توجد رسالة خطأ، إعادة محاولة العملية)');
  });

  it('removes a code echo from an Arabic code cell and message, and matches the row by it', () => {
    const echoed = page.replace(unauthorizedRow, 'غير مصرح به (Unauthorized)|غير مصرح به (401)|غير مصرح به (Unauthorized) (رأس تخويل غير صالح أو منتهية الصلاحية).');
    const row = importPage(echoed).rows[12];
    expect([row?.row.codeText, row?.row.echoedCode, row?.code, row?.message]).toEqual(['غير مصرح به', 'Unauthorized', 'Unauthorized', 'غير مصرح به (رأس تخويل غير صالح أو منتهية الصلاحية).']);
  });

  it.each([
    ['؟', 'ملاحظة: هل رأس التخويل غير صالح أو منتهي الصلاحية؟', 'هل رأس التخويل غير صالح أو منتهي الصلاحية؟'],
    ['۔', 'ملاحظة: يحدث عادة بسبب رأس تخويل غير صالح أو منتهية الصلاحية۔', 'يحدث عادة بسبب رأس تخويل غير صالح أو منتهية الصلاحية۔'],
    ['no', 'ملاحظة: يحدث عادة بسبب رأس تخويل غير صالح أو منتهية الصلاحية', 'يحدث عادة بسبب رأس تخويل غير صالح أو منتهية الصلاحية.'],
  ])('ends a note with %s sentence end as written, adding a full stop only where it has none', (_end, note, hint) => {
    const withNote = page.replace(unauthorizedRow, `غير مصرح به|غير مصرح به (401)|غير مصرح به <br /><br />*${note}*`);
    expect(importPage(withNote).catalog['Unauthorized.hint']).toBe(hint);
  });

  it('takes no space before an Arabic comma or semicolon', () => {
    const spaced = page.replace('{حجم الدفعة تم استلامه}، مسموح به: {حجم الدفعة مسموح}.', '{حجم الدفعة تم استلامه} ، مسموح به: {حجم الدفعة مسموح} ؛ انظر الحد.');
    expect(importPage(spaced).catalog['MaximumBatchSizeExceeded.message']).toBe('تم تجاوز الحد الأقصى لحجم الدفعة. تم استلامه: {{received}}، مسموح به: {{allowed}}؛ انظر الحد.');
  });
});
