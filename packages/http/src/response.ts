import { DefenderApiError, createTrackingId, fallbackCodeForStatus, getErrorDefinition, retryAfterHeaderValue, wireMessage } from '@defender-errors/core';
import { SOURCE_LOCALE } from '@defender-errors/i18n';
import { negotiateLocale, type AcceptLanguageHeader } from './locale';
import { getDefaultTranslator, type TranslatorLike } from './translator';
import { chooseByteLength } from './utf8';

/** How to write an RFC 9457 problem body: `problem: true` or `problem: { type }`. */
export interface ProblemOptions {
  /** The problem `type` URI for a code (default `about:blank`, whose `title` is the HTTP status text). */
  readonly type?: ((code: string) => string) | undefined;
}

/** Options of {@link createErrorResponse}. */
export interface ErrorResponseOptions {
  /** The request's `Accept-Language` header: it chooses the language. */
  readonly acceptLanguage?: AcceptLanguageHeader;
  /** A language chosen by the app (a user's setting) instead of `acceptLanguage`. Resolved to a supported tag. */
  readonly lng?: string | undefined;
  /** An app's own translator (`createErrorTranslator({ i18n })`); default: the shared one of {@link getDefaultTranslator}. */
  readonly translator?: TranslatorLike | undefined;
  /** Send the message in the client's language (default `true`); `false` sends the API's English wire text (en-US). */
  readonly localize?: boolean | undefined;
  /** Send an RFC 9457 `application/problem+json` body instead of the API's wire format (default `false`). */
  readonly problem?: boolean | ProblemOptions | undefined;
}

/** The API's own error body, as {@link createErrorResponse} writes it. */
export interface WireErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly target: string };
}

/** The RFC 9457 body {@link createErrorResponse} writes with `problem`. */
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

/** An error response as decided by {@link createErrorResponse}: what every writer sends, unchanged. */
export interface ErrorResponse {
  readonly status: number;
  /** `Content-Type`, `Content-Language`, `Vary`, `Retry-After` (when due), `X-Content-Type-Options`, `Content-Length`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body (send none for `HEAD`; `Content-Length` is its UTF-8 length all the same). */
  readonly body: string;
  /** The code in the body. */
  readonly code: string;
  /** The tracking ID in the body (`target` / `trackingId`): log it beside the internal error. */
  readonly target: string;
  /** The language of the message, as in `Content-Language`. */
  readonly lng: string;
  readonly contentType: string;
}

/** `Content-Type` of the API's wire body. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** `Content-Type` of an RFC 9457 body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
/** The language of the API's wire text. */
export const WIRE_LANGUAGE = SOURCE_LOCALE;

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const LANGUAGE_TAG = /^[a-z\d]{1,8}(?:-[a-z\d]{1,8})*$/i;

function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/** The UTF-8 length of a body: `Content-Length`. */
const utf8Length = chooseByteLength();

/** A member of the caller's options; a read that throws (a hostile object) counts as not given. */
function optionOf(options: unknown, name: keyof ErrorResponseOptions | keyof ProblemOptions): unknown {
  try {
    return (options as Record<string, unknown> | null | undefined)?.[name];
  } catch {
    return undefined;
  }
}

function isTranslator(value: unknown): value is TranslatorLike {
  // No option is the common case: destructuring undefined would throw, and a throw costs microseconds.
  if (typeof value !== 'object' || value === null) return false;
  try {
    const { describe, locales, resolveLanguage } = value as TranslatorLike;
    return typeof describe === 'function' && typeof locales === 'function' && typeof resolveLanguage === 'function';
  } catch {
    return false;
  }
}

/** The options as plain values read once, so that nothing the caller passed can throw later. */
function readOptions(options: unknown): ErrorResponseOptions {
  // One guarded pass for the usual plain object; a read that throws falls back to reading option by option.
  try {
    const given = options as ErrorResponseOptions | null | undefined;
    const translator = given?.translator;
    const lng = given?.lng;
    const problem = given?.problem;
    const type = typeof problem === 'object' && problem !== null ? problem.type : undefined;
    return plainOptions(translator, lng, problem, type, given?.acceptLanguage, given?.localize);
  } catch {
    const translator = optionOf(options, 'translator');
    const lng = optionOf(options, 'lng');
    const problem = optionOf(options, 'problem');
    const type = typeof problem === 'object' && problem !== null ? optionOf(problem, 'type') : undefined;
    return plainOptions(translator, lng, problem, type, optionOf(options, 'acceptLanguage'), optionOf(options, 'localize'));
  }
}

function plainOptions(translator: unknown, lng: unknown, problem: unknown, type: unknown, acceptLanguage: unknown, localize: unknown): ErrorResponseOptions {
  return {
    acceptLanguage: acceptLanguage as AcceptLanguageHeader,
    lng: typeof lng === 'string' ? lng : undefined,
    translator: isTranslator(translator) ? translator : undefined,
    localize: localize !== false,
    problem: problem === true || (typeof problem === 'object' && problem !== null) ? { type: typeof type === 'function' ? (type as (code: string) => string) : undefined } : false,
  };
}

function chooseLanguage(translator: TranslatorLike, options: ErrorResponseOptions): string {
  if (options.localize === false) return WIRE_LANGUAGE;
  if (typeof options.lng === 'string') return translator.resolveLanguage(options.lng);
  return negotiateLocale(options.acceptLanguage, translator.locales());
}

/** Sentences that end in a full-width stop (Chinese, Japanese) are written without a space between them. */
const FULL_WIDTH_STOP = /[\u3002\uff01\uff1f]$/;

/** Two sentences as one text: `message` may be empty (the bare 5xx texts). */
function joinSentences(message: string, sentence: string): string {
  if (message.length === 0) return sentence;
  return FULL_WIDTH_STOP.test(message) ? `${message}${sentence}` : `${message} ${sentence}`;
}

function problemType(problem: ErrorResponseOptions['problem'], code: string): string {
  return typeof problem === 'object' && typeof problem.type === 'function' ? problem.type(code) : 'about:blank';
}

/**
 * Decides the error response for any thrown value, in the client's language: the one place that
 * picks the status, the headers and the body, for every writer (`toResponse`, and the Node writers
 * of `@defender-errors/node`).
 *
 * - status: the error's (by default the registry's status of its code; an unknown code keeps the
 *   status it was given; an `Error` with a 4xx/5xx `status`/`statusCode` answers that status);
 * - `Content-Type: application/json; charset=utf-8` and `{ error: { code, message, target } }`, or with
 *   `problem` an RFC 9457 `application/problem+json` body;
 * - `Content-Language` (the language used), `Vary: Accept-Language`, `Retry-After` for 429 and 503
 *   when the error knows it (whole seconds, at most one day), `X-Content-Type-Options: nosniff`,
 *   `Content-Length`;
 * - with `Retry-After`, the message ends with the same wait in the client's language and its plural
 *   form ("Retry after 1 second.", "Prøv igen om 30 sekunder."), unless `localize: false`;
 * - the tracking ID the error carries, or a fresh one (`createTrackingId`).
 *
 * A 5xx body holds only the generic text of its status (and the wait of `Retry-After`) and a registry code (an unknown code
 * becomes the fallback code of the status): never a server message, parameter, `Error.message`,
 * stack or cause. Any value `toErrorInfo` cannot read as an API error is a 500 `InternalServerError`.
 *
 * @throws only what an app's own `translator` throws (the default one does not).
 *
 * @example
 * const { status, headers, body } = createErrorResponse(error, { acceptLanguage: request.headers.get('accept-language') });
 */
export function createErrorResponse(error: unknown, given: ErrorResponseOptions = {}): ErrorResponse {
  const options = readOptions(given);
  const translator = options.translator ?? getDefaultTranslator();
  const lng = chooseLanguage(translator, options);
  // describe reads any value through core's toErrorInfo: the one reader of error shapes.
  const description = translator.describe(error, { lng });

  const status = isErrorStatus(description.status) ? description.status : (getErrorDefinition(description.renderedCode)?.status ?? 500);
  const hidden = status >= 500;
  // A 5xx names a registry code only: an unknown code string may carry internals.
  const code = hidden && !description.known ? fallbackCodeForStatus(status) : description.code;
  const target = typeof description.target === 'string' && description.target.length > 0 ? description.target : createTrackingId();
  const language = LANGUAGE_TAG.test(description.lng) ? description.lng : WIRE_LANGUAGE;
  let title = description.title;
  let message = description.message;
  if (hidden) {
    const generic = translator.describe(new DefenderApiError(fallbackCodeForStatus(status), { status }), { lng: language });
    title = generic.title;
    message = generic.message;
  } else if (options.localize === false && typeof description.serverMessage === 'string') {
    message = description.serverMessage;
  } else if (language === WIRE_LANGUAGE) {
    // An English body speaks the API's own wire text, so that a client reads its parameters back.
    message = wireMessage(description.renderedCode, description.params) ?? message;
  }

  const retryAfter = status === 429 || status === 503 ? retryAfterHeaderValue(description.retryAfter) : undefined;
  // The client learns when to retry in its own language too, not only from the header.
  if (retryAfter !== undefined && retryAfter !== '0' && options.localize !== false) message = joinSentences(message, translator.labels(language).retryAfter(Number(retryAfter)));

  const problem = options.problem !== undefined && options.problem !== false;
  const contentType = problem ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE;
  const payload: WireErrorBody | ProblemErrorBody = problem
    ? {
        type: problemType(options.problem, code),
        title,
        status,
        detail: message,
        ...(UUID.test(target) ? { instance: `urn:uuid:${target.toLowerCase()}` } : {}),
        code,
        params: hidden ? {} : { ...description.params },
        trackingId: target,
      }
    : { error: { code, message, target } };
  const body = JSON.stringify(payload);

  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Language': language,
    Vary: 'Accept-Language',
  };
  if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
  headers['X-Content-Type-Options'] = 'nosniff';
  headers['Content-Length'] = String(utf8Length(body));
  return { status, headers, body, code, target, lng: language, contentType };
}

/**
 * The bare response sent when deciding the real one failed (an app's translator threw): a 500
 * `InternalServerError` with an empty message and a fresh tracking ID, which needs no text at all.
 */
export function internalErrorResponse(): ErrorResponse {
  const target = createTrackingId();
  const body = JSON.stringify({ error: { code: 'InternalServerError', message: '', target } });
  return {
    status: 500,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, 'X-Content-Type-Options': 'nosniff', 'Content-Length': String(utf8Length(body)) },
    body,
    code: 'InternalServerError',
    target,
    lng: WIRE_LANGUAGE,
    contentType: JSON_CONTENT_TYPE,
  };
}
