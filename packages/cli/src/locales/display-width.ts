// Written by hand rather than taken from string-width or east-asian-width: one report table needs it.

/**
 * The East Asian Wide and Fullwidth ranges (UAX #11) of the scripts and symbols the Learn pages
 * and a terminal report meet: Hangul, CJK punctuation and ideographs, kana, Yi, full-width forms
 * and the emoji blocks. Each range is `[first, last]`, in ascending order.
 */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Combining marks (they draw on the character before them) and conjoining Hangul vowels and finals. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u1160-\u11ff]$/u;
const ZERO_WIDTH_NON_JOINER = 0x200c;
const ZERO_WIDTH_JOINER = 0x200d;

function isWide(codePoint: number): boolean {
  for (const [first, last] of WIDE_RANGES) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/**
 * How many terminal columns `text` takes: 2 for an East Asian Wide or Fullwidth character (`権`,
 * `。`, `한`), 0 for a combining mark or joiner, 1 for anything else.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint === ZERO_WIDTH_NON_JOINER || codePoint === ZERO_WIDTH_JOINER || ZERO_WIDTH.test(char)) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** `text` followed by as many spaces as it takes to fill `width` terminal columns (none when it is wider). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
