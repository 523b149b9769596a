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

// `isObject` and `own` run for every member of every body: a try/catch of their own, rather than
// `safely` and a closure, keeps them about twice as fast.
/** Whether `value` is an object and not an array; a revoked Proxy (`Array.isArray` throws) is not. */
function isObject(value: unknown): value is JsonObject {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

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
    if (isObject(value)) return value;
  }
  return undefined;
}

function readMessage(value: unknown): string | undefined {
  return typeof value === 'string' ? value : isObject(value) ? ownString(value, 'value') : undefined;
}

/** The members that an error and each of its `details` entries share. */
function readDetail(object: JsonObject): ErrorDetail {
  return { code: ownString(object, 'code'), message: readMessage(own(object, 'message')), target: ownString(object, 'target') };
}

function readDetails(value: unknown): ErrorDetail[] {
  const entries = value as unknown[];
  const length = safely(() => Array.isArray(entries) && entries.length);
  const details: ErrorDetail[] = [];
  for (let index = 0; typeof length === 'number' && index < Math.min(length, MAX_DETAILS); index += 1) {
    const entry = safely(() => entries[index]);
    if (!isObject(entry)) continue;
    const detail = readDetail(entry);
    if ((detail.code ?? detail.message ?? detail.target) !== undefined) details.push(detail);
  }
  return details;
}

// A JSON token, each exactly as the grammar has it: whitespace, a string, a number or literal that
// is not cut off (a cut number could read as a different one), an opening bracket, or another mark.
const JSON_TOKEN =
  // eslint-disable-next-line no-control-regex -- a JSON string may not hold raw control characters
  /([\t\n\r ]+)|("[^\u0000-\u001f"\\]*(?:\\(?:["/\\bfnrt]|u[\dA-Fa-f]{4})[^\u0000-\u001f"\\]*)*")|(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[Ee][-+]?\d+)?|true|false|null)(?![\d.Ee]|$)|([[{])|([,:\]}])/y;

/**
 * Parses as much of a JSON text as is complete: used when `JSON.parse` fails (a body cut off by the
 * network or by {@link MAX_BODY_LENGTH}), so a code and tracking ID sent before the cut survive.
 * Reads tokens up to the first one that is cut off or out of place, remembering the longest prefix
 * that closing the containers left open makes whole; `JSON.parse` of that builds the value (so
 * `__proto__` stays an own key). A dangling `,` or a key without its value is left out; a `,` just
 * before a closing bracket is ignored. Linear time; throws when no prefix is complete.
 */
function parseJsonPrefix(text: string): unknown {
  // For each container left open, what may start an item in it: `s}` (a key, or the end of the
  // object) or `v]` (a value, or the end of the array).
  const open: string[] = [];
  // What the next token may be: `v` a value, `s` a key, or the marks listed.
  let expected = 'v';
  let json = '';
  let comma = '';
  let complete = '';
  let completeDepth = 0;
  let match: RegExpExecArray | null;
  JSON_TOKEN.lastIndex = 0;
  while ((match = JSON_TOKEN.exec(text))) {
    const [token, whitespace, string, opening, mark] = match;
    if (whitespace) continue;
    const isKey = string !== undefined && expected.includes('s');
    if (!expected.includes(isKey ? 's' : (mark ?? 'v'))) break;
    if (mark === ',') {
      comma = mark;
      expected = open.at(-1)!;
      continue;
    }
    // A comma is written only when an item follows it, so one just before a closing bracket is not.
    json += (mark ? '' : comma) + token;
    comma = '';
    if (isKey || mark === ':') {
      expected = isKey ? ':' : 'v';
      continue;
    }
    if (opening) open.push(opening === '{' ? 's}' : 'v]');
    else {
      if (mark) open.pop();
      if (open.length === 0) return JSON.parse(json);
    }
    expected = opening ? open.at(-1)! : `,${open.at(-1)![1]}`;
    complete = json;
    completeDepth = open.length;
  }
  return JSON.parse(complete + open.slice(0, completeDepth).map((item) => item[1]).reverse().join(''));
}

/** Decodes a body text; text that is not complete JSON gives whatever complete prefix it has. */
function decodeJson(text: string): unknown {
  const unmarked = text.slice(0, MAX_BODY_LENGTH).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(unmarked);
  } catch {
    // Only an object can hold an error: anything else (a cut array of 64 KiB of `[`) is not salvaged.
    if (!/^[\t\n\r ]*\{/.test(unmarked)) return undefined;
    // Servers and proxies sometimes put raw control characters (ESC, NUL) inside strings, which
    // JSON forbids; escaping them (not the whitespace ones, which may sit between tokens) keeps the
    // whole body instead of the part before the first one: the prefix reader gives all of a body
    // that is complete but for them.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    return safely(() => parseJsonPrefix(unmarked.replace(/[\u0000-\u0008\v\f\u000e-\u001f]/g, (char) => JSON.stringify(char).slice(1, -1))));
  }
}

interface ErrorFields extends ErrorDetail {
  readonly details: ErrorDetail[];
  readonly innerError: JsonObject | undefined;
  readonly status: number | undefined;
}

function isPlainPrototype(prototype: unknown): boolean {
  return prototype === Object.prototype || prototype === null;
}

/**
 * Finds the error: OData v4 `error`, OData v3 `odata.error`, or an RFC 9457 problem document (a
 * plain object with a string `title` or `detail`; its `code` extension member is the code).
 */
function readErrorFields(value: unknown): ErrorFields | undefined {
  if (!isObject(value)) return undefined;
  // Both results are built with the same members in the same order: one object shape keeps the
  // reads in parseErrorBody monomorphic (a spread here made parsing three times slower).
  const error = ownObject(value, 'error', 'odata.error');
  if (error) {
    const { code, message, target } = readDetail(error);
    return { code, message, target, details: readDetails(own(error, 'details')), innerError: ownObject(error, 'innerError', 'innererror'), status: undefined };
  }
  const detail = ownString(value, 'detail');
  if (!safely(() => isPlainPrototype(Object.getPrototypeOf(value))) || (detail ?? ownString(value, 'title')) === undefined) return undefined;
  const status = own(value, 'status');
  return {
    code: ownString(value, 'code'),
    message: detail,
    target: ownString(value, 'trackingId') ?? ownString(value, 'instance')?.replace(/^urn:uuid:/i, ''),
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
  const sentCode = fields?.code || undefined;
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

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${WEEKDAY}, (\\d{2}) (${MONTHS}) (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d{2})-(${MONTHS})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${WEEKDAY} (${MONTHS}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** The instant of an HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, rfc850-date or asctime-date), or `undefined`. */
function parseHttpDate(text: string, now: number): number | undefined {
  let dayText, monthName, yearText, hourText, minuteText, secondText: string | undefined;
  let match = IMF_FIXDATE.exec(text) ?? RFC850_DATE.exec(text);
  if (match) [, dayText, monthName, yearText, hourText, minuteText, secondText] = match;
  else if ((match = ASCTIME_DATE.exec(text))) [, monthName, dayText, hourText, minuteText, secondText, yearText] = match;
  else return undefined;
  const [day, hour, minute, second] = [dayText, hourText, minuteText, secondText].map(Number) as [number, number, number, number];
  const month = MONTHS.indexOf(monthName!) / 4;
  let year = Number(yearText);
  if (yearText!.length === 2) {
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
  const decoder = new TextDecoder();
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
