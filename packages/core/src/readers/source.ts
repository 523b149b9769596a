import { isErrorCode } from '../codes';
import { buildErrorInfo, decodeJson, readBodyFields, type ErrorFields, type ErrorInfo } from '../parse';
import { isHttpStatus } from '../registry';
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from '../retry-after';
import { isPlainObject, own, ownString, safely } from '../safe';
import { headerValue } from './headers';

/** What a reader of one client family finds in a value. Internal. */
export interface ErrorSource {
  /** The response body: text, a parsed body, or the inner error object. */
  readonly body?: unknown;
  /** The fields of `body`, when the reader has read them already. */
  readonly fields?: ErrorFields;
  /** The HTTP status the value carries. */
  readonly status?: unknown;
  /** A header container holding `Retry-After`. */
  readonly headers?: unknown;
  /** A code the client read from the body itself; used only when it is a registered Defender code. */
  readonly code?: unknown;
  /** A tracking ID the client read from the body itself (Graph's `requestId`). */
  readonly target?: unknown;
  /** Text the value marks as safe to show as the server's (`expose: true`). */
  readonly message?: unknown;
  /** Seconds to wait, when the value already holds them (`DefenderApiError.retryAfter`). */
  readonly retryAfter?: unknown;
}

/** The fields of a body, or of an inner error object (`body.error`, Graph's `GraphError.body`). */
export function fieldsOfBody(body: unknown): ErrorFields | undefined {
  const fields = readBodyFields(body);
  if (fields) return fields;
  const decoded = typeof body === 'string' ? safely(() => decodeJson(body)) : body;
  return isInnerError(decoded) ? readBodyFields({ error: decoded }) : undefined;
}

/** Whether `value` is the inner object of an error body: a plain object with a string `code` and no `error`. */
export function isInnerError(value: unknown): boolean {
  return isPlainObject(value) && typeof own(value, 'code') === 'string' && own(value, 'error') === undefined && ownString(value, 'odata.error') === undefined;
}

/** The first integer HTTP status 100-599 among `statuses`. */
export function firstStatus(...statuses: unknown[]): number | undefined {
  return statuses.find(isHttpStatus) as number | undefined;
}

function orString(value: unknown, fallback: string | undefined): string | undefined {
  return fallback !== undefined ? fallback : typeof value === 'string' && value !== '' ? value : undefined;
}

/** Seconds a value holds itself (`retryAfter: 3.5`): finite, within the bound; fractions round up. */
function isRetryAfter(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_RETRY_AFTER_SECONDS;
}

/** Builds the result of a value from what its reader found; the status of `options` wins. */
export function infoFromSource(raw: unknown, source: ErrorSource, givenStatus: unknown): ErrorInfo {
  const body = source.fields ?? fieldsOfBody(source.body);
  const code = body?.code || (isErrorCode(source.code) ? source.code : undefined);
  const target = orString(source.target, body?.target);
  const message = orString(source.message, body?.message);
  // The body's own fields when nothing is added to them (the common case: no second object).
  const unchanged = body !== undefined && code === body.code && target === body.target && message === body.message;
  const fields: ErrorFields | undefined = unchanged
    ? body
    : body || code !== undefined || target !== undefined || message !== undefined
      ? { code, message, target, details: body?.details ?? [], innerError: body?.innerError, status: body?.status }
      : undefined;
  const retryAfter = isRetryAfter(source.retryAfter) ? Math.ceil(source.retryAfter) : safely(() => parseRetryAfter(headerValue(source.headers, 'retry-after')));
  return buildErrorInfo(raw, fields, isHttpStatus(givenStatus) ? givenStatus : source.status, retryAfter);
}
