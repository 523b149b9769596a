export { sendError, errorHandler, type DefenderErrorHandler, type ErrorHandlerOptions, type ProblemErrorBody, type RequestLike, type ResponseChoices, type ServerResponseLike, type SendErrorOptions, type SentError, type WireErrorBody } from './http';
export { fastifyErrorHandler, type FastifyDefenderErrorHandler, type FastifyErrorHandlerOptions, type FastifyReplyLike } from './fastify';
export { negotiateLocale, DEFAULT_LOCALE, MAX_ACCEPT_LANGUAGE_LENGTH, MAX_LANGUAGE_RANGES, type AcceptLanguageHeader } from './locale';
export { escapeTerminalText, formatForTerminal, shouldUseColor, type ColorEnvironment, type TerminalFormatOptions } from './terminal';
export { getDefaultTranslator, type ErrorTranslator, type TranslatorLike } from './translator';
