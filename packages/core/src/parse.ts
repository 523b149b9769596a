import { fallbackCodeForStatus, getErrorDefinition, isErrorCode, type ErrorCode } from './codes';
import { isHttpStatus } from './registry';

/** The most characters (of a string) or bytes (of a response) that the parsers read: 64 KiB. */
export const MAX_BODY_LENGTH = 64 * 1024;

/** At most this many `details` entries are read, so a huge or sparse array cannot stall the parser. */
const MAX_DETAILS = 100;

/** One entry of an error body's `details` array. */
export interface ErrorDetail {
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly target: string | undefined;
}

/** What {@link parseErrorBody} makes of any input. Nothing the server sent is dropped. */
export interface ParsedErrorBody {
  /** The code exactly as the server sent it, or `fallbackCode` when it sent none. */
  readonly code: string;
  /** Whether `code` came from the server and is a registered code. */
  readonly known: boolean;
  /** The registered code to render: `code` itself when known, otherwise the one chosen from `status`. */
  readonly fallbackCode: ErrorCode;
  /** The HTTP status: the one given, else the body's own (problem documents), else the code's, else 500. */
  readonly status: number;
  /** The server's `message` (OData v3 `{ lang, value }` is unwrapped), if it sent one. */
  readonly message: string | undefined;
  /** The tracking ID (`target`), if the server sent one. */
  readonly target: string | undefined;
  /** The `details` entries that have at least one member of the right type (the first 100). */
  readonly details: readonly ErrorDetail[];
  /** `innerError` or `innererror`, as sent, when it is an object. */
  readonly innerError: Readonly<Record<string, unknown>> | undefined;
  /** Whether the input had the shape of an error body at all. */
  readonly isErrorBody: boolean;
  /** The input exactly as given. */
  readonly raw: unknown;
}

/** Options of {@link parseErrorBody}. */
export interface ParseErrorBodyOptions {
  /** The HTTP status of the response, when known. */
  readonly status?: number;
}

type JsonObject = Record<string, unknown>;

/** Runs a read of untrusted input; a throwing getter or Proxy trap counts as "not there". */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `isObject`, where a revoked Proxy (which makes `Array.isArray` throw) counts as "not an object". */
function isObjectSafely(value: unknown): value is JsonObject {
  try {
    return isObject(value);
  } catch {
    return false;
  }
}

// `own` and `isObjectSafely` run for every member of every body: a try/catch of their own, rather
// than `safely` and a closure, keeps them about twice as fast.
function own(object: JsonObject, key: string): unknown {
  try {
    return Object.hasOwn(object, key) ? object[key] : undefined;
  } catch {
    return undefined;
  }
}

function ownString(object: JsonObject, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

function ownObject(object: JsonObject, ...keys: string[]): JsonObject | undefined {
  for (const key of keys) {
    const value = own(object, key);
    if (isObjectSafely(value)) return value as JsonObject;
  }
  return undefined;
}

function readMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObjectSafely(value)) return ownString(value as JsonObject, 'value');
  return undefined;
}

function readDetails(value: unknown): ErrorDetail[] {
  if (!safely(() => Array.isArray(value))) return [];
  const entries = value as unknown[];
  const length = safely(() => entries.length);
  if (typeof length !== 'number') return [];
  const details: ErrorDetail[] = [];
  for (let index = 0; index < Math.min(length, MAX_DETAILS); index += 1) {
    const entry = safely(() => entries[index]);
    if (!isObjectSafely(entry)) continue;
    const detail: ErrorDetail = {
      code: ownString(entry as JsonObject, 'code'),
      message: readMessage(own(entry as JsonObject, 'message')),
      target: ownString(entry as JsonObject, 'target'),
    };
    if (detail.code !== undefined || detail.message !== undefined || detail.target !== undefined) details.push(detail);
  }
  return details;
}

/** Defines a member the way `JSON.parse` does: `__proto__` becomes an own key, never a prototype. */
function defineMember(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The index just past the closing quote of the JSON string that starts at `start`, or -1 if it is cut off. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x22) return index + 1;
    if (char === 0x5c) index += 1;
  }
  return -1;
}

const JSON_SCALAR = /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null/y;

/**
 * Parses as much of a JSON text as is complete: used when `JSON.parse` fails (a body cut off by the
 * network or by {@link MAX_BODY_LENGTH}), so a code and tracking ID sent before the cut survive.
 * Stops at the first token that is cut off or not JSON; iterative, so nesting depth cannot overflow.
 */
function parseJsonPrefix(text: string): unknown {
  interface Open {
    readonly container: JsonObject | unknown[];
    key: string | undefined;
  }
  const stack: Open[] = [];
  let root: unknown;
  let expecting: 'value' | 'key' | 'colon' | 'next' = 'value';
  let index = 0;
  const place = (value: unknown): void => {
    const open = stack.at(-1);
    if (open === undefined) root = value;
    else if (Array.isArray(open.container)) open.container.push(value);
    else if (open.key !== undefined) defineMember(open.container, open.key, value);
  };
  const close = (): boolean => {
    stack.pop();
    expecting = 'next';
    return stack.length > 0;
  };
  while (index < text.length) {
    const char = text[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index += 1;
      continue;
    }
    const open = stack.at(-1);
    if (expecting === 'value') {
      if (char === '{' || char === '[') {
        const container = char === '{' ? {} : [];
        place(container);
        stack.push({ container, key: undefined });
        expecting = char === '{' ? 'key' : 'value';
        index += 1;
      } else if (char === ']' && open !== undefined && Array.isArray(open.container)) {
        if (!close()) break;
        index += 1;
      } else if (char === '"') {
        const end = endOfString(text, index);
        const value = end < 0 ? undefined : safely(() => JSON.parse(text.slice(index, end)) as unknown);
        if (typeof value !== 'string') break;
        place(value);
        expecting = 'next';
        index = end;
      } else {
        JSON_SCALAR.lastIndex = index;
        const match = JSON_SCALAR.exec(text);
        // A number that reaches the end of the text may itself be cut off.
        if (match === null || JSON_SCALAR.lastIndex >= text.length) break;
        const scalar = safely(() => JSON.parse(match[0]) as unknown);
        if (scalar === undefined) break;
        place(scalar);
        expecting = 'next';
        index = JSON_SCALAR.lastIndex;
      }
      if (stack.length === 0 && expecting === 'next') break;
    } else if (expecting === 'key') {
      if (char === '}') {
        if (!close()) break;
        index += 1;
      } else if (char === '"' && open !== undefined) {
        const end = endOfString(text, index);
        const key = end < 0 ? undefined : safely(() => JSON.parse(text.slice(index, end)) as unknown);
        if (typeof key !== 'string') break;
        open.key = key;
        expecting = 'colon';
        index = end;
      } else break;
    } else if (expecting === 'colon') {
      if (char !== ':') break;
      expecting = 'value';
      index += 1;
    } else if (char === ',' && open !== undefined) {
      expecting = Array.isArray(open.container) ? 'value' : 'key';
      index += 1;
    } else if ((char === '}' || char === ']') && open !== undefined && Array.isArray(open.container) === (char === ']')) {
      if (!close()) break;
      index += 1;
    } else break;
  }
  return root;
}

/** Decodes a body text; text that is not complete JSON gives whatever complete prefix it has. */
function decodeJson(text: string): unknown {
  const clipped = text.length > MAX_BODY_LENGTH ? text.slice(0, MAX_BODY_LENGTH) : text;
  const unmarked = clipped.charCodeAt(0) === 0xfeff ? clipped.slice(1) : clipped;
  try {
    return JSON.parse(unmarked);
  } catch {
    // Servers and proxies sometimes put raw control characters (ESC, NUL) inside strings, which
    // JSON forbids; escaping them (not the whitespace ones, which may sit between tokens) keeps the
    // whole body instead of the part before the first one.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const escaped = unmarked.replace(/[\u0000-\u0008\v\f\u000e-\u001f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (escaped !== unmarked) {
      try {
        return JSON.parse(escaped);
      } catch {
        // fall through to the prefix reader
      }
    }
    return safely(() => parseJsonPrefix(unmarked));
  }
}

interface ErrorFields {
  code: string | undefined;
  message: string | undefined;
  target: string | undefined;
  details: ErrorDetail[];
  innerError: JsonObject | undefined;
  status: number | undefined;
}

function readErrorObject(error: JsonObject): ErrorFields {
  return {
    code: ownString(error, 'code'),
    message: readMessage(own(error, 'message')),
    target: ownString(error, 'target'),
    details: readDetails(own(error, 'details')),
    innerError: ownObject(error, 'innerError', 'innererror'),
    status: undefined,
  };
}

function isPlainObject(value: JsonObject): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Finds the error: OData v4 `error`, OData v3 `odata.error`, or an RFC 9457 problem document (a
 * plain object with a string `title` or `detail`; its `code` extension member is the code).
 */
function readErrorFields(value: unknown): ErrorFields | undefined {
  if (!isObjectSafely(value)) return undefined;
  const body = value as JsonObject;
  const wrapped = ownObject(body, 'error', 'odata.error');
  if (wrapped !== undefined) return readErrorObject(wrapped);
  const detail = ownString(body, 'detail');
  if (!safely(() => isPlainObject(body)) || (detail === undefined && ownString(body, 'title') === undefined)) return undefined;
  const status = own(body, 'status');
  return {
    code: ownString(body, 'code'),
    message: detail,
    target: ownString(body, 'trackingId') ?? ownString(body, 'instance')?.replace(/^urn:uuid:/i, ''),
    details: [],
    innerError: undefined,
    status: isHttpStatus(status) ? status : undefined,
  };
}

/**
 * Reads an error body from a string or an already parsed value, and never throws.
 *
 * Accepts OData v4 (`{ error: { code, message, target, details, innerError } }`), OData v3
 * (`odata.error`, `message: { lang, value }`), RFC 9457 problem documents (`detail` is the message,
 * `trackingId` or else `instance` (less a `urn:uuid:` prefix) the target, `status` used when no status
 * is given). Members of the wrong type are ignored. Anything else (HTML from a proxy, empty
 * text, arrays, numbers) still gives a result: `known: false`, a `fallbackCode` chosen from the
 * status, and `raw` kept. Strings are read up to {@link MAX_BODY_LENGTH} characters; of text that is
 * cut off or longer, the members complete before the cut are kept.
 */
export function parseErrorBody(input: unknown, options: ParseErrorBodyOptions = {}): ParsedErrorBody {
  const fields = safely(() => readErrorFields(typeof input === 'string' ? decodeJson(input) : input));
  const optionStatus = safely(() => options?.status);
  const givenStatus = isHttpStatus(optionStatus) ? optionStatus : undefined;
  const sentCode = fields?.code !== undefined && fields.code.length > 0 ? fields.code : undefined;
  const known = isErrorCode(sentCode);
  const status = givenStatus ?? fields?.status ?? (known ? getErrorDefinition(sentCode).status : 500);
  const fallbackCode = known ? sentCode : fallbackCodeForStatus(status);
  return {
    code: sentCode ?? fallbackCode,
    known,
    fallbackCode,
    status,
    message: fields?.message,
    target: fields?.target,
    details: fields?.details ?? [],
    innerError: fields?.innerError,
    isErrorBody: fields !== undefined,
    raw: input,
  };
}

/** What {@link readErrorResponse} gives: the parsed body plus `Retry-After`. */
export interface ErrorResponseInfo extends ParsedErrorBody {
  /** Seconds to wait before retrying, from a `Retry-After` header (delta-seconds or HTTP-date). */
  readonly retryAfter: number | undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** The instant of an HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, rfc850-date or asctime-date), or `undefined`. */
function parseHttpDate(text: string, now: number): number | undefined {
  let parts: [day: string, month: string, year: string, hour: string, minute: string, second: string];
  let match = IMF_FIXDATE.exec(text);
  if (match) parts = [match[1], match[2], match[3], match[4], match[5], match[6]] as typeof parts;
  else if ((match = RFC850_DATE.exec(text))) parts = [match[1], match[2], match[3], match[4], match[5], match[6]] as typeof parts;
  else if ((match = ASCTIME_DATE.exec(text))) parts = [match[2], match[1], match[6], match[3], match[4], match[5]] as typeof parts;
  else return undefined;
  const [day, month, hour, minute, second] = [Number(parts[0]), MONTHS.indexOf(parts[1]), Number(parts[3]), Number(parts[4]), Number(parts[5])];
  let year = Number(parts[2]);
  if (parts[2].length === 2) {
    // RFC 9110: a two-digit year more than 50 years ahead is the most recent such year in the past.
    const thisYear = new Date(now).getUTCFullYear();
    year += Math.floor(thisYear / 100) * 100;
    if (year > thisYear + 50) year -= 100;
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(Date.UTC(year, month, day, hour, minute, second));
  date.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  return date.getUTCDate() === day && date.getUTCMonth() === month ? date.getTime() : undefined;
}

/**
 * Parses a `Retry-After` value: delta-seconds (up to 10 digits) or an HTTP-date in any of the three
 * forms of RFC 9110, as whole seconds from `now` (0 for a date in the past). Anything else: `undefined`.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  if (trimmed.length > 40) return undefined;
  const date = parseHttpDate(trimmed, now);
  if (date === undefined) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** The minimal part of a fetch `Response` that {@link readErrorResponse} reads. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text?(): Promise<string>;
}

async function readCappedText(response: ResponseLike): Promise<string> {
  const body = response.body;
  if (!body) return response.text ? (await response.text()).slice(0, MAX_BODY_LENGTH) : '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  try {
    while (bytes < MAX_BODY_LENGTH) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value.byteLength + bytes > MAX_BODY_LENGTH ? value.subarray(0, MAX_BODY_LENGTH - bytes) : value;
      bytes += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
  } finally {
    // Stops the download of whatever is left past the cap.
    reader.cancel().catch(() => undefined);
  }
  return text;
}

/**
 * Reads an error from a fetch `Response` (Node and browsers) whatever its content type, reading
 * at most {@link MAX_BODY_LENGTH} bytes of the body and cancelling the rest, and never throws: a body
 * that cannot be read counts as empty. It waits for the body as long as the server sends it: bound
 * the request with an `AbortSignal` to bound the wait.
 */
export async function readErrorResponse(response: ResponseLike): Promise<ErrorResponseInfo> {
  let text: string;
  try {
    text = await readCappedText(response);
  } catch {
    text = '';
  }
  const status = safely(() => response.status);
  const parsed = parseErrorBody(text, isHttpStatus(status) ? { status } : {});
  const retryAfter = safely(() => parseRetryAfter(response.headers.get('retry-after')));
  return { ...parsed, retryAfter };
}
