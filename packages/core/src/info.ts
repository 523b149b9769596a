import { isDefenderApiError } from './error';
import { isMarkedResult } from './mark';
import { buildErrorInfo, parseErrorBody, readBodyFields, type ErrorInfo } from './parse';
import { readAxios, readAzure, readGraph, readKiota, readStatusError } from './readers/clients';
import { readResponse, readResponseHolder } from './readers/fetch';
import { infoFromSource, isInnerError, type ErrorSource } from './readers/source';
import { isObject, isPlainObject, type JsonObject } from './safe';

/** Options of {@link toErrorInfo} and `readError`. */
export interface ToErrorInfoOptions {
  /** The HTTP status, when known; it wins over the one the value carries. */
  readonly status?: number;
}

function readDefenderApiError(value: JsonObject): ErrorSource | undefined {
  if (!isDefenderApiError(value)) return undefined;
  const error = { code: value['code'], message: value['serverMessage'], target: value['target'] };
  return { body: { error }, status: value['status'], retryAfter: value['retryAfter'] };
}

function readBody(value: JsonObject): ErrorSource | undefined {
  const fields = readBodyFields(value);
  if (fields) return { fields };
  // An inner error object, or a copy of a result (`{ ...info }`): its own status and seconds count.
  return isInnerError(value) ? { body: value, status: value['status'], retryAfter: value['retryAfter'] } : undefined;
}

/** A body as `JSON.parse` makes it (the common case), read before the client families. */
function readPlainBody(value: JsonObject): ErrorSource | undefined {
  return isPlainObject(value) ? readBody(value) : undefined;
}

/** A body of another kind (a class instance, an object of another realm), read after them. */
function readOtherBody(value: JsonObject): ErrorSource | undefined {
  return isPlainObject(value) ? undefined : readBody(value);
}

/**
 * The readers, most specific first, a bare status last. Axios first (the most common client error,
 * marked by `isAxiosError`); Kiota's errors before bodies: they carry their `MainError` as `error`,
 * as a body does.
 */
const READERS: readonly ((value: JsonObject) => ErrorSource | undefined)[] = [
  readDefenderApiError,
  readAxios,
  readKiota,
  readPlainBody,
  readAzure,
  readGraph,
  readResponse,
  readResponseHolder,
  readOtherBody,
  readStatusError,
];

/** The reading of {@link toErrorInfo} (after its check for a result of core's), which may throw on a hostile value; the caller guards it. */
function readErrorInfo(value: unknown, status: unknown): ErrorInfo {
  if (typeof value === 'string') return parseErrorBody(value, { status: status as number }) as ErrorInfo;
  if (isObject(value)) {
    for (const reader of READERS) {
      let source: ErrorSource | undefined;
      try {
        source = reader(value);
      } catch { // a hostile member: this reader cannot read the value, the next may
        continue;
      }
      if (source) return infoFromSource(value, source, status);
    }
  }
  return buildErrorInfo(value, undefined, status, undefined);
}

/**
 * What an object was read as, the first time: a page re-renders the same thrown error many times,
 * and a thrown error does not change. Weak, so it keeps no error alive.
 */
const readings = new WeakMap<object, ErrorInfo>();

/**
 * The error information of ANY value a user holds, read synchronously; never throws. Reads a
 * result of core's readers (returned as is), a `DefenderApiError`, a body (text or parsed), the
 * inner error object (`body.error`), an axios error or its `response`, an Azure `RestError`, a
 * Microsoft Graph `GraphError`, a Kiota `ApiError` / `ODataError`, a fetch `Response` (status and
 * `Retry-After` only: its body needs `readError`), a value holding a `Response` (ky, ofetch), and an
 * error carrying a 4xx/5xx `status` / `statusCode` (http-errors, body-parser, Fastify, Hono). Anything
 * else is InternalServerError, with nothing of it read as text. A client's own `code` (axios
 * `ERR_BAD_REQUEST`, Node `ECONNRESET`) is never taken for a Defender code. An object is read once:
 * later calls with the same object (and no `status`) return the same result.
 *
 * @example
 * try {
 *   await axios.get(url);
 * } catch (error) {
 *   const { code, status, target, retryAfter } = toErrorInfo(error);
 * }
 */
export function toErrorInfo(value: unknown, options: ToErrorInfoOptions = {}): ErrorInfo {
  // The common case first, before any guarded read: a result of core's readers (a private-field
  // check, which no Proxy trap sees).
  if (isMarkedResult(value)) return value as ErrorInfo;
  let status: unknown;
  try {
    status = options?.status;
  } catch {
    // a throwing `status` getter counts as no status
  }
  const cacheable = status === undefined && typeof value === 'object' && value !== null;
  const cached = cacheable ? readings.get(value) : undefined;
  if (cached !== undefined) return cached;
  let info: ErrorInfo;
  try {
    info = readErrorInfo(value, status);
  } catch {
    info = buildErrorInfo(value, undefined, status, undefined);
  }
  if (cacheable) readings.set(value, info);
  return info;
}
