export {
  defineErrorRegistry,
  isRetryableStatus,
  type ErrorDefinition,
  type ErrorDefinitionInput,
  type ErrorDefinitionsInput,
  type ErrorRegistry,
  type ParamKind,
  type ParamNamesFromDefinition,
  type ParamsFromDefinition,
} from './registry';
export {
  DEFENDER_ERROR_DEFINITIONS,
  ERROR_CODES,
  defenderErrorRegistry,
  fallbackCodeForStatus,
  getErrorDefinition,
  isErrorCode,
  type ErrorCode,
  type ParametrizedErrorCode,
  type ParamsOf,
} from './codes';
export {
  MAX_BODY_LENGTH,
  parseErrorBody,
  type ErrorDetail,
  type ErrorInfo,
  type ErrorResponseInfo,
  type ParseErrorBodyOptions,
  type ParsedErrorBody,
} from './parse';
export { MAX_RETRY_AFTER_SECONDS, parseRetryAfter, retryAfterHeaderValue } from './retry-after';
export { readErrorResponse, type ResponseLike } from './response';
export { toErrorInfo, type ToErrorInfoOptions } from './info';
export { readError } from './read-error';
export { DefenderApiError, isDefenderApiError, type DefenderApiErrorOptions, type ErrorParams } from './error';
export { createErrorBody, createTrackingId, type CreateErrorBodyOptions, type ErrorBody } from './body';
export { WIRE_WORDINGS, WORDING_VARIANTS, wireMessage, wireWordings } from './wordings';
