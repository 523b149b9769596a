import { toErrorInfo, type ToErrorInfoOptions } from './info';
import { isMarkedResult } from './mark';
import { buildErrorInfo, readBodyFields, type ErrorInfo } from './parse';
import { heldResponse, isResponseLike } from './readers/fetch';
import { firstStatus } from './readers/source';
import { readErrorResponse, type ResponseLike } from './response';
import { isObject, member, safely } from './safe';

/** The `Response` whose body is still to be read: the value itself, or one it holds (ky, ofetch). */
function unreadResponse(value: unknown): ResponseLike | undefined {
  if (!isObject(value) || isMarkedResult(value)) return undefined;
  const response = isResponseLike(value) ? value : heldResponse(value);
  return response && member(response, 'bodyUsed') !== true ? response : undefined;
}

/**
 * The error information of any value, like {@link toErrorInfo}, also reading the body of a fetch
 * `Response` when the value is one or holds one (ky `HTTPError.response`, ofetch
 * `FetchError.response`) through `readErrorResponse`. Never rejects.
 *
 * @example
 * const response = await fetch(url);
 * if (!response.ok) throw DefenderApiError.fromParsed(await readError(response));
 */
export async function readError(value: unknown, options: ToErrorInfoOptions = {}): Promise<ErrorInfo> {
  try {
    const response = unreadResponse(value);
    if (!response) return toErrorInfo(value, options);
    const info = await readErrorResponse(response);
    const status = firstStatus(safely(() => options?.status));
    if (info.isErrorBody || response === value) {
      return status === undefined ? info : buildErrorInfo(info.raw, readBodyFields(info.raw), status, info.retryAfter);
    }
    // The holder may carry what the body did not (ofetch's parsed `data`).
    return toErrorInfo(value, options);
  } catch {
    return toErrorInfo(value, options);
  }
}
