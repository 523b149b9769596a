// Readers of the errors that HTTP client libraries throw, by duck typing (core has no dependencies).
// A client's own `code` (axios `ERR_BAD_REQUEST`, Node `ECONNRESET`) is never read as the server's.
// Each reader reads its members directly (a named read per site is several times faster than one
// shared guarded read) and may throw on a hostile value: the dispatcher then tries the next one.
import { isHttpStatus } from '../registry';
import { isObject, type JsonObject } from '../safe';
import type { ErrorSource } from './source';


function axiosResponse(response: JsonObject): ErrorSource {
  return { body: response['data'], status: response['status'], headers: response['headers'] };
}

/** An `AxiosError` (`isAxiosError: true`; no `response` for a network failure), or its `response`. */
export function readAxios(value: JsonObject): ErrorSource | undefined {
  if (value['isAxiosError'] === true) {
    const response = value['response'];
    return isObject(response) ? axiosResponse(response) : {};
  }
  if (isObject(value['config']) && 'data' in value && isHttpStatus(value['status'])) return axiosResponse(value);
  return undefined;
}

/**
 * An Azure `RestError` (`@azure/core-rest-pipeline`): `statusCode`, `code` (from the body, or the
 * pipeline's own such as `REQUEST_SEND_ERROR`), and `response` with `bodyAsText` and `headers`.
 */
export function readAzure(value: JsonObject): ErrorSource | undefined {
  const response = value['response'];
  if (value['name'] !== 'RestError' && !(isObject(response) && 'bodyAsText' in response)) return undefined;
  const bodyAsText = isObject(response) ? response['bodyAsText'] : undefined;
  return {
    body: bodyAsText ?? value['details'],
    status: value['statusCode'] ?? (isObject(response) ? response['status'] : undefined),
    headers: isObject(response) ? response['headers'] : undefined,
    code: value['code'],
  };
}

/**
 * A Microsoft Graph `GraphError` (`@microsoft/microsoft-graph-client`): `statusCode`, `code`,
 * `requestId`, `headers`, and `body`: the inner error object as a JSON string.
 */
export function readGraph(value: JsonObject): ErrorSource | undefined {
  if (!('requestId' in value && 'statusCode' in value && 'body' in value)) return undefined;
  return { body: value['body'], status: value['statusCode'], headers: value['headers'], code: value['code'], target: value['requestId'] };
}

/**
 * A Kiota `ApiError` (`@microsoft/kiota-abstractions`) or the `ODataError` of `@microsoft/msgraph-sdk`:
 * `responseStatusCode`, `responseHeaders` (name -> values) and the `MainError` it carries in `error`.
 */
export function readKiota(value: JsonObject): ErrorSource | undefined {
  const status = value['responseStatusCode'];
  if (!isHttpStatus(status) && !isObject(value['responseHeaders'])) return undefined;
  const error = value['error'];
  return { body: isObject(error) ? { error } : undefined, status, headers: value['responseHeaders'] };
}

/**
 * An error that carries a 4xx/5xx `status` or `statusCode` (http-errors, body-parser, Fastify, Hono
 * `HTTPException`): the status, and a `Retry-After` from its `retryAfter` seconds or its `headers`
 * (http-errors). Its message is the server's text only when it says so
 * (`expose: true`); its `code` (`FST_ERR_VALIDATION`) is the framework's, never read.
 */
export function readStatusError(value: JsonObject): ErrorSource | undefined {
  const status = [value['status'], value['statusCode']].find((candidate) => isHttpStatus(candidate) && candidate >= 400);
  if (status === undefined) return undefined;
  return { status, message: value['expose'] === true ? value['message'] : undefined, headers: value['headers'], retryAfter: value['retryAfter'] };
}
