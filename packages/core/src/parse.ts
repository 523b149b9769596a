import { fallbackCodeForStatus, getErrorDefinition, isErrorCode, type ErrorCode } from './codes';

/** The most characters (of a string) or bytes (of a response) that the parsers read: 64 KiB. */
export const MAX_BODY_LENGTH = 64 * 1024;

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
  /** The HTTP status: the one given, else the code's own, else 500. */
  readonly status: number;
  /** The server's `message` (OData v3 `{ lang, value }` is unwrapped), if it sent one. */
  readonly message: string | undefined;
  /** The tracking ID (`target`), if the server sent one. */
  readonly target: string | undefined;
  /** The `details` entries that have the right shape. */
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

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function ownString(object: JsonObject, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

function readMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) return ownString(value, 'value');
  return undefined;
}

function readDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  const details: ErrorDetail[] = [];
  for (const entry of value) {
    if (!isObject(entry)) continue;
    details.push({
      code: ownString(entry, 'code'),
      message: readMessage(own(entry, 'message')),
      target: ownString(entry, 'target'),
    });
  }
  return details;
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

function decodeJson(text: string): unknown {
  const clipped = text.length > MAX_BODY_LENGTH ? text.slice(0, MAX_BODY_LENGTH) : text;
  const unmarked = clipped.charCodeAt(0) === 0xfeff ? clipped.slice(1) : clipped;
  try {
    return JSON.parse(unmarked);
  } catch {
    return undefined;
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

/** Finds the error object: OData v4 `error`, OData v3 `odata.error`, or an RFC 9457 problem document. */
function readErrorFields(value: unknown): ErrorFields | undefined {
  if (!isObject(value)) return undefined;
  const error = own(value, 'error') ?? own(value, 'odata.error');
  if (isObject(error)) {
    const inner = own(error, 'innerError') ?? own(error, 'innererror');
    return {
      code: ownString(error, 'code'),
      message: readMessage(own(error, 'message')),
      target: ownString(error, 'target'),
      details: readDetails(own(error, 'details')),
      innerError: isObject(inner) ? inner : undefined,
      status: undefined,
    };
  }
  const code = ownString(value, 'code');
  if (code !== undefined && (own(value, 'title') !== undefined || own(value, 'detail') !== undefined)) {
    const instance = ownString(value, 'instance');
    const status = own(value, 'status');
    return {
      code,
      message: ownString(value, 'detail'),
      target: ownString(value, 'trackingId') ?? instance?.replace(/^urn:uuid:/i, ''),
      details: [],
      innerError: undefined,
      status: isHttpStatus(status) ? status : undefined,
    };
  }
  return undefined;
}

/**
 * Reads an error body from a string or an already parsed value, and never throws.
 *
 * Accepts OData v4 (`{ error: { code, message, target, details, innerError } }`), OData v3
 * (`odata.error`, `message: { lang, value }`) and RFC 9457 problem documents. Members of the wrong
 * type are ignored. Anything else (HTML from a proxy, empty or truncated text, arrays, numbers)
 * still gives a result: `known: false`, a `fallbackCode` chosen from the status, and `raw` kept.
 * Strings are read up to {@link MAX_BODY_LENGTH} characters.
 */
export function parseErrorBody(input: unknown, options: ParseErrorBodyOptions = {}): ParsedErrorBody {
  let fields: ErrorFields | undefined;
  try {
    fields = readErrorFields(typeof input === 'string' ? decodeJson(input) : input);
  } catch {
    fields = undefined; // a hostile getter or Proxy: treat as no body
  }
  const givenStatus = isHttpStatus(options.status) ? options.status : undefined;
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

/** Parses a `Retry-After` value: delta-seconds or an HTTP-date, as whole seconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  if (trimmed.length > 64 || !/^[a-z]{3},/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
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
    reader.cancel().catch(() => undefined);
  }
  return text;
}

/**
 * Reads an error from a fetch `Response` (Node and browsers) whatever its content type, reading
 * at most {@link MAX_BODY_LENGTH} bytes, and never throws: a body that cannot be read counts as empty.
 */
export async function readErrorResponse(response: ResponseLike): Promise<ErrorResponseInfo> {
  let text: string;
  try {
    text = await readCappedText(response);
  } catch {
    text = '';
  }
  const parsed = parseErrorBody(text, { status: response.status });
  let retryAfter: number | undefined;
  try {
    retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  } catch {
    retryAfter = undefined;
  }
  return { ...parsed, retryAfter };
}
