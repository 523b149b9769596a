/** The type of one parameter of an error message: text or a number formatted for the locale. */
export type ParamKind = 'string' | 'number';

/** How one error code is declared in a registry: its HTTP status and its named parameters, in order. */
export interface ErrorDefinitionInput {
  readonly status: number;
  readonly params?: Readonly<Record<string, ParamKind>>;
}

/** A map of code -> declaration, as passed to {@link defineErrorRegistry}. */
export type ErrorDefinitionsInput = Readonly<Record<string, ErrorDefinitionInput>>;

/** The parameter values of one declared code: `{ hash: string }`, `{ received: number; allowed: number }`, or `{}`. */
export type ParamsFromDefinition<D extends ErrorDefinitionInput> = D extends { readonly params: infer P }
  ? { -readonly [K in keyof P]: P[K] extends 'number' ? number : string }
  : Record<never, never>;

/** The parameter names of one declared code, as a readonly tuple-like array. */
export type ParamNamesFromDefinition<D extends ErrorDefinitionInput> = D extends { readonly params: infer P }
  ? readonly (keyof P & string)[]
  : readonly [];

/** What the registry knows about one code. */
export interface ErrorDefinition<C extends string = string, N extends readonly string[] = readonly string[]> {
  /** The code exactly as the API sends it. */
  readonly code: C;
  /** The HTTP status the API answers with. */
  readonly status: number;
  /** The names of the message's parameters, in the order they appear in the English wire text. */
  readonly params: N;
  /** Whether retrying the same request can succeed: true for 429 and every 5xx. */
  readonly retryable: boolean;
  /** The kind of each parameter, by name (a null-prototype object, so only declared names are found). */
  readonly paramKinds: Readonly<Record<string, ParamKind>>;
}

/** A typed registry of error codes built by {@link defineErrorRegistry}. */
export interface ErrorRegistry<D extends ErrorDefinitionsInput> {
  /** Every code, in declaration order (integer-like codes first, as JavaScript orders keys). */
  readonly codes: readonly (keyof D & string)[];
  /** Whether `value` is one of this registry's own codes (never an inherited name such as `toString`). */
  isErrorCode(value: unknown): value is keyof D & string;
  /** The definition of `code`, or `undefined` when it is not one of this registry's codes. */
  getErrorDefinition<C extends keyof D & string>(code: C): ErrorDefinition<C, ParamNamesFromDefinition<D[C]>>;
  getErrorDefinition(code: unknown): ErrorDefinition<keyof D & string> | undefined;
}

/** True for statuses where a retry may succeed: 429 Too Many Requests and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Whether `value` is an integer HTTP status code (100-599). Internal: not exported from the package. */
export function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

const PARAM_NAME = /^[a-z_]\w*$/i;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds a typed registry over any API's error codes, with the same behaviour as the Defender
 * registry this package ships. Codes keep their declaration order (except integer-like codes,
 * which JavaScript always lists first). Throws a `TypeError` naming the code for a declaration
 * that is not valid: a status that is not an integer 100-599, `params` that is not an object, a
 * parameter name that is not an identifier (it becomes a `{{placeholder}}`), or a kind other than
 * `'string'` / `'number'`.
 *
 * @example
 * const registry = defineErrorRegistry({
 *   QuotaExceeded: { status: 429 },
 *   InvalidColor: { status: 400, params: { color: 'string' } },
 * });
 * registry.getErrorDefinition('InvalidColor').params; // ['color']
 */
export function defineErrorRegistry<const D extends ErrorDefinitionsInput>(definitions: D): ErrorRegistry<D> {
  if (!isPlainRecord(definitions)) {
    throw new TypeError('defineErrorRegistry: expected an object of code -> { status, params? }.');
  }
  for (const code of Object.keys(definitions)) {
    const input: unknown = definitions[code];
    if (code.length === 0) throw new TypeError('defineErrorRegistry: a code must not be empty.');
    if (!isPlainRecord(input) || !isHttpStatus(input.status)) {
      throw new TypeError(`defineErrorRegistry: "${code}" needs an integer HTTP status between 100 and 599.`);
    }
    const params = input.params ?? {};
    if (!isPlainRecord(params)) {
      throw new TypeError(`defineErrorRegistry: "params" of "${code}" must be an object of name -> 'string' | 'number'.`);
    }
    for (const [name, kind] of Object.entries(params)) {
      if (!PARAM_NAME.test(name)) {
        throw new TypeError(`defineErrorRegistry: parameter name ${JSON.stringify(name)} of "${code}" must be an identifier (letters, digits, _).`);
      }
      if (kind !== 'string' && kind !== 'number') {
        throw new TypeError(`defineErrorRegistry: parameter "${name}" of "${code}" must be 'string' or 'number'.`);
      }
    }
  }
  return buildErrorRegistry(definitions);
}

/**
 * Builds a registry from declarations that are known to be valid, without checking them: the
 * shipped Defender registry uses it, so that a page does not download the checks of
 * {@link defineErrorRegistry} (a test proves both give the same registry for the shipped table).
 * Internal: not exported from the package.
 */
export function buildErrorRegistry<const D extends ErrorDefinitionsInput>(definitions: D): ErrorRegistry<D> {
  const table = new Map<string, ErrorDefinition<keyof D & string>>();
  for (const code of Object.keys(definitions)) {
    const { status, params = {} } = definitions[code] as ErrorDefinitionInput;
    const paramKinds: Record<string, ParamKind> = Object.assign(Object.create(null), params);
    table.set(
      code,
      Object.freeze({
        code: code as keyof D & string,
        status,
        params: Object.freeze(Object.keys(paramKinds)),
        retryable: isRetryableStatus(status),
        paramKinds: Object.freeze(paramKinds),
      }),
    );
  }
  const codes = Object.freeze([...table.keys()]) as readonly (keyof D & string)[];
  const isErrorCode = (value: unknown): value is keyof D & string => typeof value === 'string' && table.has(value);
  return Object.freeze({
    codes,
    isErrorCode,
    getErrorDefinition: ((code: unknown) => (typeof code === 'string' ? table.get(code) : undefined)) as ErrorRegistry<D>['getErrorDefinition'],
  });
}
