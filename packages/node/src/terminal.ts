import { memberOf } from './read';
import { getDefaultTranslator, type TranslatorLike } from './translator';

/**
 * Whether a code point must not reach a terminal raw: C0 and C1 controls (ESC, CR, BS, NUL, CSI…),
 * DEL, bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), invisible
 * characters that can hide or reorder text (U+200B, U+2028, U+2029, U+2060–U+2065, U+206A–U+206F,
 * U+FEFF, U+FFF9–U+FFFB, tag characters U+E0000–U+E007F) and lone surrogates.
 */
export function isTerminalUnsafeCodePoint(codePoint: number): boolean {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return true;
  if (codePoint < 0x61c) return false;
  return (
    codePoint === 0x61c ||
    codePoint === 0x200b ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfff9 && codePoint <= 0xfffb) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe007f)
  );
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

function visibleEscape(codePoint: number): string {
  const short = SHORT_ESCAPES[codePoint];
  if (short !== undefined) return short;
  if (codePoint <= 0xff) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\u{${codePoint.toString(16)}}`;
}

/**
 * Makes untrusted text (a server's message, code or tracking ID) safe to print in a terminal:
 * every control character, escape sequence introducer and bidirectional or invisible formatting
 * character is replaced by a visible escape (`\x1b`, `\r`, `\n`, `\u202e`, `\u{e0041}`), so text
 * can neither move the cursor, rewrite earlier lines, change colors, set the window title nor
 * reorder what the user reads (CWE-150). Everything else, Danish and emoji included, is kept.
 *
 * `util.stripVTControlCharacters` is not enough for this: it leaves `\r`, `\b`, NUL and U+202E.
 *
 * @example
 * escapeTerminalText('ok\x1b[2J\u202eevil'); // 'ok\\x1b[2J\\u202eevil'
 */
export function escapeTerminalText(text: string): string {
  let output = '';
  let runStart = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (isTerminalUnsafeCodePoint(codePoint)) {
      output += text.slice(runStart, index) + visibleEscape(codePoint);
      runStart = index + width;
    }
    index += width;
  }
  return runStart === 0 ? text : output + text.slice(runStart);
}

/** Where color support is read from: a stream's `isTTY` and the environment. */
export interface ColorEnvironment {
  /** The stream the text goes to (default `process.stdout`). */
  readonly stream?: { readonly isTTY?: boolean | undefined } | undefined;
  /** The environment (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Whether to color terminal output: never when `NO_COLOR` is set to any non-empty value
 * (https://no-color.org); otherwise yes when `FORCE_COLOR` is set (but not to `0` or `false`);
 * otherwise only when the stream is a TTY.
 */
export function shouldUseColor(environment: ColorEnvironment = {}): boolean {
  const env = environment.env ?? (typeof process === 'object' ? process.env : {});
  const noColor = env['NO_COLOR'];
  if (typeof noColor === 'string' && noColor.length > 0) return false;
  const forceColor = env['FORCE_COLOR'];
  if (typeof forceColor === 'string') return forceColor !== '0' && forceColor.toLowerCase() !== 'false';
  const stream = environment.stream ?? (typeof process === 'object' ? process.stdout : undefined);
  return stream?.isTTY === true;
}

/** Options of {@link formatForTerminal}. */
export interface TerminalFormatOptions extends ColorEnvironment {
  /** Any BCP 47 tag; resolved to a supported locale (default: the translator's default, en-US). */
  readonly lng?: string | undefined;
  /** Force color on or off; overrides `NO_COLOR`, `FORCE_COLOR` and TTY detection. */
  readonly color?: boolean | undefined;
  /** An app's own translator; default: the shared one. */
  readonly translator?: TranslatorLike | undefined;
}

/** The options as plain values read once; a member whose read throws (a hostile object) counts as not given. */
function readTerminalOptions(options: unknown): TerminalFormatOptions {
  const read = (name: keyof TerminalFormatOptions): unknown => memberOf(options, name);
  const [translator, lng, color, env, stream] = [read('translator'), read('lng'), read('color'), read('env'), read('stream')];
  const text = (name: string): string | undefined => {
    const value = memberOf(env, name);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    translator: typeof translator === 'object' && translator !== null ? (translator as TranslatorLike) : undefined,
    lng: typeof lng === 'string' ? lng : undefined,
    color: typeof color === 'boolean' ? color : undefined,
    ...(env === undefined || env === null ? {} : { env: { NO_COLOR: text('NO_COLOR'), FORCE_COLOR: text('FORCE_COLOR') } }),
    ...(stream === undefined || stream === null ? {} : { stream: { isTTY: memberOf(stream, 'isTTY') === true } }),
  };
}

const STYLE = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  red: ['\u001b[31m', '\u001b[39m'],
} as const;

/**
 * A compact, readable block for a terminal: the localized message, then the code, the HTTP status
 * and its title, the hint, the server's own message (when it could not be re-rendered), the
 * retry delay and the tracking ID, each under a localized label. No trailing newline.
 *
 * Accepts whatever `describe()` of `@defender-errors/i18n` accepts: a `DefenderApiError`, the
 * result of `readErrorResponse` / `parseErrorBody`, a raw body, or any thrown value. All text is
 * passed through {@link escapeTerminalText}; colors are added only around it, and only when
 * {@link shouldUseColor} says so (or `color` forces them).
 *
 * @example
 * console.error(formatForTerminal(await readErrorResponse(response), { lng: 'da' }));
 */
export function formatForTerminal(error: unknown, given: TerminalFormatOptions = {}): string {
  const options = readTerminalOptions(given);
  const translator = options.translator ?? getDefaultTranslator();
  const description = translator.describe(error, { lng: options.lng });
  const labels = translator.labels(description.lng);
  const color = options.color ?? shouldUseColor(options);
  const paint = (style: keyof typeof STYLE, text: string): string => (color ? `${STYLE[style][0]}${text}${STYLE[style][1]}` : text);

  const rows: [label: string, value: string][] = [
    [labels.code, description.code],
    [labels.status, `${description.status} ${description.title}`],
  ];
  if (description.hint) rows.push([labels.hint, description.hint]);
  if (description.serverMessage && !description.serverMessageMatched) rows.push([labels.serverMessage, description.serverMessage]);
  rows.push([labels.trackingId, description.target ?? labels.noTrackingId]);

  const safeRows = rows.map(([label, value]) => [`${escapeTerminalText(label)}:`, escapeTerminalText(value)] as const);
  const width = Math.max(...safeRows.map(([label]) => label.length));
  const lines = [paint('bold', paint('red', escapeTerminalText(description.message)))];
  for (const [label, value] of safeRows) lines.push(`  ${paint('dim', label.padEnd(width))} ${value}`);
  if (description.retryAfter !== undefined) lines.push(`  ${escapeTerminalText(labels.retryAfter(description.retryAfter))}`);
  return lines.join('\n');
}
