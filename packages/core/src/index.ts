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
  parseRetryAfter,
  readErrorResponse,
  type ErrorDetail,
  type ErrorResponseInfo,
  type ParseErrorBodyOptions,
  type ParsedErrorBody,
  type ResponseLike,
} from './parse';
export { DefenderApiError, isDefenderApiError, type DefenderApiErrorOptions, type ErrorParams } from './error';
export { createErrorBody, createTrackingId, type CreateErrorBodyOptions, type ErrorBody } from './body';
