import type { ResponseLike } from '../response';
import { isObject, member, type JsonObject } from '../safe';
import { firstStatus, type ErrorSource } from './source';

/** Whether `value` looks like a fetch `Response`: a status, `headers.get` and a way to read the body. */
export function isResponseLike(value: unknown): value is ResponseLike {
  if (!isObject(value) || firstStatus(member(value, 'status')) === undefined) return false;
  const headers = member(value, 'headers');
  return isObject(headers) && typeof member(headers, 'get') === 'function' && typeof member(value, 'text') === 'function';
}

/** The fetch `Response` a value holds (ky `HTTPError.response`, ofetch `FetchError.response`), if any. */
export function heldResponse(value: JsonObject): ResponseLike | undefined {
  const response = member(value, 'response');
  return isResponseLike(response) ? response : undefined;
}

/** A fetch `Response`, read synchronously: its status and headers (the body needs `readError`). */
export function readResponse(value: JsonObject): ErrorSource | undefined {
  if (!isResponseLike(value)) return undefined;
  return { status: member(value, 'status'), headers: member(value, 'headers') };
}

/** A value holding a `Response`: its status and headers, and the body ofetch already parsed (`data`). */
export function readResponseHolder(value: JsonObject): ErrorSource | undefined {
  const response = heldResponse(value);
  if (!response) return undefined;
  return { body: member(value, 'data'), status: member(response, 'status'), headers: member(response, 'headers') };
}
