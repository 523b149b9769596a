// Readers of the errors that HTTP client libraries throw, by duck typing (core has no dependencies).
// A client's own `code` (axios `ERR_BAD_REQUEST`, Node `ECONNRESET`) is never read as the server's.
import { isHttpStatus } from '../registry';
import { isObject, member, safely, type JsonObject } from '../safe';
import type { ErrorSource } from './source';

function has(value: JsonObject, key: string): boolean {
  return safely(() => key in value) === true;
}

function axiosResponse(response: JsonObject): ErrorSource {
  return { body: member(response, 'data'), status: member(response, 'status'), headers: member(response, 'headers') };
}

/** An `AxiosError` (`isAxiosError: true`; no `response` for a network failure), or its `response`. */
export function readAxios(value: JsonObject): ErrorSource | undefined {
  if (member(value, 'isAxiosError') === true) {
    const response = member(value, 'response');
    return isObject(response) ? axiosResponse(response) : {};
  }
  if (isObject(member(value, 'config')) && has(value, 'data') && isHttpStatus(member(value, 'status'))) return axiosResponse(value);
  return undefined;
}

/**
 * An Azure `RestError` (`@azure/core-rest-pipeline`): `statusCode`, `code` (from the body, or the
 * pipeline's own such as `REQUEST_SEND_ERROR`), and `response` with `bodyAsText` and `headers`.
 */
export function readAzure(value: JsonObject): ErrorSource | undefined {
  const response = member(value, 'response');
  if (member(value, 'name') !== 'RestError' && !(isObject(response) && has(response, 'bodyAsText'))) return undefined;
  const bodyAsText = isObject(response) ? member(response, 'bodyAsText') : undefined;
  return {
    body: bodyAsText ?? member(value, 'details'),
    status: member(value, 'statusCode') ?? (isObject(response) ? member(response, 'status') : undefined),
    headers: isObject(response) ? member(response, 'headers') : undefined,
    code: member(value, 'code'),
  };
}

/**
 * A Microsoft Graph `GraphError` (`@microsoft/microsoft-graph-client`): `statusCode`, `code`,
 * `requestId`, `headers`, and `body`: the inner error object as a JSON string.
 */
export function readGraph(value: JsonObject): ErrorSource | undefined {
  if (!has(value, 'requestId') || !has(value, 'statusCode') || !has(value, 'body')) return undefined;
  return { body: member(value, 'body'), status: member(value, 'statusCode'), headers: member(value, 'headers'), code: member(value, 'code'), target: member(value, 'requestId') };
}

/**
 * A Kiota `ApiError` (`@microsoft/kiota-abstractions`) or the `ODataError` of `@microsoft/msgraph-sdk`:
 * `responseStatusCode`, `responseHeaders` (name -> values) and the `MainError` it carries in `error`.
 */
export function readKiota(value: JsonObject): ErrorSource | undefined {
  const status = member(value, 'responseStatusCode');
  if (!isHttpStatus(status) && !isObject(member(value, 'responseHeaders'))) return undefined;
  const error = member(value, 'error');
  return { body: isObject(error) ? { error } : undefined, status, headers: member(value, 'responseHeaders') };
}

/**
 * An error that carries a 4xx/5xx `status` or `statusCode` (http-errors, body-parser, Fastify, Hono
 * `HTTPException`): the status only. Its message is the server's text only when it says so
 * (`expose: true`); its `code` (`FST_ERR_VALIDATION`) is the framework's, never read.
 */
export function readStatusError(value: JsonObject): ErrorSource | undefined {
  const status = [member(value, 'status'), member(value, 'statusCode')].find((candidate) => isHttpStatus(candidate) && candidate >= 400);
  if (status === undefined) return undefined;
  return { status, message: member(value, 'expose') === true ? member(value, 'message') : undefined };
}
