import { decideForHandler, mergeVary, notify, sentOf, type RequestLike, type ResponseChoices, type SentError } from './http';

/** The part of a Fastify `reply` that {@link fastifyErrorHandler} uses. */
export interface FastifyReplyLike {
  /** Whether the response was already sent (Fastify's `reply.sent`). */
  readonly sent: boolean;
  code(statusCode: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  getHeader(name: string): unknown;
  send(payload?: unknown): FastifyReplyLike;
}

/** Options of {@link fastifyErrorHandler}: those of `errorHandler`, with the Fastify request in `onError`. */
export interface FastifyErrorHandlerOptions<Request extends RequestLike = RequestLike> extends ResponseChoices {
  /**
   * Called after the response was handed to Fastify, with the original error, the request and what
   * was sent (its tracking ID): the place to log. Called for every error, 4xx included; when the
   * translator itself failed it is called first with that failure. Errors it throws are ignored.
   */
  readonly onError?: ((error: unknown, request: Request, sent: SentError) => void) | undefined;
}

/** The function {@link fastifyErrorHandler} returns, for `fastify.setErrorHandler(...)`. */
export type FastifyDefenderErrorHandler<Request extends RequestLike = RequestLike> = (error: unknown, request: Request, reply: FastifyReplyLike) => void;

/**
 * A Fastify error handler, for `fastify.setErrorHandler(fastifyErrorHandler(options))`: it answers
 * through Fastify's own `reply` (`reply.code().headers().send()`, no `hijack`), so `onSend` hooks
 * and Fastify's logging still run. Status, headers and body are those of `createErrorResponse`
 * of `@defender-errors/http`, as `sendError` writes them.
 *
 * Fastify's own 4xx errors keep their status: a schema validation error (`FST_ERR_VALIDATION`)
 * answers 400, an unsupported media type 415, a body too large 413, each with the registry's
 * fallback code of the status (`BadRequest`). Any error without a 4xx/5xx `statusCode` is a 500
 * `InternalServerError` whose body holds nothing of it.
 *
 * @example
 * fastify.setErrorHandler(fastifyErrorHandler({ onError: (err, request, sent) => request.log.error({ err, trackingId: sent.target }) }));
 */
export function fastifyErrorHandler<Request extends RequestLike = RequestLike>(options: FastifyErrorHandlerOptions<Request> = {}): FastifyDefenderErrorHandler<Request> {
  const { onError, ...choices } = options;
  return function defenderFastifyErrorHandler(error, request, reply) {
    if (reply.sent) return;
    const decided = decideForHandler(error, choices, request, onError);
    const headers = { ...decided.headers };
    if (headers['Vary'] !== undefined) headers['Vary'] = mergeVary(reply.getHeader('vary'), headers['Vary']);
    reply.code(decided.status).headers(headers).send(decided.body);
    notify(onError, error, request, sentOf(decided));
  };
}
