import { createErrorResponse, internalErrorResponse, type ErrorResponse, type ErrorResponseOptions } from './response';

/** Options of {@link toResponse} and {@link errorResponder}: those of `createErrorResponse` (the header is read from the request). */
export type ToResponseOptions = Omit<ErrorResponseOptions, 'acceptLanguage'>;

interface RequestFacts {
  readonly acceptLanguage: string | null;
  readonly method: string;
}

/** What the response depends on: a value that is not a fetch `Request` (by shape) counts as a GET without headers. */
function readRequest(request: unknown): RequestFacts {
  try {
    const { headers, method } = request as Request;
    const acceptLanguage = typeof headers?.get === 'function' ? headers.get('accept-language') : null;
    return { acceptLanguage: typeof acceptLanguage === 'string' ? acceptLanguage : null, method: typeof method === 'string' ? method : 'GET' };
  } catch {
    return { acceptLanguage: null, method: 'GET' };
  }
}

function fetchResponse(decided: ErrorResponse, method: string): Response {
  return new Response(method.toUpperCase() === 'HEAD' ? null : decided.body, { status: decided.status, headers: decided.headers });
}

/**
 * The error response for a fetch `Request` as a fetch `Response`: for Node 20+, Bun, Deno,
 * Cloudflare Workers, Next.js route handlers and Hono. Status, headers and body are those of
 * `createErrorResponse` (the language from the request's `Accept-Language`); a `HEAD` request gets
 * the headers and no body.
 *
 * Never throws: a `request` that is not a `Request` is read as one without headers, and when
 * deciding the response fails (an app's translator threw) the answer is a bare 500
 * `InternalServerError` with a fresh tracking ID.
 *
 * @example
 * export async function GET(request: Request) {
 *   try { return Response.json(await load(request)); }
 *   catch (error) { return toResponse(error, request); }
 * }
 */
export function toResponse(error: unknown, request?: unknown, options: ToResponseOptions = {}): Response {
  const { acceptLanguage, method } = readRequest(request);
  let decided: ErrorResponse;
  try {
    decided = createErrorResponse(error, { ...options, acceptLanguage });
  } catch {
    decided = internalErrorResponse();
  }
  try {
    return fetchResponse(decided, method);
  } catch {
    return fetchResponse(internalErrorResponse(), method);
  }
}

/** The function {@link errorResponder} returns. */
export type ErrorResponder = (error: unknown, request?: unknown) => Response;

/**
 * An error handler `(error, request) => Response` with fixed options, for frameworks that take one:
 * Hono's `app.onError((err, c) => respond(err, c.req.raw))`, Bun's `Bun.serve({ error })`, Deno's
 * `Deno.serve({ onError })`. Never throws (see {@link toResponse}).
 *
 * @example
 * const respond = errorResponder({ problem: true });
 * app.onError((err, c) => respond(err, c.req.raw));
 */
export function errorResponder(options: ToResponseOptions = {}): ErrorResponder {
  return (error, request) => toResponse(error, request, options);
}
