import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import {
  DefenderApiError,
  createTrackingId,
  fallbackCodeForStatus,
  getErrorDefinition,
  isDefenderApiError,
} from '@defender-errors/core';
import { negotiateLocale } from './locale';
import { getDefaultTranslator, type TranslatorLike } from './translator';

/** The part of a request that {@link sendError} reads: `IncomingMessage`, an Express or Fastify request. */
export interface RequestLike {
  readonly headers: Pick<IncomingHttpHeaders, 'accept-language'>;
  readonly method?: string | undefined;
}

/** The part of a response that {@link sendError} writes to: `ServerResponse` and so Express's `res` and Fastify's `reply.raw`. */
export type ResponseLike = Pick<ServerResponse, 'statusCode' | 'headersSent' | 'setHeader' | 'getHeader' | 'end'>;

/** Options of {@link sendError}. */
export interface SendErrorOptions {
  /** The request: its `Accept-Language` header chooses the language, and a `HEAD` request gets no body. */
  readonly req?: RequestLike | undefined;
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

/** The wire body sent by {@link sendError}: the API's own format. */
export interface WireErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly target: string };
}

/** The RFC 9457 body sent by {@link sendError} with `problemJson: true`. */
export interface ProblemErrorBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** `urn:uuid:<trackingId>`; left out when the tracking ID is not a UUID. */
  readonly instance?: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly trackingId: string;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const WIRE_LANGUAGE = 'en-US';
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const LANGUAGE_TAG = /^[a-z\d]{1,8}(?:-[a-z\d]{1,8})*$/i;

function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

function retryAfterSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return Math.ceil(value);
}

function addVary(res: ResponseLike, field: string): void {
  const current = res.getHeader('Vary');
  const listed = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (listed.some((entry) => entry === '*' || entry.toLowerCase() === field.toLowerCase())) return;
  res.setHeader('Vary', [...listed, field].join(', '));
}

function chooseLanguage(translator: TranslatorLike, options: SendErrorOptions): string {
  if (options.localize === false) return WIRE_LANGUAGE;
  if (typeof options.lng === 'string') return translator.resolveLanguage(options.lng);
  return negotiateLocale(options.req?.headers['accept-language'], translator.locales());
}

/**
 * Sends an error as a JSON response on a `node:http` `ServerResponse` (Express's `res`, Fastify's
 * `reply.raw`), in the client's language:
 *
 * - status: the error's HTTP status (by default the registry's status for its code);
 * - `Content-Type: application/json; charset=utf-8` and the wire body `{ error: { code, message, target } }`,
 *   or with `problemJson` an RFC 9457 `application/problem+json` body (`type`, `title`, `status`,
 *   `detail`, `instance`, and `code`, `params`, `trackingId`);
 * - `Content-Language` (the language actually used, from `negotiateLocale(req.headers['accept-language'])`),
 *   `Vary: Accept-Language`, `Retry-After` for 429 and 503 when the error knows it;
 * - `target`: the error's tracking ID, or a fresh one.
 *
 * For every 5xx status the body holds only the generic text of the code: never the error's server
 * message, parameters, stack or cause. A `DefenderApiError`, a parsed error body from
 * `@defender-errors/core` or a raw error body (string or object) keeps its code and status; anything
 * else (an `Error`, `undefined`, …) is sent as a 500 `InternalServerError`.
 *
 * @throws Error when the response's headers were already sent.
 *
 * @example
 * sendError(res, new DefenderApiError('InvalidHashValue', { params: { hash } }), { req });
 */
export function sendError(res: ResponseLike, error: unknown, options: SendErrorOptions = {}): SentError {
  if (res.headersSent) throw new Error('sendError: the response headers were already sent.');
  const translator = options.translator ?? getDefaultTranslator();
  const lng = chooseLanguage(translator, options);
  const description = translator.describe(error, { lng });

  const status = isErrorStatus(description.status) ? description.status : (getErrorDefinition(description.renderedCode)?.status ?? 500);
  const hidden = status >= 500;
  const code = description.code;
  const target = typeof description.target === 'string' && description.target.length > 0 ? description.target : createTrackingId();
  const language = LANGUAGE_TAG.test(description.lng) ? description.lng : WIRE_LANGUAGE;
  let title = description.title;
  let message = description.message;
  if (hidden) {
    // Only the generic text of the status: a 5xx body never carries server text, parameters or internals.
    const generic = translator.describe(new DefenderApiError(fallbackCodeForStatus(status), { status }), { lng: language });
    title = generic.title;
    message = generic.message;
  } else if (options.localize === false && typeof description.serverMessage === 'string') {
    message = description.serverMessage;
  }

  let body: WireErrorBody | ProblemErrorBody;
  let contentType: string;
  if (options.problemJson === true) {
    contentType = PROBLEM_CONTENT_TYPE;
    body = {
      type: options.problemType ? options.problemType(code) : 'about:blank',
      title,
      status,
      detail: message,
      ...(UUID.test(target) ? { instance: `urn:uuid:${target.toLowerCase()}` } : {}),
      code,
      params: hidden ? {} : { ...description.params },
      trackingId: target,
    };
  } else {
    contentType = JSON_CONTENT_TYPE;
    body = { error: { code, message, target } };
  }
  const payload = JSON.stringify(body);

  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Language', language);
  addVary(res, 'Accept-Language');
  const retryAfter = retryAfterSeconds(description.retryAfter);
  if (retryAfter !== undefined && (status === 429 || status === 503)) res.setHeader('Retry-After', String(retryAfter));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', Buffer.byteLength(payload, 'utf8'));
  if (options.req?.method === 'HEAD') res.end();
  else res.end(payload);
  return { status, code, target, lng: language, contentType };
}

/** Options of {@link errorHandler}: those of {@link sendError} (but `req`) and a logging hook. */
export interface ErrorHandlerOptions extends Omit<SendErrorOptions, 'req'> {
  /**
   * Called after the response was sent, with the original error (message, stack, cause and all),
   * the request, and what was sent (its tracking ID): the place to log. Called for every error, 4xx
   * included (filter on `sent.status`); when the translator itself failed it is called first with that
   * failure. Errors it throws are ignored.
   */
  readonly onError?: ((error: unknown, req: RequestLike, sent: SentError) => void) | undefined;
}

/** The function {@link errorHandler} returns: an Express error-handling middleware (four parameters). */
export type DefenderErrorHandler = (error: unknown, req: RequestLike, res: ResponseLike, next: (error?: unknown) => void) => void;

/**
 * An Express-style error handler `(err, req, res, next)` built on {@link sendError}.
 *
 * A `DefenderApiError` (also one from another copy of `@defender-errors/core`) gets its own
 * response; any other value becomes a 500 `InternalServerError` whose body holds nothing of the
 * original (message, stack, cause): `onError` receives it for logging. When the headers were
 * already sent it calls `next(err)`, as Express expects.
 *
 * With plain `node:http`, call it with a no-op `next`:
 * `handleError(err, req, res, () => res.destroy())`.
 *
 * @example
 * app.use(errorHandler({ onError: (err, req, sent) => logger.error({ err, trackingId: sent.target }) }));
 */
export function errorHandler(options: ErrorHandlerOptions = {}): DefenderErrorHandler {
  const { onError, ...sendOptions } = options;
  return function defenderErrorHandler(error, req, res, next) {
    if (res.headersSent) {
      next(error);
      return;
    }
    const response = isDefenderApiError(error) ? error : new DefenderApiError('InternalServerError');
    let sent: SentError;
    try {
      sent = sendError(res, response, { ...sendOptions, req });
    } catch (failure) {
      if (res.headersSent) {
        next(error);
        return;
      }
      // The translator failed (an app's own one, most likely): send the bare wire body, which needs no text.
      const target = createTrackingId();
      const payload = JSON.stringify({ error: { code: 'InternalServerError', message: '', target } });
      res.statusCode = 500;
      res.setHeader('Content-Type', JSON_CONTENT_TYPE);
      res.setHeader('Content-Length', Buffer.byteLength(payload, 'utf8'));
      res.end(payload);
      sent = { status: 500, code: 'InternalServerError', target, lng: WIRE_LANGUAGE, contentType: JSON_CONTENT_TYPE };
      notify(onError, failure, req, sent);
    }
    notify(onError, error, req, sent);
  };
}

function notify(onError: ErrorHandlerOptions['onError'], error: unknown, req: RequestLike, sent: SentError): void {
  if (!onError) return;
  try {
    onError(error, req, sent);
  } catch {
    // A logging hook must not turn a handled error into a crash.
  }
}
