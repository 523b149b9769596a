import { buildErrorRegistry, isHttpStatus, type ParamsFromDefinition } from './registry';

/**
 * The error codes of the Microsoft Defender XDR REST API (and `TooManyRequests`, which the
 * sibling Defender for Endpoint API documents with the same body shape).
 * Parameter names and order follow the English wire text of each message.
 */
export const DEFENDER_ERROR_DEFINITIONS = {
  /** 400. "General Bad Request error message." */
  BadRequest: { status: 400 },
  /** 400. "Invalid OData URI query {{error}}." */
  ODataError: { status: 400, params: { error: 'string' } },
  /** 400. "Invalid input {{input}}." */
  InvalidInput: { status: 400, params: { input: 'string' } },
  /** 400. "Invalid request body." Often a typo in a (case-sensitive) body parameter's name. */
  InvalidRequestBody: { status: 400 },
  /** 400. "Hash value {{hash}} is invalid." */
  InvalidHashValue: { status: 400, params: { hash: 'string' } },
  /** 400. "Domain name {{domain}} is invalid." */
  InvalidDomainName: { status: 400, params: { domain: 'string' } },
  /** 400. "IP address {{ip}} is invalid." */
  InvalidIpAddress: { status: 400, params: { ip: 'string' } },
  /** 400. "URL {{url}} is invalid." */
  InvalidUrl: { status: 400, params: { url: 'string' } },
  /** 400. "Maximum batch size exceeded. Received: {{received}}, allowed: {{allowed}}." */
  MaximumBatchSizeExceeded: { status: 400, params: { received: 'number', allowed: 'number' } },
  /** 400. "Parameter {{parameter}} is missing." Often a typo in a body parameter's name. */
  MissingRequiredParameter: { status: 400, params: { parameter: 'string' } },
  /** 400. "OS Platform {{platform}} isn't supported for this action." */
  OsPlatformNotSupported: { status: 400, params: { platform: 'string' } },
  /** 400. "{{action}} is supported on client version {{version}} and later." */
  ClientVersionNotSupported: { status: 400, params: { action: 'string', version: 'string' } },
  /** 401. "Unauthorized": usually an invalid or expired authorization header. */
  Unauthorized: { status: 401 },
  /** 403. "Forbidden": a valid token, but insufficient permission for the action. */
  Forbidden: { status: 403 },
  /** 403. "Tenant feature isn't enabled." */
  DisabledFeature: { status: 403 },
  /** 403. "{{operation}}.": the disallowed operation and the reason. */
  DisallowedOperation: { status: 403, params: { operation: 'string' } },
  /** 404. "General Not Found error message." */
  NotFound: { status: 404 },
  /** 404. "Resource {{resource}} wasn't found." */
  ResourceNotFound: { status: 404, params: { resource: 'string' } },
  /** 500. No message: retry; contact support if it persists. */
  InternalServerError: { status: 500 },
  /** 429. Quota reached (number of requests or CPU); the response carries `Retry-After` in seconds. */
  TooManyRequests: { status: 429 },
  /** 500 (also seen with 504). Microsoft Graph's code for a failure it cannot name, often with an empty message. */
  UnknownError: { status: 500 },
  /** 400. Defender for Endpoint: an action of this kind is already running on the device. */
  ActiveRequestAlreadyExists: { status: 400 },
} as const;

/** The Defender XDR error registry. */
export const defenderErrorRegistry = buildErrorRegistry(DEFENDER_ERROR_DEFINITIONS);

/** A Defender XDR REST API error code. */
export type ErrorCode = keyof typeof DEFENDER_ERROR_DEFINITIONS;

/** The parameters of a code's message: `ParamsOf<'InvalidHashValue'>` is `{ hash: string }`. */
export type ParamsOf<C extends ErrorCode> = ParamsFromDefinition<(typeof DEFENDER_ERROR_DEFINITIONS)[C]>;

/** The codes whose message has at least one parameter. */
export type ParametrizedErrorCode = {
  [C in ErrorCode]: keyof ParamsOf<C> extends never ? never : C;
}[ErrorCode];

/** The registry's error codes: the reference table's, in its order, then the Graph and MDE additions. */
export const ERROR_CODES = defenderErrorRegistry.codes as readonly ErrorCode[];

/** Whether `value` is a Defender error code. Own entries only: `__proto__` or `toString` are not codes. */
export const isErrorCode: (value: unknown) => value is ErrorCode = defenderErrorRegistry.isErrorCode;

/**
 * The definition of a Defender error code: `{ code, status, params, retryable, paramKinds }`,
 * or `undefined` for anything that is not a code.
 */
export const getErrorDefinition = defenderErrorRegistry.getErrorDefinition;

/**
 * The registered code to show for a status when the server's code is unknown or missing:
 * 400 BadRequest, 401 Unauthorized, 403 Forbidden, 404 NotFound, 429 TooManyRequests,
 * 5xx InternalServerError, any other 4xx BadRequest; anything else (no status, 1xx, 2xx, 3xx, or a
 * value that is not an integer 100-599) is treated as a server failure: InternalServerError.
 */
export function fallbackCodeForStatus(status: number | undefined): ErrorCode {
  switch (status) {
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 429:
      return 'TooManyRequests';
    default:
      if (isHttpStatus(status) && status >= 400 && status <= 499) return 'BadRequest';
      return 'InternalServerError';
  }
}
