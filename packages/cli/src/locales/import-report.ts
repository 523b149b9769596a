import { escapeTerminalText } from '@defender-errors/node';
import { padToWidth } from './display-width';
import type { ImportResult } from './import-page';

/** A row of the report; the cells are escaped before they are padded, so that the columns line up as printed. */
function describeRowLine(row: ImportResult['rows'][number]): string {
  const written = escapeTerminalText(`${row.row.codeText} (${row.row.status ?? '?'})`);
  const target = row.code ?? 'NOT MAPPED';
  return `  row ${String(row.row.number).padStart(2)}  ${padToWidth(written, 36)} -> ${target.padEnd(26)} ${row.reason}`;
}

/**
 * The readable report of `locales import`: every row and what became of it, then the entries still
 * to translate. The row columns are padded by terminal columns, so full-width text lines up.
 */
export function formatImportReport(result: ImportResult, pageName: string, written: string | undefined): string {
  const mapped = result.rows.filter((row) => row.code !== undefined).length;
  const lines: string[] = [
    `Imported ${pageName}${result.contentLocale === undefined ? '' : ` (ms.contentlocale ${result.contentLocale})`} as a draft ${result.lng} catalog.`,
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  lines.push('', `Rows: ${mapped} of ${result.rows.length} mapped`);
  for (const row of result.rows) {
    lines.push(describeRowLine(row));
    for (const placeholder of row.placeholders) {
      lines.push(`            <${placeholder.description}> -> {{${placeholder.param}}} (by ${row.placeholderAssignment ?? 'order'})`);
    }
    if (row.hint !== undefined) lines.push(`            note -> ${row.code}.hint: "${row.hint}"`);
    for (const note of row.notes) lines.push(`            ${note}`);
  }
  const unmapped = result.rows.filter((row) => row.code === undefined);
  if (unmapped.length > 0) {
    lines.push('', `Could not map ${unmapped.length} row${unmapped.length === 1 ? '' : 's'}:`);
    for (const row of unmapped) lines.push(`  row ${row.row.number} (line ${row.row.line}) "${row.row.codeText}": ${row.reason}; its text was not used`);
  }
  if (result.codesNotOnPage.length > 0) {
    lines.push('', `Not on the page (entries taken from en-US, marked for translation): ${result.codesNotOnPage.join(', ')}`);
  }
  lines.push('', `From the page: ${result.fromPage.length} entries (${result.fromPage.join(', ')})`);
  lines.push(`Marked "[TODO ${result.lng}] " for translation: ${result.marked.length} entries (${result.marked.join(', ')})`);
  if (result.statusTexts.length > 0) {
    lines.push(`Status texts on the page (suggestions for the titles): ${result.statusTexts.map((entry) => `${entry.status} "${entry.text}"`).join(', ')}`);
  }
  const untranslated = result.problems.filter((problem) => problem.kind === 'untranslated').length;
  const others = result.problems.filter((problem) => problem.kind !== 'untranslated');
  lines.push(`Check: ${untranslated} entries not translated yet (expected in a draft)${others.length === 0 ? '; no other problems.' : ':'}`);
  for (const problem of others) lines.push(`  ${problem.severity}: ${problem.message}`);
  if (written !== undefined) lines.push('', `Wrote ${written}. Next: translate the marked entries, then run 'defender-errors locales check'.`);
  return `${lines.map(escapeTerminalText).join('\n')}\n`;
}

/** The report of `locales import --json`: every row and what became of it, as plain data. */
export function importReportJson(result: ImportResult, written: string | undefined): unknown {
  return {
    lng: result.lng,
    contentLocale: result.contentLocale ?? null,
    written: written ?? null,
    rows: result.rows.map((row) => ({
      row: row.row.number,
      line: row.row.line,
      written: row.row.codeText,
      status: row.row.status ?? null,
      code: row.code ?? null,
      match: row.match ?? null,
      reason: row.reason,
      placeholders: row.placeholders,
      placeholderAssignment: row.placeholderAssignment ?? null,
      message: row.message ?? null,
      hint: row.hint ?? null,
      notes: row.notes,
    })),
    codesNotOnPage: result.codesNotOnPage,
    fromPage: result.fromPage,
    marked: result.marked,
    statusTexts: result.statusTexts,
    warnings: result.warnings,
    problems: result.problems,
  };
}

