import type { ResponseLike } from '../response';
import { isObject, type JsonObject } from '../safe';
import { firstStatus, type ErrorSource } from './source';

/** Whether `value` looks like a fetch `Response`: a status, `headers.get` and a way to read the body. */
export function isResponseLike(value: unknown): value is ResponseLike {
  try {
    if (!isObject(value) || firstStatus(value['status']) === undefined) return false;
    const headers = value['headers'];
    return isObject(headers) && typeof headers['get'] === 'function' && typeof value['text'] === 'function';
  } catch {
    return false; // a throwing getter or Proxy trap: not a response
  }
}

/** The fetch `Response` a value holds (ky `HTTPError.response`, ofetch `FetchError.response`), if any. */
export function heldResponse(value: JsonObject): ResponseLike | undefined {
  const response = value['response'];
  return isResponseLike(response) ? response : undefined;
}

/** A fetch `Response`, read synchronously: its status and headers (the body needs `readError`). */
export function readResponse(value: JsonObject): ErrorSource | undefined {
  if (!isResponseLike(value)) return undefined;
  return { status: value['status'], headers: value['headers'] };
}

/** A value holding a `Response`: its status and headers, and the body ofetch already parsed (`data`). */
export function readResponseHolder(value: JsonObject): ErrorSource | undefined {
  const response = heldResponse(value);
  if (!response) return undefined;
  return { body: value['data'], status: response['status'], headers: response['headers'] };
}
