import { DefenderApiError, fallbackCodeForStatus, isDefenderApiError, parseRetryAfter } from '@defender-errors/core';

function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/** A `Retry-After` an `Error` carries: a `retryAfter` number, or a `retry-after` entry of its `headers` (http-errors). */
function carriedRetryAfter(error: Error): number | undefined {
  const { retryAfter, headers } = error as { retryAfter?: unknown; headers?: unknown };
  if (typeof retryAfter === 'number') return retryAfter;
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'retry-after' && typeof value === 'string') return parseRetryAfter(value);
  }
  return undefined;
}

/**
 * The one reader of what was thrown, for `createErrorResponse`: what it hands on is read by the
 * translator's `describe`.
 *
 * - a `DefenderApiError` (also one of another copy of core) as it is;
 * - an `Error` with a 4xx/5xx `status` or `statusCode` (http-errors, body-parser's
 *   `entity.parse.failed`, Fastify's own errors, Hono's `HTTPException`): that status, with the
 *   registry's fallback code of the status (`BadRequest` for a 415) and its `Retry-After`;
 * - any other `Error`: a 500 `InternalServerError`, nothing of its text kept;
 * - anything else (an error body, a parsed body, a thrown string): as it is, for `describe` to parse.
 *
 * Never throws: a value whose reading throws (a revoked Proxy, a throwing getter) is a 500.
 *
 * TODO(coordinator): core's `toErrorInfo` replaces this function after the merge.
 */
export function readThrown(error: unknown): unknown {
  try {
    if (isDefenderApiError(error)) return error;
    if (!(error instanceof Error)) return error;
    const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
    const carried = isErrorStatus(status) ? status : isErrorStatus(statusCode) ? statusCode : undefined;
    if (carried === undefined) return new DefenderApiError('InternalServerError');
    return new DefenderApiError(fallbackCodeForStatus(carried), { status: carried, retryAfter: carriedRetryAfter(error) });
  } catch {
    return new DefenderApiError('InternalServerError');
  }
}
