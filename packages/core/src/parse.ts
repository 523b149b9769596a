import { fallbackCodeForStatus, getErrorDefinition, isErrorCode, type ErrorCode } from './codes';
import { markResult } from './mark';
import { isHttpStatus } from './registry';
import { isObject, own, ownObject, ownString, safely, type JsonObject } from './safe';

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

/** Decodes a body text; text that is not complete JSON gives whatever complete prefix it has. Internal. */
export function decodeJson(text: string): unknown {
  const capped = text.length > MAX_BODY_LENGTH ? text.slice(0, MAX_BODY_LENGTH) : text;
  const unmarked = capped.charCodeAt(0) === 0xfeff ? capped.slice(1) : capped;
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

/** The members of an error found in a body. Internal. */
export interface ErrorFields extends ErrorDetail {
  readonly details: ErrorDetail[];
  readonly innerError: JsonObject | undefined;
  readonly status: number | undefined;
}

function isPlainPrototype(prototype: unknown): boolean {
  return prototype === Object.prototype || prototype === null;
}

/** The Graph shape's tracking ID: `innerError["request-id"]` (Kiota's parsed `MainError`: `requestId`). */
function graphRequestId(innerError: JsonObject | undefined): string | undefined {
  return innerError && (ownString(innerError, 'request-id') ?? ownString(innerError, 'requestId'));
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
    const innerError = ownObject(error, 'innerError', 'innererror');
    return { code, message, target: target ?? graphRequestId(innerError), details: readDetails(own(error, 'details')), innerError, status: undefined };
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
  let status: unknown;
  try {
    status = options?.status;
  } catch {
    // a throwing `status` getter counts as no status
  }
  return buildErrorInfo(input, readBodyFields(input), status, undefined);
}

/** What every reader gives: the parsed body plus `Retry-After`, in seconds. */
export type ErrorInfo = ParsedErrorBody & {
  /** Seconds to wait before retrying, from a `Retry-After` header (delta-seconds or HTTP-date). */
  readonly retryAfter: number | undefined;
};

/** What {@link readErrorResponse} gives: the same as {@link ErrorInfo} (the name of earlier versions). */
export type ErrorResponseInfo = ErrorInfo;

/** The fields found in a body, as {@link parseErrorBody} reads them. Internal. */
export function readBodyFields(body: unknown): ErrorFields | undefined {
  return safely(() => readErrorFields(typeof body === 'string' ? decodeJson(body) : body));
}

/**
 * Builds (and marks as core's own) the result of every reader. One object shape, members in one
 * order: it keeps the reads of the adapters monomorphic. Internal.
 */
export function buildErrorInfo(raw: unknown, fields: ErrorFields | undefined, status: unknown, retryAfter: number | undefined): ErrorInfo {
  const givenStatus = isHttpStatus(status) ? status : undefined;
  const sentCode = fields?.code || undefined;
  const known = isErrorCode(sentCode);
  const resolvedStatus = givenStatus ?? fields?.status ?? (known ? getErrorDefinition(sentCode).status : 500);
  const fallbackCode = known ? sentCode : fallbackCodeForStatus(resolvedStatus);
  return markResult({
    code: sentCode ?? fallbackCode,
    known,
    fallbackCode,
    status: resolvedStatus,
    message: fields?.message,
    target: fields?.target,
    details: fields?.details ?? [],
    innerError: fields?.innerError,
    isErrorBody: fields !== undefined,
    raw,
    retryAfter,
  });
}
