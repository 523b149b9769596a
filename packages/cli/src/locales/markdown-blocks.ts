// Written by hand rather than with micromark/mdast and yaml: on hostile pages those took 15 to 28 µs
// per character (2 s and more at 64 KiB; SECURITY.md, issue 18 point 3), while `locales import`
// needs only front matter, fenced code and GFM tables, which one linear pass over the lines reads.
/** A GFM table of a page: its column count and its body rows, each cell as raw markdown. */
export interface MarkdownTable {
  readonly columns: number;
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** What {@link readMarkdownBlocks} finds in a page: its YAML front matter and its tables. */
export interface MarkdownBlocks {
  /** The lines of the YAML front matter (without its `---` fences), when the page starts with one. */
  readonly frontMatter: readonly string[] | undefined;
  readonly tables: readonly MarkdownTable[];
}

/**
 * The cells of a table line, split at unescaped pipes (GFM splits inside code spans too), without
 * the optional outer pipes; each cell trimmed, its escapes kept.
 */
export function splitTableRow(line: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '\\') index += 1;
    else if (char === '|') {
      cells.push(line.slice(start, index));
      start = index + 1;
    }
  }
  cells.push(line.slice(start));
  if (cells.length > 1 && (cells[0] as string).trim() === '') cells.shift();
  if (cells.length > 1 && (cells.at(-1) as string).trim() === '') cells.pop();
  return cells.map((cell) => cell.trim());
}

function hasUnescapedPipe(line: string): boolean {
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '\\') index += 1;
    else if (line[index] === '|') return true;
  }
  return false;
}

function isDelimiterCell(cell: string): boolean {
  let body = cell;
  if (body.startsWith(':')) body = body.slice(1);
  if (body.endsWith(':')) body = body.slice(0, -1);
  return body.length > 0 && [...body].every((char) => char === '-');
}

/** The fence a line opens (three or more backticks or tildes after at most three spaces), if any. */
function fenceOf(line: string): { char: string; length: number } | undefined {
  const indent = line.length - line.trimStart().length;
  if (indent > 3) return undefined;
  const char = line[indent];
  if (char !== '`' && char !== '~') return undefined;
  let end = indent;
  while (line[end] === char) end += 1;
  if (end - indent < 3 || (char === '`' && line.includes('`', end))) return undefined;
  return { char, length: end - indent };
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const trimmed = line.trim();
  const indent = line.length - line.trimStart().length;
  return indent <= 3 && trimmed.length >= fence.length && [...trimmed].every((char) => char === fence.char);
}

/** A body row ends the table at a blank line or where another block begins. */
function endsTable(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('>') || fenceOf(line) !== undefined;
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** A line seen inside its blockquotes: how many `>` markers it starts with (at most `maxDepth`), and the text after them. */
interface QuotedLine {
  readonly depth: number;
  readonly text: string;
}

function quotedLine(line: string, maxDepth: number): QuotedLine {
  let depth = 0;
  let at = 0;
  while (depth < maxDepth) {
    let spaces = 0;
    while (spaces < 4 && line[at + spaces] === ' ') spaces += 1;
    if (spaces > 3 || line[at + spaces] !== '>') break;
    at += spaces + 1;
    if (line[at] === ' ') at += 1;
    depth += 1;
  }
  return { depth, text: line.slice(at) };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * The content indentation of the list item that `text` opens (`1. `, `- `, `* `, `+ `, at most three
 * spaces past `base`, the content indentation of the item it is in), or `undefined` when it opens none.
 */
function listItemContent(text: string, base: number): number | undefined {
  const indent = indentOf(text);
  if (indent - base > 3) return undefined;
  let end = indent;
  if (text[end] === '-' || text[end] === '*' || text[end] === '+') end += 1;
  else {
    while (end - indent < 9 && isDigit(text[end])) end += 1;
    if (end === indent || (text[end] !== '.' && text[end] !== ')')) return undefined;
    end += 1;
  }
  let spaces = 0;
  while (text[end + spaces] === ' ') spaces += 1;
  if (end + spaces === text.length) return end + 1;
  if (spaces === 0) return undefined;
  return end + (spaces > 4 ? 1 : spaces);
}

/**
 * Where a block sits: inside `depth` blockquotes and, within them, a list item whose content starts
 * at column `indent` (0 outside lists). A line belongs to it when it has the blockquote markers and,
 * unless blank, that much indentation.
 */
interface Container {
  readonly depth: number;
  readonly indent: number;
}

/** The text of `line` inside `container` (its `>` markers and the item's indentation removed), or `undefined` when the line has left it. */
function insideContainer(line: string, container: Container): string | undefined {
  const quoted = quotedLine(line, container.depth);
  if (quoted.depth < container.depth) return undefined;
  const indent = indentOf(quoted.text);
  if (indent < container.indent && quoted.text.trim() !== '') return undefined;
  return quoted.text.slice(Math.min(indent, container.indent));
}

/**
 * Reads the block structure a Learn page's import needs, in one pass over its lines: the YAML
 * front matter, fenced code blocks (skipped: a table in a code block is code) and GFM tables (a
 * header line, a delimiter line of as many cells, then body lines up to a blank line or another
 * block), also where a table sits in a blockquote (`> | … |`) or is indented under a list item
 * (up to the item's content indentation). Linear in the page's length; never throws.
 */
export function readMarkdownBlocks(markdown: string): MarkdownBlocks {
  const lines = markdown.split(/\r\n|\r|\n/);
  let first = 0;
  let frontMatter: string[] | undefined;
  if (lines[0]?.trimEnd() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
    if (end > 0) {
      frontMatter = lines.slice(1, end);
      first = end + 1;
    }
  }
  const tables: MarkdownTable[] = [];
  let fence: { char: string; length: number; container: Container } | undefined;
  // The content indentations of the open list items, innermost last, in the current blockquote depth.
  const items: number[] = [];
  let depth = 0;
  for (let index = first; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (fence !== undefined) {
      const text = insideContainer(line, fence.container);
      if (text !== undefined) {
        if (closesFence(text, fence)) fence = undefined;
        continue;
      }
      fence = undefined;
    }
    const quoted = quotedLine(line, Number.POSITIVE_INFINITY);
    if (quoted.depth !== depth) {
      items.length = 0;
      depth = quoted.depth;
    }
    if (quoted.text.trim() === '') continue;
    const indent = indentOf(quoted.text);
    while (items.length > 0 && indent < (items.at(-1) as number)) items.pop();
    const container: Container = { depth, indent: items.at(-1) ?? 0 };
    const item = listItemContent(quoted.text, container.indent);
    if (item !== undefined) {
      items.push(item);
      continue;
    }
    const text = quoted.text.slice(container.indent);
    const opened = fenceOf(text);
    if (opened !== undefined) {
      fence = { ...opened, container };
      continue;
    }
    if (!hasUnescapedPipe(text) || indentOf(text) > 3) continue;
    const header = splitTableRow(text);
    const delimiter = lines[index + 1] === undefined ? undefined : insideContainer(lines[index + 1] as string, container);
    if (delimiter === undefined || !hasUnescapedPipe(delimiter)) continue;
    const delimiterCells = splitTableRow(delimiter);
    if (delimiterCells.length !== header.length || !delimiterCells.every(isDelimiterCell)) continue;
    const rows: { line: number; cells: string[] }[] = [];
    let next = index + 2;
    for (; next < lines.length; next += 1) {
      const row = insideContainer(lines[next] as string, container);
      if (row === undefined || endsTable(row)) break;
      rows.push({ line: next + 1, cells: splitTableRow(row).slice(0, header.length) });
    }
    tables.push({ columns: header.length, rows });
    index = next - 1;
  }
  return { frontMatter, tables };
}

/** The value of `key` (compared case-insensitively) in front matter lines, unquoted; `undefined` when absent or empty. */
export function frontMatterValue(lines: readonly string[] | undefined, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const line of lines ?? []) {
    const colon = line.indexOf(':');
    if (colon <= 0 || line.slice(0, colon).trim().toLowerCase() !== wanted) continue;
    let value = line.slice(colon + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) value = value.slice(1, -1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}
