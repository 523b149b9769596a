import type { TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parse as parseYaml } from 'yaml';

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

/**
 * The largest page read: 256 KiB (the real pages are about 6 KiB). micromark is linear but takes
 * about 15 µs per character of hostile input, so this bounds a parse to a few seconds.
 */
export const MAX_PAGE_LENGTH = 256 * 1024;

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

/** The markdown of a table cell as written (escapes kept), without its pipes and surrounding spaces. */
function cellMarkdown(markdown: string, cell: TableCell): string {
  const first = cell.children[0]?.position?.start.offset;
  const last = cell.children.at(-1)?.position?.end.offset;
  return first === undefined || last === undefined ? '' : markdown.slice(first, last).trim();
}

/** The page's GFM tables (a table in a code block is code, not a table) and its YAML front matter. */
function readPage(markdown: string): { tables: RawTable[]; yaml: string | undefined } {
  const tree = fromMarkdown(markdown, {
    extensions: [gfmTable(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const tables: RawTable[] = [];
  let yaml: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'yaml') yaml = node.value;
    if (node.type !== 'table') continue;
    const [header, ...rows] = node.children;
    tables.push({
      columns: header?.children.length ?? 0,
      rows: rows.map((row) => ({ line: row.position?.start.line ?? 0, cells: row.children.map((cell) => cellMarkdown(markdown, cell)) })),
    });
  }
  return { tables, yaml };
}

/** `ms.contentlocale` of the front matter, when it is there and readable. */
function contentLocaleOf(yaml: string | undefined): string | undefined {
  if (yaml === undefined) return undefined;
  try {
    const data = parseYaml(yaml) as unknown;
    if (typeof data !== 'object' || data === null) return undefined;
    const entry = Object.entries(data).find(([key]) => key.toLowerCase() === 'ms.contentlocale');
    return typeof entry?.[1] === 'string' && entry[1].trim() !== '' ? entry[1].trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a localized Microsoft Learn page of the error-code table: its `ms.contentlocale` and the
 * rows of the table that has an HTTP status in most rows (`Fejlkode | HTTP-statuskode | Meddelelse`).
 * The markdown is parsed by micromark (GFM tables, YAML front matter); never throws.
 */
export function parseLearnPage(markdown: string): LearnPage {
  const { tables, yaml } = readPage(markdown.replace(/^\uFEFF/, ''));
  const contentLocale = contentLocaleOf(yaml);
  let best: { table: RawTable; statusColumn: number; score: number } | undefined;
  for (const table of tables) {    if (table.columns < 3) continue;
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
