import { htmlTagAt, markdownToText } from './learn-page';

/** What {@link readMessageCell} makes of a table's message cell. */
export interface MessageCell {
  /**
   * The message as plain text with a slot `\uE000<n>\uE001` for the n-th placeholder, or
   * `undefined` when the cell has only a note (`InternalServerError`) or nothing.
   */
  readonly message: string | undefined;
  /** The placeholder descriptions of the message, in order: `the invalid hash`, `batch size allowed`. */
  readonly placeholders: readonly string[];
  /** The note (`*Bemærk! …*`) as plain text without its lead word, ending with a full stop (`。` after Chinese or Japanese text). */
  readonly note: string | undefined;
}

type Token = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'placeholder'; readonly description: string } | { readonly kind: 'break' };

const SLOT_OPEN = '\uE000';
const SLOT_CLOSE = '\uE001';
const MAX_DESCRIPTION_LENGTH = 200;
/** What ends a sentence, in the scripts of the Learn pages: no full stop is added after one. */
const SENTENCE_END = /[.!?…。！？．｡؟۔।]$/u;
/** Text that ends in Chinese or Japanese script or in full-width punctuation takes the ideographic full stop `。`. */
const IDEOGRAPHIC_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]$/u;

/** The text between `open` at `start` and the next `close`, looking at most a description's length ahead. */
function enclosed(cell: string, start: number, open: string, close: string): { inner: string; end: number } | undefined {
  const from = start + open.length;
  const window = cell.slice(from, from + MAX_DESCRIPTION_LENGTH + close.length);
  const at = window.toLowerCase().indexOf(close);
  if (at <= 0) return undefined;
  const inner = window.slice(0, at);
  if (inner.includes('<') || inner.includes('\n') || inner.trim() === '') return undefined;
  return { inner, end: from + at + close.length };
}

function tokenize(cell: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  const placeholder = (description: string) => {
    flush();
    tokens.push({ kind: 'placeholder', description: markdownToText(description) });
  };
  for (let index = 0; index < cell.length; ) {
    const char = cell[index] as string;
    const rest = (length: number) => cell.slice(index, index + length);
    const bracketed =
      (rest(2) === '\\<' && enclosed(cell, index, '\\<', '\\>')) ||
      (rest(4).toLowerCase() === '&lt;' && enclosed(cell, index, '&lt;', '&gt;')) ||
      (rest(2) === '{{' && enclosed(cell, index, '{{', '}}')) ||
      (char === '{' && enclosed(cell, index, '{', '}')) ||
      undefined;
    if (bracketed) {
      placeholder(bracketed.inner);
      index = bracketed.end;
      continue;
    }
    if (char === '<') {
      const tag = htmlTagAt(cell, index);
      if (tag) {
        if (tag.name === 'br') {
          flush();
          tokens.push({ kind: 'break' });
        }
        index += tag.length;
        continue;
      }
      const raw = enclosed(cell, index, '<', '>');
      if (raw) {
        placeholder(raw.inner);
        index = raw.end;
        continue;
      }
    }
    if (char === '\\' && index + 1 < cell.length) {
      text += rest(2);
      index += 2;
      continue;
    }
    text += char;
    index += 1;
  }
  flush();
  return tokens;
}

function isNote(segment: readonly Token[]): boolean {
  const first = segment.find((token) => token.kind !== 'text' || token.text.trim() !== '');
  return first?.kind === 'text' && /^\s*[*_]/.test(first.text);
}

function noteText(segment: readonly Token[]): string {
  const markdown = segment.map((token) => (token.kind === 'text' ? token.text : token.kind === 'placeholder' ? token.description : ' ')).join('');
  let text = markdownToText(markdown).replace(/^\p{L}{1,20} ?(?:[!:] +|[：！] *)/u, '');
  text = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  if (SENTENCE_END.test(text)) return text;
  return IDEOGRAPHIC_END.test(text) ? `${text}。` : `${text}.`;
}

/**
 * Reads a message cell of the error-code table: placeholders written `\<description\>`,
 * `&lt;description&gt;`, `<description>`, `{description}` or `{{name}}` become numbered slots (in
 * order), `<br />` separates parts, an italic part (`*Bemærk! …*`) is the note, markdown,
 * HTML entities and backslash escapes become plain text.
 */
export function readMessageCell(cell: string): MessageCell {
  const tokens = tokenize(cell.replace(/[\uE000\uE001]/g, ''));
  const segments: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'break') segments.push([]);
    else segments.at(-1)?.push(token);
  }
  const placeholders: string[] = [];
  const messageParts: string[] = [];
  const notes: string[] = [];
  for (const segment of segments) {
    if (segment.length === 0) continue;
    if (isNote(segment)) {
      notes.push(noteText(segment));
      continue;
    }
    let markdown = '';
    for (const token of segment) {
      if (token.kind === 'text') markdown += token.text;
      else if (token.kind === 'placeholder') {
        markdown += `${SLOT_OPEN}${placeholders.length}${SLOT_CLOSE}`;
        placeholders.push(token.description);
      }
    }
    const text = markdownToText(markdown);
    if (text !== '') messageParts.push(text);
  }
  const message = messageParts.join(' ');
  const note = notes.join(' ');
  return { message: message === '' ? undefined : message, placeholders, note: note === '' || note === '.' ? undefined : note };
}

/** Replaces the slots of a {@link MessageCell} message with `{{name}}` placeholders, `names[n]` for slot n. */
export function fillSlots(message: string, names: readonly string[]): string {
  return message.replace(/\uE000(\d+)\uE001/g, (_slot, index: string) => `{{${names[Number(index)] ?? ''}}}`);
}
