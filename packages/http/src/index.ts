export { negotiateLocale, DEFAULT_LOCALE, MAX_ACCEPT_LANGUAGE_LENGTH, MAX_LANGUAGE_RANGES, type AcceptLanguageHeader } from './locale';
export {
  createErrorResponse,
  internalErrorResponse,
  JSON_CONTENT_TYPE,
  PROBLEM_CONTENT_TYPE,
  WIRE_LANGUAGE,
  type ErrorResponse,
  type ErrorResponseOptions,
  type ProblemErrorBody,
  type ProblemOptions,
  type WireErrorBody,
} from './response';
export { toResponse, errorResponder, type ErrorResponder, type ToResponseOptions } from './fetch';
export { getDefaultTranslator, type ErrorTranslator, type TranslatorLike } from './translator';
