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

/**
 * Reads the block structure a Learn page's import needs, in one pass over its lines: the YAML
 * front matter, fenced code blocks (skipped: a table in a code block is code) and GFM tables (a
 * header line, a delimiter line of as many cells, then body lines up to a blank line or another
 * block). Linear in the page's length; never throws.
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
  let fence: { char: string; length: number } | undefined;
  for (let index = first; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    fence = fenceOf(line);
    if (fence !== undefined || !hasUnescapedPipe(line) || line.length - line.trimStart().length > 3) continue;
    const header = splitTableRow(line);
    const delimiter = lines[index + 1];
    if (delimiter === undefined || !hasUnescapedPipe(delimiter)) continue;
    const delimiterCells = splitTableRow(delimiter);
    if (delimiterCells.length !== header.length || !delimiterCells.every(isDelimiterCell)) continue;
    const rows: { line: number; cells: string[] }[] = [];
    let next = index + 2;
    for (; next < lines.length && !endsTable(lines[next] as string); next += 1) {
      rows.push({ line: next + 1, cells: splitTableRow(lines[next] as string).slice(0, header.length) });
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
