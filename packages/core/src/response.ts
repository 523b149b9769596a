import { buildErrorInfo, MAX_BODY_LENGTH, readBodyFields, type ErrorInfo } from './parse';
import { parseRetryAfter } from './retry-after';
import { isHttpStatus } from './registry';
import { member, safely } from './safe';

/** The minimal part of a fetch `Response` that {@link readErrorResponse} reads. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text?(): Promise<string>;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const CHARSETS: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  // WHATWG Encoding: the label "utf-16" (and "unicode") names UTF-16LE.
  'utf-16': 'utf-16le',
  unicode: 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The `charset` parameter of a `Content-Type` value, when it names UTF-8 or UTF-16. */
function charsetOf(contentType: unknown): Encoding | undefined {
  if (typeof contentType !== 'string') return undefined;
  const label = /;\s*charset\s*=\s*"?([\w-]{1,40})/i.exec(contentType.slice(0, 200))?.[1]?.toLowerCase();
  return label !== undefined && Object.hasOwn(CHARSETS, label) ? CHARSETS[label] : undefined;
}

/**
 * The encoding of a body: its byte order mark first (as browsers do), then the `charset`
 * parameter, then the pattern of zero bytes that UTF-16 JSON starts with (RFC 4627 §3), else UTF-8.
 */
function encodingOf(bytes: Uint8Array, contentType: unknown): Encoding {
  const [first, second, third] = bytes;
  if (first === 0xef && second === 0xbb && third === 0xbf) return 'utf-8';
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  const declared = charsetOf(contentType);
  if (declared) return declared;
  if (bytes.length >= 2 && first === 0 && second !== 0) return 'utf-16be';
  if (bytes.length >= 2 && first !== 0 && second === 0) return 'utf-16le';
  return 'utf-8';
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads up to {@link MAX_BODY_LENGTH} bytes and decodes them. A read that fails part-way (a reset
 * connection, a short `Content-Length`, an `AbortSignal`) keeps the bytes that had arrived.
 */
async function readCappedText(response: ResponseLike, contentType: unknown): Promise<string> {
  const body = safely(() => response.body);
  if (!body) {
    const text = member(response, 'text');
    return typeof text === 'function' ? String(await (text as () => Promise<string>).call(response)).slice(0, MAX_BODY_LENGTH) : '';
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < MAX_BODY_LENGTH) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!ArrayBuffer.isView(value)) continue;
      const chunk = value.byteLength + bytes > MAX_BODY_LENGTH ? value.subarray(0, MAX_BODY_LENGTH - bytes) : value;
      chunks.push(chunk);
      bytes += chunk.byteLength;
    }
  } catch {
    // What arrived before the failure is kept: its complete members are read below.
  } finally {
    // Stops the download of whatever is left past the cap.
    safely(() => reader.cancel().catch(() => undefined));
  }
  const all = concat(chunks, bytes);
  return new TextDecoder(encodingOf(all, contentType)).decode(all);
}

function header(response: ResponseLike, name: string): string | null | undefined {
  return safely(() => response.headers.get(name));
}

/**
 * Reads an error from a fetch `Response` (Node and browsers) whatever its content type, reading
 * at most {@link MAX_BODY_LENGTH} bytes of the body and cancelling the rest, and never rejects:
 * a body that cannot be read counts as empty, and one cut off part-way (a reset connection, a short
 * `Content-Length`, an `AbortSignal` firing) keeps what arrived. The text is decoded by its byte
 * order mark, else the `charset` parameter (UTF-8, UTF-16LE/BE), else as UTF-8. It waits for the
 * body as long as the server sends it: bound the request with an `AbortSignal` to bound the wait.
 */
export async function readErrorResponse(response: ResponseLike): Promise<ErrorInfo> {
  let text: string;
  try {
    text = await readCappedText(response, header(response, 'content-type'));
  } catch {
    text = '';
  }
  const status = safely(() => response.status);
  const retryAfter = safely(() => parseRetryAfter(header(response, 'retry-after')));
  return buildErrorInfo(text, readBodyFields(text), isHttpStatus(status) ? status : undefined, retryAfter);
}
