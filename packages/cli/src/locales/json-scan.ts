/** A 1-based position in a text file. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A key that occurs more than once in the same JSON object (`JSON.parse` silently keeps the last). */
export interface DuplicateKey extends TextPosition {
  /** The decoded key. */
  readonly key: string;
  /** The keys of the enclosing objects, outermost first (empty for the top level). */
  readonly path: readonly string[];
  /** Where the key first occurred. */
  readonly first: TextPosition;
}

/** A JSON syntax error with the position where the scanner stopped. */
export interface JsonSyntaxError extends TextPosition {
  readonly message: string;
}

/** What {@link scanJson} found in a JSON text. */
export interface JsonScanResult {
  /** The parsed value (the last duplicate wins, as with `JSON.parse`); `undefined` on a syntax error. */
  readonly value: unknown;
  /** The first syntax error, if any. */
  readonly syntaxError: JsonSyntaxError | undefined;
  /** Whether the text starts with a byte order mark (which `JSON.parse` rejects). */
  readonly byteOrderMark: boolean;
  /** Every repeated key, at any depth. */
  readonly duplicates: readonly DuplicateKey[];
  /** Where each key of the top-level object first occurs. */
  readonly topLevelKeys: ReadonlyMap<string, TextPosition>;
}

const MAX_DEPTH = 256;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class ScanError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function positionOf(starts: readonly number[], index: number): TextPosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: index - (starts[low] ?? 0) + 1 };
}

function describeCharacter(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${char}"`;
}

/**
 * Scans a JSON text in one linear pass: reports the first syntax error with its line and column,
 * every duplicate key (which `JSON.parse` hides) with both positions, a leading byte order mark, and
 * the positions of the top-level keys. Never throws; nesting deeper than 256 levels is a syntax error.
 */
export function scanJson(text: string): JsonScanResult {
  const starts = lineStarts(text);
  const duplicates: DuplicateKey[] = [];
  const topLevelKeys = new Map<string, TextPosition>();
  const byteOrderMark = text.startsWith('\uFEFF');
  let index = byteOrderMark ? 1 : 0;

  const skipWhitespace = () => {
    while (index < text.length) {
      const char = text[index];
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return;
      index += 1;
    }
  };
  const fail = (message: string, at = index): never => {
    throw new ScanError(message, at);
  };
  const unexpected = (expected: string): never => fail(`expected ${expected}, found ${describeCharacter(text[index])}`);

  const scanString = (): string => {
    const start = index;
    index += 1;
    let decoded = '';
    let chunkStart = index;
    for (;;) {
      if (index >= text.length) fail('unterminated string', start);
      const char = text[index] as string;
      if (char === '"') {
        decoded += text.slice(chunkStart, index);
        index += 1;
        return decoded;
      }
      if (char < ' ') fail(`${describeCharacter(char)} inside a string: write it as an escape such as \\n`);
      if (char === '\\') {
        decoded += text.slice(chunkStart, index);
        const escape = text[index + 1];
        if (escape !== undefined && Object.hasOwn(SIMPLE_ESCAPES, escape)) {
          decoded += SIMPLE_ESCAPES[escape];
          index += 2;
        } else if (escape === 'u' && /^[\da-f]{4}$/i.test(text.slice(index + 2, index + 6))) {
          decoded += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
        } else {
          fail(`invalid escape ${JSON.stringify(text.slice(index, index + 2))} in a string`);
        }
        chunkStart = index;
        continue;
      }
      index += 1;
    }
  };

  const scanNumber = () => {
    const start = index;
    const digits = () => {
      const from = index;
      while (index < text.length && (text[index] as string) >= '0' && (text[index] as string) <= '9') index += 1;
      return index - from;
    };
    if (text[index] === '-') index += 1;
    if (text[index] === '0') index += 1;
    else if (digits() === 0) fail('invalid number', start);
    if (text[index] === '.') {
      index += 1;
      if (digits() === 0) fail('invalid number: digits must follow the decimal point', start);
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index += 1;
      if (text[index] === '+' || text[index] === '-') index += 1;
      if (digits() === 0) fail('invalid number: digits must follow the exponent', start);
    }
  };

  const scanValue = (path: readonly string[]): void => {
    skipWhitespace();
    const char = text[index];
    if (char === '{') return scanObject(path);
    if (char === '[') return scanArray(path);
    if (char === '"') {
      scanString();
      return;
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return scanNumber();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, index)) {
        index += literal.length;
        return;
      }
    }
    unexpected('a value (string, number, object, array, true, false or null)');
  };

  const scanArray = (path: readonly string[]): void => {
    if (path.length >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    index += 1;
    skipWhitespace();
    if (text[index] === ']') {
      index += 1;
      return;
    }
    for (let position = 0; ; position += 1) {
      scanValue([...path, String(position)]);
      skipWhitespace();
      if (text[index] === ',') {
        index += 1;
        skipWhitespace();
        if (text[index] === ']') fail('trailing comma before "]"');
        continue;
      }
      if (text[index] === ']') {
        index += 1;
        return;
      }
      unexpected('"," or "]" after an array item');
    }
  };

  const scanObject = (path: readonly string[]): void => {
    if (path.length >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    index += 1;
    const seen = new Map<string, TextPosition>();
    skipWhitespace();
    if (text[index] === '}') {
      index += 1;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[index] !== '"') unexpected('a key in double quotes');
      const keyPosition = positionOf(starts, index);
      const key = scanString();
      const first = seen.get(key);
      if (first) duplicates.push({ key, path, first, ...keyPosition });
      else seen.set(key, keyPosition);
      if (path.length === 0 && !topLevelKeys.has(key)) topLevelKeys.set(key, keyPosition);
      skipWhitespace();
      if (text[index] !== ':') unexpected('":" after a key');
      index += 1;
      scanValue([...path, key]);
      skipWhitespace();
      if (text[index] === ',') {
        index += 1;
        skipWhitespace();
        if (text[index] === '}') fail('trailing comma before "}"');
        continue;
      }
      if (text[index] === '}') {
        index += 1;
        return;
      }
      unexpected('"," or "}" after an entry');
    }
  };

  try {
    skipWhitespace();
    if (index >= text.length) fail('the file is empty: expected a JSON object');
    scanValue([]);
    skipWhitespace();
    if (index < text.length) fail(`unexpected ${describeCharacter(text[index])} after the end of the JSON value`);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return {
      value: undefined,
      syntaxError: { message: error.message, ...positionOf(starts, error.index) },
      byteOrderMark,
      duplicates,
      topLevelKeys,
    };
  }
  return { value: JSON.parse(text.slice(byteOrderMark ? 1 : 0)) as unknown, syntaxError: undefined, byteOrderMark, duplicates, topLevelKeys };
}
