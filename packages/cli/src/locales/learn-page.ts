import type { ErrorCode } from '@defender-errors/core';
import { splitBilingual } from './bilingual-spans';
import { withoutCodeEcho } from './code-text';
import { frontMatterValue, readMarkdownBlocks, type MarkdownTable } from './markdown-blocks';

/** One row of the error-code table of a Microsoft Learn page, as written on the page. */
export interface PageTableRow {
  /** 1-based position among the table's rows. */
  readonly number: number;
  /** 1-based line of the row in the page. */
  readonly line: number;
  /** The code cell as plain text (it may be machine-translated: `Uautoriseret`), without a code echo. */
  readonly codeText: string;
  /** The code the code cell echoes in parentheses (`権限がありません (Unauthorized)`), when it does. */
  readonly echoedCode?: ErrorCode | undefined;
  /** The English code cell of a page in bilingual span markup, as plain text. */
  readonly englishCodeText?: string | undefined;
  /** The English message cell of a page in bilingual span markup, raw markdown. */
  readonly englishMessageCell?: string | undefined;
  /** The HTTP status, when the status cell has one (`Forbudt (403)` -> 403). */
  readonly status: number | undefined;
  /** The status cell's text without the number (`Forbudt`). */
  readonly statusText: string;
  /** The message cell, raw markdown (the translated text of a bilingual page), without a code echo. */
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
 * The largest page read: 2 MiB of characters (the real pages are 3 to 18 KiB). The page is read in
 * linear time (bench/import-scale.mjs), so this bounds an import to well under a second.
 */
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

const KNOWN_HTML_TAGS = new Set(['a', 'abbr', 'b', 'br', 'code', 'div', 'em', 'i', 'kbd', 'p', 'small', 'span', 'strong', 'sub', 'sup', 'u']);
const HTML_TAG = /<\/?([a-z][a-z\d]*)\b[^<>]{0,200}>/iy;

/** The HTML tag of a kind pages use (`<br />`, `<span …>`, `</span>`) that starts at `index`, if one does. */
export function htmlTagAt(text: string, index: number): { name: string; length: number } | undefined {
  HTML_TAG.lastIndex = index;
  const tag = HTML_TAG.exec(text);
  const name = tag?.[1]?.toLowerCase();
  return tag && name !== undefined && KNOWN_HTML_TAGS.has(name) ? { name, length: tag[0].length } : undefined;
}

/** Punctuation of East Asian scripts that takes no space before it (`無効です 。` -> `無効です。`; runs of spaces are collapsed first). */
const SPACE_BEFORE_WIDE_PUNCTUATION = / ([、。，．：；！？」』）])/gu;
/** Full-width punctuation and opening brackets take no space after them either (`大小。 Received` -> `大小。Received`, `（ 如果` -> `（如果`). */
const SPACE_AFTER_WIDE_PUNCTUATION = /([、。，．：；！？「『（]) /gu;

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * Inline markdown to plain text: links and images become their text, emphasis and code markers
 * and HTML tags go, backslash escapes and entities are decoded, whitespace is collapsed, a space
 * before a comma, semicolon or full stop (`,` `.`, the Arabic `،` `؛`, or `。`, `、`…) is removed,
 * and so is one after full-width punctuation or an opening bracket (`。`, `：`, `（`…). An
 * intraword `_` (`client_id`) is kept.
 */
export function markdownToText(markdown: string): string {
  const linked = markdown.replace(/!?\[([^[\]\n]{0,300})\]\([^()\n]{0,500}\)/g, '$1');
  let text = '';
  for (let index = 0; index < linked.length; index += 1) {
    const char = linked[index] as string;
    const next = linked[index + 1];
    const tag = char === '<' ? htmlTagAt(linked, index) : undefined;
    if (tag !== undefined) {
      text += ' ';
      index += tag.length - 1;
    } else if (char === '\\' && next !== undefined && ASCII_PUNCTUATION.includes(next)) {
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
    .replace(/ ([,.،؛])(?=\s|$)/gu, '$1')
    .replace(SPACE_BEFORE_WIDE_PUNCTUATION, '$1')
    .replace(SPACE_AFTER_WIDE_PUNCTUATION, '$1')
    .trim();
}

/** The HTTP status in a status cell: `BadRequest (400)` -> 400, `404` -> 404. */
export function statusOf(cell: string): number | undefined {
  const match = /\((\d{3})\)/.exec(cell) ?? /(?:^|\D)(\d{3})(?!\d)/.exec(cell);
  if (!match?.[1]) return undefined;
  const status = Number(match[1]);
  return status >= 100 && status <= 599 ? status : undefined;
}

/**
 * The words of a status cell without its number: `Forbudt (403)` -> `Forbudt`, and where the
 * number comes first and the words follow in brackets, the words: `404 (未找到)` and `在 404 (未找到)`
 * -> `未找到`.
 */
export function statusWords(cell: string): string {
  const bracketed = /\d{3} {0,3}[(（]([^()（）]{1,100})[)）]/u.exec(cell)?.[1];
  return bracketed ?? cell.replace(/[(（]\d{3}[)）]/u, '');
}

/** A table cell of either markup: the translated text, and the English one of a bilingual page. */
function cellTexts(cell: string): { text: string; english: string | undefined } {
  const bilingual = splitBilingual(cell);
  return bilingual === undefined ? { text: cell, english: undefined } : { text: bilingual.translated, english: bilingual.english };
}

/** The table with an HTTP status in most rows, and which of its columns are the code, the status and the message. */
function errorCodeTable(tables: readonly MarkdownTable[]): { table: MarkdownTable; code: number; status: number; message: number } | undefined {
  let best: { table: MarkdownTable; status: number; score: number } | undefined;
  for (const table of tables) {
    if (table.columns < 3) continue;
    const hits = Array.from({ length: table.columns }, (_, column) => table.rows.filter((row) => statusOf(cellTexts(row.cells[column] ?? '').text) !== undefined).length);
    const score = Math.max(...hits);
    if (score > 0 && (best === undefined || score > best.score)) best = { table, status: hits.indexOf(score), score };
  }
  if (best === undefined) return undefined;
  const code = best.status === 0 ? 1 : 0;
  let message = best.table.columns - 1;
  while (message === best.status || message === code) message -= 1;
  return { table: best.table, code, status: best.status, message };
}

/**
 * Reads a localized Microsoft Learn page of the error-code table: its `ms.contentlocale` and the
 * rows of the table that has an HTTP status in most rows (`Fejlkode | HTTP-statuskode | Meddelelse`).
 * Cells in bilingual span markup give their translated text and, apart, their English text; code
 * echoes (`No autorizado (Unauthorized)`) are removed. Linear in the page's length; never throws.
 */
export function parseLearnPage(markdown: string): LearnPage {
  const blocks = readMarkdownBlocks(markdown.replace(/^\uFEFF/, ''));
  const contentLocale = frontMatterValue(blocks.frontMatter, 'ms.contentlocale');
  const found = errorCodeTable(blocks.tables);
  if (found === undefined) return { contentLocale, rows: [] };
  const rows = found.table.rows.map((row, index): PageTableRow => {
    const code = cellTexts(row.cells[found.code] ?? '');
    const status = cellTexts(row.cells[found.status] ?? '');
    const message = cellTexts(row.cells[found.message] ?? '');
    const codeCell = withoutCodeEcho(markdownToText(code.text));
    return {
      number: index + 1,
      line: row.line,
      codeText: codeCell.text,
      ...(codeCell.echoed === undefined ? {} : { echoedCode: codeCell.echoed }),
      ...(code.english === undefined ? {} : { englishCodeText: markdownToText(code.english), englishMessageCell: message.english }),
      status: statusOf(status.text) ?? (status.english === undefined ? undefined : statusOf(status.english)),
      statusText: withoutCodeEcho(markdownToText(statusWords(status.text))).text,
      messageCell: withoutCodeEcho(message.text).text,
    };
  });
  return { contentLocale, rows };
}
