import { createScanner, printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';

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

const ANY_VALUE = 'a value (string, number, object, array, true, false or null)';

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

/** The last character before `offset` that is not JSON whitespace. */
function previousSignificant(text: string, offset: number): string | undefined {
  for (let index = offset - 1; index >= 0; index -= 1) {
    const char = text[index] as string;
    if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return char;
  }
  return undefined;
}

/** The first place where objects and arrays nest deeper than {@link MAX_DEPTH} (jsonc-parser recurses per level). */
function tooDeepAt(text: string): number | undefined {
  // jsonc-parser's SyntaxKind is a const enum, so tokens are told apart by their first character.
  const scanner = createScanner(text, true);
  let depth = 0;
  for (;;) {
    scanner.scan();
    const offset = scanner.getTokenOffset();
    if (scanner.getTokenLength() === 0 && offset >= text.length) return undefined;
    const char = text[offset];
    if (char === '{' || char === '[') {
      depth += 1;
      if (depth > MAX_DEPTH) return offset;
    } else if (char === '}' || char === ']') {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** A readable message for jsonc-parser's error at `offset` (token `found`), in the container `inside`. */
function describeError(code: ParseErrorCode, text: string, offset: number, found: string, inside: 'object' | 'array' | undefined): string {
  const next = describeCharacter(text[offset]);
  const before = previousSignificant(text, offset);
  switch (printParseErrorCode(code)) {
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return inside === 'array' ? `expected "," or "]" after an array item, found ${next}` : `expected "," or "}" after an entry, found ${next}`;
    case 'ColonExpected':
      return `expected ":" after a key, found ${next}`;
    case 'PropertyNameExpected':
      return before === ',' && text[offset] === '}' ? 'trailing comma before "}"' : `expected a key in double quotes, found ${next}`;
    case 'ValueExpected':
      if (text.trim().length === 0) return 'the file is empty: expected a JSON object';
      return before === ',' && text[offset] === ']' ? 'trailing comma before "]"' : `expected ${ANY_VALUE}, found ${next}`;
    case 'EndOfFileExpected':
      return `unexpected ${next} after the end of the JSON value`;
    case 'InvalidSymbol':
      if (inside === undefined && before !== undefined) return `unexpected ${next} after the end of the JSON value`;
      if (inside === 'object' && (before === '{' || before === ',')) return `expected a key in double quotes, found ${next}`;
      return `expected ${ANY_VALUE}, found ${JSON.stringify(found.slice(0, 20))}`;
    case 'UnexpectedEndOfString':
      return text[offset + found.length] === '\n' || text[offset + found.length] === '\r'
        ? 'unterminated string: a line break inside a string must be written as \\n'
        : 'unterminated string';
    case 'InvalidCharacter':
      return 'control character inside a string: write it as an escape such as \\n';
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return `invalid escape in the string ${found.slice(0, 40)}`;
    case 'UnexpectedEndOfNumber':
      return `invalid number ${JSON.stringify(found.slice(0, 20))}`;
    case 'InvalidCommentToken':
      return 'comments are not allowed in JSON';
    default:
      return printParseErrorCode(code);
  }
}

interface Container {
  readonly kind: 'object' | 'array';
  readonly path: readonly string[];
  readonly seen: Map<string, TextPosition>;
  /** The next array index, or the key whose value comes next. */
  next: number | string;
}

/**
 * Scans a JSON text with jsonc-parser (comments and trailing commas not allowed): reports the first
 * syntax error with its line and column, every duplicate key (which `JSON.parse` hides) with both
 * positions, a leading byte order mark, and the positions of the top-level keys. Whether the text is
 * valid is `JSON.parse`'s verdict; the value is its result. Never throws; nesting deeper than 256
 * levels is a syntax error.
 */
export function scanJson(text: string): JsonScanResult {
  const starts = lineStarts(text);
  const byteOrderMark = text.startsWith('\uFEFF');
  const shift = byteOrderMark ? 1 : 0;
  const body = text.slice(shift);
  const duplicates: DuplicateKey[] = [];
  const topLevelKeys = new Map<string, TextPosition>();
  const at = (offset: number) => positionOf(starts, offset + shift);
  const result = (value: unknown, syntaxError: JsonSyntaxError | undefined): JsonScanResult => ({ value, syntaxError, byteOrderMark, duplicates, topLevelKeys });

  const deep = tooDeepAt(body);
  if (deep !== undefined) return result(undefined, { message: `nested deeper than ${MAX_DEPTH} levels`, ...at(deep) });

  const stack: Container[] = [];
  const pathOfNext = (): readonly string[] => {
    const top = stack.at(-1);
    return top === undefined ? [] : [...top.path, String(top.next)];
  };
  const valueDone = () => {
    const top = stack.at(-1);
    if (top?.kind === 'array') top.next = (top.next as number) + 1;
  };
  let firstError: JsonSyntaxError | undefined;
  visit(
    body,
    {
      onObjectBegin: () => void stack.push({ kind: 'object', path: pathOfNext(), seen: new Map(), next: '' }),
      onArrayBegin: () => void stack.push({ kind: 'array', path: pathOfNext(), seen: new Map(), next: 0 }),
      onObjectEnd: () => {
        stack.pop();
        valueDone();
      },
      onArrayEnd: () => {
        stack.pop();
        valueDone();
      },
      onLiteralValue: valueDone,
      onObjectProperty: (key, offset) => {
        const top = stack.at(-1);
        if (top === undefined) return;
        const position = at(offset);
        const first = top.seen.get(key);
        if (first) duplicates.push({ key, path: top.path, first, ...position });
        else top.seen.set(key, position);
        if (stack.length === 1 && !topLevelKeys.has(key)) topLevelKeys.set(key, position);
        top.next = key;
      },
      onError: (code, offset, length) => {
        firstError ??= { message: describeError(code, body, offset, body.slice(offset, offset + length), stack.at(-1)?.kind), ...at(offset) };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  try {
    return result(JSON.parse(body) as unknown, undefined);
  } catch {
    return result(undefined, firstError ?? { message: 'not valid JSON', line: 1, column: 1 });
  }
}
