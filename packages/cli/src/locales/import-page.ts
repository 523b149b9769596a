import { ERROR_CODES, fallbackCodeForStatus, getErrorDefinition, type ErrorCode } from '@defender-errors/core';
import type { CatalogProblem } from '@defender-errors/i18n';
import { placeholderNames, validateCatalog } from '@defender-errors/i18n/tooling';
import { parseLearnPage, type PageTableRow } from './learn-page';
import { matchRows, plural, squash, type Assignment, type RowFacts, type RowMatch } from './row-matching';
import { fillSlots, readMessageCell } from './message-cell';
import { draftEntries, markForTranslation } from './scaffold';

export { similarity, type RowMatch } from './row-matching';

/** One placeholder of a row and the parameter it became. */
export interface PlaceholderMapping {
  /** The page's description: `the invalid hash`. */
  readonly description: string;
  /** The parameter name: `hash`. */
  readonly param: string;
}

/** What the importer did with one row of the page's table. */
export interface ImportedRow {
  readonly row: PageTableRow;
  /** The code the row was matched to; `undefined` when it could not be mapped. */
  readonly code: ErrorCode | undefined;
  readonly match: RowMatch | undefined;
  /** Why the row was (or was not) matched, in a sentence. */
  readonly reason: string;
  readonly placeholders: readonly PlaceholderMapping[];
  /** How the placeholders were assigned: by the parameter's name in the description, else in order. */
  readonly placeholderAssignment: 'name' | 'order' | undefined;
  /** The message taken from the page, when it could be used. */
  readonly message: string | undefined;
  /** The hint taken from the page's note, when it could be used. */
  readonly hint: string | undefined;
  /** What of the row could not be used, and why. */
  readonly notes: readonly string[];
}

/** The outcome of {@link importLearnPage}. */
export interface ImportResult {
  readonly lng: string;
  /** `ms.contentlocale` of the page, when present. */
  readonly contentLocale: string | undefined;
  /** The draft catalog, in en-US key order: page text where there is some, the rest marked for translation. */
  readonly catalog: Readonly<Record<string, string>>;
  readonly rows: readonly ImportedRow[];
  /** Codes no row was matched to (their entries are marked for translation). */
  readonly codesNotOnPage: readonly ErrorCode[];
  /** Keys whose text came from the page. */
  readonly fromPage: readonly string[];
  /** Keys taken from en-US and marked `[TODO <lng>]`. */
  readonly marked: readonly string[];
  /** Translated status texts seen on the page (`401 Uautoriseret`): suggestions for the titles. */
  readonly statusTexts: readonly { readonly status: number; readonly text: string }[];
  /** Things the translator should know about the page as a whole. */
  readonly warnings: readonly string[];
  /** The shared validator's verdict on the draft (marked entries are "not translated yet"). */
  readonly problems: readonly CatalogProblem[];
}

function wordPattern(name: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${name}(?:$|[^\\p{L}\\p{N}])`, 'iu');
}

/** Which parameter each placeholder description names: by name when every one names a different parameter, else in order. */
function assignPlaceholders(descriptions: readonly string[], params: readonly string[]): { names: string[]; by: 'name' | 'order' } {
  const byName = descriptions.map((description) => params.filter((param) => wordPattern(param).test(description)));
  const names = byName.map((found) => (found.length === 1 ? found[0] : undefined));
  if (names.every((name): name is string => name !== undefined) && new Set(names).size === names.length) return { names, by: 'name' };
  return { names: [...params], by: 'order' };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((name, index) => name === right[index]);
}

function unsafeReason(text: string, expected: readonly string[]): string | undefined {
  if (text.includes('$t(')) return 'it contains $t( nesting';
  if (/\{\{\s*-/.test(text)) return 'it contains {{- …}}';
  if (!sameSet(placeholderNames(text), expected)) return `its placeholders ${JSON.stringify(placeholderNames(text))} differ from the code's ${JSON.stringify(expected)}`;
  return undefined;
}

function convertRow(row: PageTableRow, assignment: Assignment, source: Readonly<Record<string, string>>): ImportedRow {
  const { code } = assignment;
  const params = getErrorDefinition(code).params;
  const cell = readMessageCell(row.messageCell);
  const notes: string[] = [];
  let message: string | undefined;
  let placeholders: PlaceholderMapping[] = [];
  let placeholderAssignment: 'name' | 'order' | undefined;
  if (cell.message === undefined) {
    notes.push('the page gives no message: the en-US text is marked for translation');
  } else if (cell.placeholders.length !== params.length) {
    notes.push(
      `the page's message has ${plural(cell.placeholders.length, 'placeholder')} but ${code} has ${plural(params.length, 'parameter')} (${params.join(', ') || 'none'}): the en-US text is marked for translation; the page says "${cell.message.replace(/\uE000\d+\uE001/g, '…')}"`,
    );
  } else {
    const { names, by } = assignPlaceholders(cell.placeholders, params);
    const text = fillSlots(cell.message, names);
    const problem = unsafeReason(text, params);
    if (problem === undefined) {
      message = text;
      placeholders = cell.placeholders.map((description, index) => ({ description, param: names[index] ?? '' }));
      placeholderAssignment = params.length === 0 ? undefined : by;
    } else {
      notes.push(`the page's message cannot be used (${problem}): the en-US text is marked for translation`);
    }
  }
  let hint: string | undefined;
  if (cell.note !== undefined) {
    const hintKey = `${code}.hint`;
    const problem = unsafeReason(cell.note, []);
    if (!Object.hasOwn(source, hintKey)) notes.push(`the page's note "${cell.note}" is not used: en-US has no ${hintKey}`);
    else if (problem !== undefined) notes.push(`the page's note cannot be used (${problem})`);
    else hint = cell.note;
  }
  return { row, code, match: assignment.match, reason: assignment.reason, placeholders, placeholderAssignment, message, hint, notes };
}

/** Options of {@link importLearnPage}. */
export interface ImportOptions {
  /** The language of the catalog to draft (canonical BCP 47). */
  readonly lng: string;
  /** The en-US catalog: the keys, their order, and the text of everything the page lacks. */
  readonly source: Readonly<Record<string, string>>;
}

/**
 * Turns a localized Microsoft Learn page of the error-code table into a draft catalog for `lng`.
 * Rows are matched to codes even where the page translated the code (by the code, by its place
 * between matched rows with a compatible status, or by status alone); placeholder descriptions
 * become the code's parameters (by the name they mention, else in order); notes become hints.
 * Everything the page does not have (titles, labels, missing hints and codes) is the en-US text
 * marked `[TODO <lng>]`, so the draft passes every check but "not translated yet".
 */
export function importLearnPage(markdown: string, options: ImportOptions): ImportResult {
  const { lng, source } = options;
  const page = parseLearnPage(markdown);
  const facts = page.rows.map(
    (row): RowFacts => ({
      row,
      placeholderCount: readMessageCell(row.messageCell).placeholders.length,
      englishMessage: row.englishMessageCell === undefined ? undefined : readMessageCell(row.englishMessageCell).message,
    }),
  );
  const assignments = matchRows(facts);
  const rows = facts.map(({ row }, index): ImportedRow => {
    const assignment = assignments.get(index);
    if (assignment) return convertRow(row, assignment, source);
    const named = row.englishCodeText === undefined ? 'no code of that name' : `no code of that name, nor of its English text "${row.englishCodeText}"`;
    const why = row.status === undefined ? `${named}, and no HTTP status to place it by` : `${named}, and no unmatched code with status ${row.status} fits its place`;
    return { row, code: undefined, match: undefined, reason: why, placeholders: [], placeholderAssignment: undefined, message: undefined, hint: undefined, notes: [] };
  });

  const taken = new Map<string, string>();
  for (const row of rows) {
    if (row.code === undefined) continue;
    if (row.message !== undefined) taken.set(`${row.code}.message`, row.message);
    if (row.hint !== undefined) taken.set(`${row.code}.hint`, row.hint);
  }
  const catalog: Record<string, string> = {};
  const fromPage: string[] = [];
  const marked: string[] = [];
  for (const [key, text] of draftEntries(lng, source)) {
    const value = taken.get(key);
    Object.defineProperty(catalog, key, { value: value ?? markForTranslation(lng, text), enumerable: true, writable: true, configurable: true });
    (value === undefined ? marked : fromPage).push(key);
  }

  const mappedCodes = new Set(rows.map((row) => row.code));
  const codesNotOnPage = ERROR_CODES.filter((code) => !mappedCodes.has(code));
  const statusTexts: { status: number; text: string }[] = [];
  for (const { row } of facts) {
    if (row.status === undefined || row.statusText === '') continue;
    const english = source[`${fallbackCodeForStatus(row.status)}.title`] ?? '';
    const isEnglish = squash(row.statusText) === squash(english) || ERROR_CODES.some((code) => squash(code) === squash(row.statusText));
    if (!isEnglish && !statusTexts.some((seen) => seen.status === row.status && seen.text === row.statusText)) {
      statusTexts.push({ status: row.status, text: row.statusText });
    }
  }
  const warnings: string[] = [];
  if (page.rows.length === 0) warnings.push('the page has no error-code table (a table with an HTTP status column)');
  if (page.contentLocale !== undefined && page.contentLocale.toLowerCase() !== lng.toLowerCase()) {
    warnings.push(`the page's ms.contentlocale is ${page.contentLocale}, but the catalog is for ${lng}`);
  }
  return {
    lng,
    contentLocale: page.contentLocale,
    catalog,
    rows,
    codesNotOnPage,
    fromPage,
    marked,
    statusTexts,
    warnings,
    problems: validateCatalog(lng, catalog, source),
  };
}
