/** One row of the error-code table of a Microsoft Learn page, as written on the page. */
export interface PageTableRow {
  /** 1-based position among the table's rows. */
  readonly number: number;
  /** 1-based line of the row in the page. */
  readonly line: number;
  /** The code cell as plain text (it may be machine-translated: `Uautoriseret`). */
  readonly codeText: string;
  /** The HTTP status, when the status cell has one (`Forbudt (403)` -> 403). */
  readonly status: number | undefined;
  /** The status cell's text without the number (`Forbudt`). */
  readonly statusText: string;
  /** The message cell, raw markdown. */
  readonly messageCell: string;
}

/** What {@link parseLearnPage} reads from a page. */
export interface LearnPage {
  /** `ms.contentlocale` of the front matter (`da-DK`), when present. */
  readonly contentLocale: string | undefined;
  /** The rows of the error-code table; empty when the page has none. */
  readonly rows: readonly PageTableRow[];
}

/** The largest page read: 2 MiB (the real pages are about 6 KiB). */
export const MAX_PAGE_LENGTH = 2 * 1024 * 1024;

const HTML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities a Learn page uses (`&amp;`, `&lt;`, `&nbsp;`, `&#39;`, `&#x2F;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,6});/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff) ? String.fromCodePoint(codePoint) : entity;
    }
    const lower = name.toLowerCase();
    return Object.hasOwn(HTML_ENTITIES, lower) ? (HTML_ENTITIES[lower] ?? entity) : entity;
  });
}

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * Inline markdown to plain text: links and images become their text, emphasis and code markers
 * go, backslash escapes and entities are decoded, whitespace is collapsed and a space before a
 * comma or full stop is removed. An intraword `_` (`client_id`) is kept.
 */
export function markdownToText(markdown: string): string {
  const linked = markdown.replace(/!?\[([^[\]\n]{0,300})\]\([^()\n]{0,500}\)/g, '$1');
  let text = '';
  for (let index = 0; index < linked.length; index += 1) {
    const char = linked[index] as string;
    const next = linked[index + 1];
    if (char === '\\' && next !== undefined && ASCII_PUNCTUATION.includes(next)) {
      text += next;
      index += 1;
    } else if (char === '*' || char === '`') {
      continue;
    } else if (char === '_' && !(isWordCharacter(linked[index - 1]) && isWordCharacter(next))) {
      continue;
    } else {
      text += char;
    }
  }
  return decodeEntities(text)
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])(?=\s|$)/g, '$1')
    .trim();
}

/** Splits a table row at its unescaped pipes; the outer pipes are optional. Escapes stay in the cells. */
export function splitTableRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] as string;
    if (char === '\\' && line[index + 1] === '|') {
      cell += '\\|';
      index += 1;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|') && cells.length > 0) cells.pop();
  return cells;
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = splitTableRow(line);
  return cells.length >= 2 && cells.every((cell) => /^:?-+:?$/.test(cell));
}

/** The HTTP status in a status cell: `BadRequest (400)` -> 400, `404` -> 404. */
export function statusOf(cell: string): number | undefined {
  const match = /\((\d{3})\)/.exec(cell) ?? /(?:^|\D)(\d{3})(?!\d)/.exec(cell);
  if (!match?.[1]) return undefined;
  const status = Number(match[1]);
  return status >= 100 && status <= 599 ? status : undefined;
}

interface RawTable {
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  readonly columns: number;
}

function readTables(lines: readonly string[], firstLine: number): RawTable[] {
  const tables: RawTable[] = [];
  let fence: string | undefined;
  for (let index = firstLine; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch?.[1]) {
      const marker = fenceMatch[1];
      if (fence === undefined) fence = marker[0] as string;
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const delimiter = lines[index + 1];
    if (!line.includes('|') || delimiter === undefined || !isDelimiterRow(delimiter)) continue;
    const columns = splitTableRow(line).length;
    const rows: { line: number; cells: string[] }[] = [];
    let rowIndex = index + 2;
    for (; rowIndex < lines.length; rowIndex += 1) {
      const row = lines[rowIndex] as string;
      if (row.trim() === '' || !row.includes('|')) break;
      rows.push({ line: rowIndex + 1, cells: splitTableRow(row) });
    }
    tables.push({ rows, columns });
    index = rowIndex - 1;
  }
  return tables;
}

function frontMatter(lines: readonly string[]): { contentLocale: string | undefined; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { contentLocale: undefined, bodyStart: 0 };
  let contentLocale: string | undefined;
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (line.trim() === '---') return { contentLocale, bodyStart: index + 1 };
    const match = /^ms\.contentlocale:\s*(\S.*)$/i.exec(line);
    if (match?.[1]) contentLocale = match[1].trim().replace(/^["']|["']$/g, '');
  }
  return { contentLocale: undefined, bodyStart: 0 };
}

/**
 * Reads a localized Microsoft Learn page of the error-code table: its `ms.contentlocale` and the
 * rows of the table that has an HTTP status in most rows (`Fejlkode | HTTP-statuskode | Meddelelse`).
 * Code blocks are skipped. Linear in the page's length; never throws.
 */
export function parseLearnPage(markdown: string): LearnPage {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { contentLocale, bodyStart } = frontMatter(lines);
  let best: { table: RawTable; statusColumn: number; score: number } | undefined;
  for (const table of readTables(lines, bodyStart)) {
    if (table.columns < 3) continue;
    const hits = Array.from({ length: table.columns }, (_, column) => table.rows.filter((row) => statusOf(row.cells[column] ?? '') !== undefined).length);
    const score = Math.max(...hits);
    if (score > 0 && (best === undefined || score > best.score)) best = { table, statusColumn: hits.indexOf(score), score };
  }
  if (best === undefined) return { contentLocale, rows: [] };
  const { table, statusColumn } = best;
  const codeColumn = statusColumn === 0 ? 1 : 0;
  let messageColumn = table.columns - 1;
  while (messageColumn === statusColumn || messageColumn === codeColumn) messageColumn -= 1;
  const rows = table.rows.map((row, index): PageTableRow => {
    const statusCell = row.cells[statusColumn] ?? '';
    return {
      number: index + 1,
      line: row.line,
      codeText: markdownToText(row.cells[codeColumn] ?? ''),
      status: statusOf(statusCell),
      statusText: markdownToText(statusCell.replace(/\(\d{3}\)/, '')),
      messageCell: row.cells[messageColumn] ?? '',
    };
  });
  return { contentLocale, rows };
}
