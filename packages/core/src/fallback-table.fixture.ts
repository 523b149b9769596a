/**
 * The fallback table of the README: the registered code to render for a status when the server's
 * code is missing or unknown.
 */
export const FALLBACK_TABLE: readonly (readonly [label: string, status: number | undefined, code: string])[] = [
  ['400', 400, 'BadRequest'],
  ['401', 401, 'Unauthorized'],
  ['403', 403, 'Forbidden'],
  ['404', 404, 'NotFound'],
  ['429', 429, 'TooManyRequests'],
  ['500', 500, 'InternalServerError'],
  ['501', 501, 'InternalServerError'],
  ['502 (proxy)', 502, 'InternalServerError'],
  ['503', 503, 'InternalServerError'],
  ['504', 504, 'InternalServerError'],
  ['599', 599, 'InternalServerError'],
  ['405 (other 4xx)', 405, 'BadRequest'],
  ['409 (other 4xx)', 409, 'BadRequest'],
  ['413 (other 4xx)', 413, 'BadRequest'],
  ['418 (other 4xx)', 418, 'BadRequest'],
  ['422 (other 4xx)', 422, 'BadRequest'],
  ['499 (other 4xx)', 499, 'BadRequest'],
  ['no status', undefined, 'InternalServerError'],
  ['100 (1xx)', 100, 'InternalServerError'],
  ['200 (2xx)', 200, 'InternalServerError'],
  ['204 (2xx)', 204, 'InternalServerError'],
  ['301 (3xx)', 301, 'InternalServerError'],
  ['304 (3xx)', 304, 'InternalServerError'],
];
