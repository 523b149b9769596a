import { fallbackCodeForStatus, getErrorDefinition, isErrorCode, type ErrorCode, type ParamsOf } from './codes';
import { createErrorBody, createTrackingId, type ErrorBody } from './body';
import type { ParsedErrorBody } from './parse';
import { isHttpStatus } from './registry';

const BRAND = Symbol.for('@defender-errors/core/DefenderApiError');
const READONLY_FIELDS = ['code', 'status', 'params', 'target', 'serverMessage', 'retryAfter'] as const;

/** Parameters of a code (all of them, typed), or loose parameters for a code the registry does not know. */
export type ErrorParams<C extends string> = C extends ErrorCode ? ParamsOf<C> : Readonly<Record<string, string | number>>;

/**
 * The code a constructor accepts: a registered code (a literal that is not one fails to compile),
 * or any `string` when the type argument says so (`new DefenderApiError<string>(code)`).
 */
export type DefenderApiErrorCode<C extends string> = string extends C ? C : C extends ErrorCode ? C : never;

/** Options of {@link DefenderApiError}. */
export interface DefenderApiErrorOptions<C extends string = ErrorCode> {
  /** The message's parameters (`{ hash: 'abc' }`). */
  readonly params?: ErrorParams<C>;
  /** The error's `Error.message`; defaults to the server's message, then the code. */
  readonly message?: string;
  /** The tracking ID (`target` in the wire body). */
  readonly target?: string;
  /** The HTTP status; the code's own status (500 for an unknown code) when not given or not an integer 100-599. */
  readonly status?: number;
  /** The server's own English message, kept verbatim. */
  readonly serverMessage?: string;
  /** Seconds to wait before retrying, from `Retry-After`. */
  readonly retryAfter?: number;
  /** The underlying error; the error has an own `cause` only when this is given. */
  readonly cause?: unknown;
}

/**
 * An error of the Defender XDR REST API, thrown by clients and by servers that speak its format.
 *
 * @example
 * throw new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' } });
 */
export class DefenderApiError<C extends string = ErrorCode> extends Error {
  override readonly name = 'DefenderApiError' as const;
  /** The code, exactly as sent (it may be one the registry does not know). */
  readonly code: C;
  /** The HTTP status. */
  readonly status: number;
  /** The message's parameters. */
  readonly params: ErrorParams<C>;
  /** The tracking ID, if any. */
  readonly target: string | undefined;
  /** The server's own message, verbatim, if any. */
  readonly serverMessage: string | undefined;
  /** Seconds to wait before retrying, when the server said. */
  readonly retryAfter: number | undefined;
  declare readonly [BRAND]: true;
  #wireTarget: string | undefined;

  constructor(code: DefenderApiErrorCode<C>, options: DefenderApiErrorOptions<C> = {}) {
    super(options.message ?? options.serverMessage ?? code, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.status = isHttpStatus(options.status) ? options.status : (getErrorDefinition(code)?.status ?? 500);
    this.params = Object.freeze({ ...(options.params ?? {}) }) as ErrorParams<C>;
    this.target = options.target;
    this.serverMessage = options.serverMessage;
    this.retryAfter = options.retryAfter;
    for (const key of READONLY_FIELDS) Object.defineProperty(this, key, { writable: false });
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Whether the code is one of the registry's. */
  get known(): boolean {
    return isErrorCode(this.code);
  }

  /** The registered code to render: the code itself when known, otherwise one chosen from the status. */
  get fallbackCode(): ErrorCode {
    return isErrorCode(this.code) ? this.code : fallbackCodeForStatus(this.status);
  }

  /**
   * The wire body: `{ error: { code, message, target } }`. `message` is the server's message, else
   * `Error.message`; without a `target`, a tracking ID is made once and reused by every later call.
   */
  toJSON(): ErrorBody {
    this.#wireTarget ??= this.target ?? createTrackingId();
    return createErrorBody(this.code, { message: this.serverMessage ?? this.message, target: this.#wireTarget });
  }

  /**
   * An error for a code known only at run time (read from a config, a database, another service):
   * the explicit form of `new DefenderApiError<string>(code, options)`. A code the registry does not
   * know answers with the given status, else 500, and `known` is `false`.
   *
   * @example
   * DefenderApiError.fromCode(process.env.ERROR_CODE ?? 'InternalServerError', { status: 409 });
   */
  static fromCode(code: string, options: DefenderApiErrorOptions<string> = {}): DefenderApiError<string> {
    return new DefenderApiError<string>(code, options);
  }

  /** An error from a parsed body (see `parseErrorBody` / `readErrorResponse`), keeping all it holds. */
  static fromParsed(parsed: ParsedErrorBody & { readonly retryAfter?: number | undefined }): DefenderApiError<string> {
    return new DefenderApiError<string>(parsed.code, {
      status: parsed.status,
      target: parsed.target,
      serverMessage: parsed.message,
      retryAfter: parsed.retryAfter,
      cause: parsed,
    });
  }
}

/**
 * Whether `value` is a {@link DefenderApiError}, including one made by another copy of this
 * package (the CJS build seen from the ESM build, or two installed versions): it checks the
 * brand every instance gets in its constructor (`Symbol.for('@defender-errors/core/DefenderApiError')`),
 * not `instanceof`, so an object merely built on the prototype is not one.
 */
export function isDefenderApiError(value: unknown): value is DefenderApiError<string> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[BRAND] === true && typeof (value as { code?: unknown }).code === 'string';
  } catch {
    return false; // a Proxy whose traps throw is not one of ours
  }
}
