import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import {
  createErrorResponse,
  internalErrorResponse,
  type ErrorResponse,
  type ErrorResponseOptions,
  type ProblemErrorBody,
  type WireErrorBody,
} from '@defender-errors/http';
import { memberOf } from './read';
import type { TranslatorLike } from './translator';

export type { ProblemErrorBody, WireErrorBody };

/** The part of a request that {@link sendError} reads: `IncomingMessage`, an Express or Fastify request. */
export interface RequestLike {
  readonly headers: Pick<IncomingHttpHeaders, 'accept-language'>;
  readonly method?: string | undefined;
}

/** The part of a response that {@link sendError} writes to: `ServerResponse` and so Express's `res` and Fastify's `reply.raw`. */
export type ServerResponseLike = Pick<ServerResponse, 'statusCode' | 'headersSent' | 'setHeader' | 'getHeader' | 'end'>;

/** How the Node writers choose language and body: the options of `createErrorResponse` under this package's names. */
export interface ResponseChoices {
  /** Send the message in the client's language (default `true`); `false` sends the API's English wire text (en-US). */
  readonly localize?: boolean | undefined;
  /** A language chosen by the app (a user's setting) instead of the `Accept-Language` header. Resolved to a supported tag. */
  readonly lng?: string | undefined;
  /** Send an RFC 9457 `application/problem+json` body instead of the wire format (default `false`). */
  readonly problemJson?: boolean | undefined;
  /** The problem `type` URI for a code (default `about:blank`, whose `title` is the HTTP status text). */
  readonly problemType?: ((code: string) => string) | undefined;
  /** An app's own translator (`createErrorTranslator({ i18n })`); default: the shared one of {@link getDefaultTranslator}. */
  readonly translator?: TranslatorLike | undefined;
}

/** Options of {@link sendError}. */
export interface SendErrorOptions extends ResponseChoices {
  /** The request: its `Accept-Language` header chooses the language, and a `HEAD` request gets no body. */
  readonly req?: RequestLike | undefined;
}

/** What {@link sendError} sent: useful to log the tracking ID next to the internal error. */
export interface SentError {
  readonly status: number;
  readonly code: string;
  /** The tracking ID in the body (`target` / `trackingId`). */
  readonly target: string;
  /** The language of the message, as sent in `Content-Language`. */
  readonly lng: string;
  readonly contentType: string;
}

/** The options of `createErrorResponse` for a request and this package's choices (`createErrorResponse` checks each value). */
export function responseOptions(choices: ResponseChoices, req: RequestLike | undefined): ErrorResponseOptions {
  // One guarded pass for the usual plain objects; a read that throws falls back to reading member by member.
  try {
    return {
      acceptLanguage: req?.headers?.['accept-language'],
      lng: choices?.lng,
      translator: choices?.translator,
      localize: choices?.localize,
      problem: choices?.problemJson === true ? { type: choices.problemType } : false,
    };
  } catch {
    return {
      acceptLanguage: memberOf(memberOf(req, 'headers'), 'accept-language') as ErrorResponseOptions['acceptLanguage'],
      lng: memberOf(choices, 'lng') as string | undefined,
      translator: memberOf(choices, 'translator') as TranslatorLike | undefined,
      localize: memberOf(choices, 'localize') as boolean | undefined,
      problem: memberOf(choices, 'problemJson') === true ? { type: memberOf(choices, 'problemType') as ResponseChoices['problemType'] } : false,
    };
  }
}

/** `Accept-Language` added to a `Vary` value already set (unless it is listed, or `*`). */
export function mergeVary(current: unknown, field: string): string {
  if (current === undefined) return field;
  const listed = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (listed.some((entry) => entry === '*' || entry.toLowerCase() === field.toLowerCase())) return listed.join(', ');
  return [...listed, field].join(', ');
}

/** What was sent, for `onError` and the caller. */
export function sentOf(decided: ErrorResponse): SentError {
  return { status: decided.status, code: decided.code, target: decided.target, lng: decided.lng, contentType: decided.contentType };
}

function writeResponse(res: ServerResponseLike, decided: ErrorResponse, method: string | undefined): void {
  const { headers } = decided;
  res.statusCode = decided.status;
  for (const name in headers) {
    const value = headers[name] as string;
    res.setHeader(name, name === 'Vary' ? mergeVary(res.getHeader('Vary'), value) : value);
  }
  if (method === 'HEAD') res.end();
  else res.end(decided.body);
}

/**
 * Writes an error response on a `node:http` `ServerResponse` (Express's `res`, Fastify's
 * `reply.raw`), in the client's language: status, headers and body exactly as
 * `createErrorResponse` of `@defender-errors/http` decides them (a `Vary` already set keeps its
 * entries). For every 5xx status the body holds only the generic text of the status and a registry
 * code; anything that is neither a `DefenderApiError`, an error body nor an `Error` with a 4xx/5xx
 * `status`/`statusCode` is sent as a 500 `InternalServerError`.
 *
 * @throws Error when the response's headers were already sent.
 *
 * @example
 * sendError(res, new DefenderApiError('InvalidHashValue', { params: { hash } }), { req });
 */
export function sendError(res: ServerResponseLike, error: unknown, options: SendErrorOptions = {}): SentError {
  if (res.headersSent) throw new Error('sendError: the response headers were already sent.');
  const req = memberOf(options, 'req') as RequestLike | undefined;
  const decided = createErrorResponse(error, responseOptions(options, req));
  const method = memberOf(req, 'method');
  writeResponse(res, decided, typeof method === 'string' ? method : undefined);
  return sentOf(decided);
}

/** Options of {@link errorHandler}: those of {@link sendError} (but `req`) and a logging hook. */
export interface ErrorHandlerOptions extends ResponseChoices {
  /**
   * Called after the response was sent, with the original error (message, stack, cause and all),
   * the request, and what was sent (its tracking ID): the place to log. Called for every error, 4xx
   * included (filter on `sent.status`); when the translator itself failed it is called first with that
   * failure. Errors it throws are ignored.
   */
  readonly onError?: ((error: unknown, req: RequestLike, sent: SentError) => void) | undefined;
}

/** The function {@link errorHandler} returns: an Express error-handling middleware (four parameters). */
export type DefenderErrorHandler = (error: unknown, req: RequestLike, res: ServerResponseLike, next: (error?: unknown) => void) => void;

/** Calls an `onError` hook; a logging hook must not turn a handled error into a crash. */
export function notify<R>(onError: ((error: unknown, req: R, sent: SentError) => void) | undefined, error: unknown, req: R, sent: SentError): void {
  if (!onError) return;
  try {
    onError(error, req, sent);
  } catch {
    // ignored, as documented
  }
}

/**
 * The response for an error handler: what `createErrorResponse` decides, or — when that fails (an
 * app's own translator threw) — the bare 500, after telling `onError` of the failure.
 */
export function decideForHandler<R extends RequestLike>(
  error: unknown,
  choices: ResponseChoices,
  req: R,
  onError: ((error: unknown, req: R, sent: SentError) => void) | undefined,
): ErrorResponse {
  try {
    return createErrorResponse(error, responseOptions(choices, req));
  } catch (failure) {
    const bare = internalErrorResponse();
    notify(onError, failure, req, sentOf(bare));
    return bare;
  }
}

/**
 * An Express-style error handler `(err, req, res, next)` built on {@link sendError}.
 *
 * A `DefenderApiError` (also one from another copy of `@defender-errors/core`) gets its own
 * response; an `Error` with a 4xx/5xx `status` or `statusCode` (http-errors, body-parser's
 * `entity.parse.failed`) answers that status; any other value becomes a 500 `InternalServerError`
 * whose body holds nothing of the original (message, stack, cause): `onError` receives it for
 * logging. When the headers were already sent it calls `next(err)`, as Express expects.
 *
 * With plain `node:http`, call it with a `next` that ends the response:
 * `handleError(err, req, res, () => res.destroy())`.
 *
 * @example
 * app.use(errorHandler({ onError: (err, req, sent) => logger.error({ err, trackingId: sent.target }) }));
 */
export function errorHandler(options: ErrorHandlerOptions = {}): DefenderErrorHandler {
  const { onError, ...choices } = options;
  return function defenderErrorHandler(error, req, res, next) {
    if (res.headersSent) {
      next(error);
      return;
    }
    const decided = decideForHandler(error, choices, req, onError);
    try {
      writeResponse(res, decided, req.method);
    } catch {
      if (!res.headersSent) res.end();
      next(error);
      return;
    }
    notify(onError, error, req, sentOf(decided));
  };
}
