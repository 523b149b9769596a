/**
 * The `Accept-Language` header parser of {@link negotiateLocale}: the ranges with q > 0, best first,
 * the client's order kept among equals. Written by hand to read exactly as `negotiator` 1.x (with
 * `content-type` 2.x) reads the header — a test compares the two on any input — because importing
 * that CommonJS package cost a cold start ≈10 ms and more (the ESM-to-CommonJS loader), and a
 * runtime-neutral package is better off without CommonJS interop.
 */

const SPACE = 0x20;
const TAB = 0x09;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function skipSpace(text: string, index: number): number {
  let cursor = index;
  while (cursor < text.length && (text.charCodeAt(cursor) === SPACE || text.charCodeAt(cursor) === TAB)) cursor += 1;
  return cursor;
}

function trimEnd(text: string, start: number, end: number): number {
  let cursor = end;
  while (cursor > start && (text.charCodeAt(cursor - 1) === SPACE || text.charCodeAt(cursor - 1) === TAB)) cursor -= 1;
  return cursor;
}

/** The index of the next `;` or `,` from `index` (or the end). */
function skipValue(text: string, index: number): number {
  let cursor = index;
  while (cursor < text.length) {
    const code = text.charCodeAt(cursor);
    if (code === SEMICOLON || code === COMMA) break;
    cursor += 1;
  }
  return cursor;
}

interface Parameters {
  /** The first `q` parameter's value, as written. */
  q: string | undefined;
  /** Where the element ends: its `,` or the end of the header. */
  end: number;
}

/** Reads the parameters of one element from its first `;`; only the first `q` is kept. */
function readParameters(text: string, start: number): Parameters {
  let q: string | undefined;
  let index = start;
  parameter: while (index < text.length) {
    if (text.charCodeAt(index) === COMMA) break;
    index = skipSpace(text, index + 1);
    const keyStart = index;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === COMMA) break parameter;
      if (code === SEMICOLON) continue parameter;
      if (code === EQUALS) {
        const key = text.slice(keyStart, trimEnd(text, keyStart, index)).toLowerCase();
        index = skipSpace(text, index + 1);
        if (index < text.length && text.charCodeAt(index) === QUOTE) {
          index += 1;
          let value = '';
          while (index < text.length) {
            const char = text.charCodeAt(index);
            index += 1;
            if (char === QUOTE) {
              index = skipValue(text, index);
              if (key === 'q' && q === undefined) q = value;
              break;
            }
            if (char === BACKSLASH && index < text.length) {
              value += text[index];
              index += 1;
              continue;
            }
            value += String.fromCharCode(char);
          }
          continue parameter;
        }
        const valueStart = index;
        index = skipValue(text, index);
        if (key === 'q' && q === undefined) q = text.slice(valueStart, trimEnd(text, valueStart, index));
        continue parameter;
      }
      index += 1;
    }
  }
  return { q, end: index };
}

/** The language ranges of an `Accept-Language` header with q > 0, sorted by q-value, then by position. */
export function parseAcceptLanguage(text: string): string[] {
  const ranges: { range: string; q: number; position: number }[] = [];
  let index = 0;
  while (index < text.length) {
    const start = skipSpace(text, index);
    const rangeEnd = trimEnd(text, start, skipValue(text, start));
    const { q, end } = readParameters(text, skipValue(text, start));
    // negotiator takes as many characters as the lower-cased range has (`İ` lower-cases to two).
    const range = text.slice(start, start + text.slice(start, rangeEnd).toLowerCase().length);
    // An empty q (`q=`) counts as no q, as in negotiator.
    const quality = q ? Number.parseFloat(q) : 1;
    if (range.length > 0 && quality > 0) ranges.push({ range, q: quality, position: ranges.length });
    index = end + 1;
  }
  // A stable sort: equal q-values keep the client's order.
  return ranges.sort((a, b) => b.q - a.q || a.position - b.position).map((entry) => entry.range);
}
