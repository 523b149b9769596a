import { isObject, member, safely } from '../safe';

/** At most this many header names are compared when a plain object has no exact-case match. */
const MAX_HEADER_NAMES = 200;

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (safely(() => Array.isArray(value))) return firstString(safely(() => (value as unknown[])[0]));
  return undefined;
}

/**
 * One header of any header container a client library hands out, never throwing: a fetch
 * `Headers`, `AxiosHeaders` or Azure `HttpHeaders` (each has `get(name)`), or a plain object of
 * name -> value (axios, Node's `IncomingHttpHeaders`) or name -> values (Kiota's `responseHeaders`),
 * read case-insensitively. `name` must be lower case.
 */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  const get = safely(() => headers['get']);
  // A container with `get` is case-insensitive itself: its answer is the answer.
  if (typeof get === 'function') return firstString(safely(() => (get as (key: string) => unknown).call(headers, name)));
  const exact = firstString(member(headers, name));
  if (exact !== undefined) return exact;
  const keys = safely(() => Object.keys(headers)) ?? [];
  for (const key of keys.slice(0, MAX_HEADER_NAMES)) {
    if (key.toLowerCase() === name) return firstString(member(headers, key));
  }
  return undefined;
}
