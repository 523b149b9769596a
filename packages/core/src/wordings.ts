import type { ErrorCode } from './codes';

/**
 * The English messages the API has been seen to send for each code, as documented in the current
 * revision of Microsoft's page (first) and older ones (`{{name}}` marks a parameter). These are wire text, facts
 * of the API, not display text: a parser of server messages matches against them. Codes without a
 * documented message (InternalServerError, TooManyRequests, UnknownError, ActiveRequestAlreadyExists)
 * have none. The interchangeable spellings (`isn't` / `is not`, …) and the optional final period are
 * added by {@link wireWordings}.
 */
export const WIRE_WORDINGS: Readonly<Record<ErrorCode, readonly string[]>> = Object.freeze({
  BadRequest: ['General Bad Request error message.'],
  // The older revisions' text names no error: a wording without parameter, so it is never read as one.
  ODataError: ['Invalid OData URI query {{error}}.', 'Invalid OData URI query (the specific error is specified).'],
  InvalidInput: ['Invalid input {{input}}.'],
  InvalidRequestBody: ['Invalid request body.'],
  InvalidHashValue: ['Hash value {{hash}} is invalid.'],
  InvalidDomainName: ['Domain name {{domain}} is invalid.'],
  InvalidIpAddress: ['IP address {{ip}} is invalid.'],
  InvalidUrl: ['URL {{url}} is invalid.'],
  MaximumBatchSizeExceeded: ['Maximum batch size exceeded. Received: {{received}}, allowed: {{allowed}}.'],
  MissingRequiredParameter: ['Parameter {{parameter}} is missing.'],
  OsPlatformNotSupported: ["OS Platform {{platform}} isn't supported for this action."],
  ClientVersionNotSupported: ['{{action}} is supported on client version {{version}} and later.'],
  Unauthorized: ['Unauthorized', 'Unauthorized (invalid or expired authorization header).'],
  Forbidden: ['Forbidden'],
  DisabledFeature: ["Tenant feature isn't enabled."],
  DisallowedOperation: ['{{operation}}.'],
  NotFound: ['General Not Found error message.'],
  ResourceNotFound: ["Resource {{resource}} wasn't found."],
  InternalServerError: [],
  TooManyRequests: [],
  UnknownError: [],
  ActiveRequestAlreadyExists: [],
});

/** Spellings that servers and doc revisions use interchangeably (error-codes.md, "Wording seen in other revisions"). */
export const WORDING_VARIANTS: readonly (readonly [string, string])[] = Object.freeze([
  Object.freeze(["isn't", 'is not'] as const),
  Object.freeze(["wasn't", 'was not'] as const),
  Object.freeze(['and later', 'and above'] as const),
]);

/** Every spelling of one wording: each variant pair applied, with and without a final period. */
function expandWording(wording: string): string[] {
  let variants = [wording];
  for (const [current, other] of WORDING_VARIANTS) {
    if (!wording.includes(current)) continue;
    variants = variants.flatMap((variant) => [variant, variant.split(current).join(other)]);
  }
  const withoutFinalPeriod = variants.filter((variant) => variant.endsWith('.')).map((variant) => variant.slice(0, -1));
  return [...variants, ...withoutFinalPeriod];
}

const expanded = new Map<string, readonly string[]>();

/**
 * Every known English wire wording of `code`, spelling variants and the optional final period
 * included, wordings without parameter first (an exact text wins over a template). An empty list
 * for a code without a documented message or for anything that is not a code.
 *
 * @example
 * wireWordings('ResourceNotFound'); // ["Resource {{resource}} wasn't found.", 'Resource {{resource}} was not found.', …]
 */
export function wireWordings(code: unknown): readonly string[] {
  if (typeof code !== 'string' || !Object.hasOwn(WIRE_WORDINGS, code)) return [];
  let list = expanded.get(code);
  if (list === undefined) {
    const all = (WIRE_WORDINGS[code as ErrorCode] ?? []).flatMap(expandWording);
    const withoutParams = all.filter((wording) => !wording.includes('{{'));
    list = Object.freeze([...new Set([...withoutParams, ...all.filter((wording) => wording.includes('{{'))])]);
    expanded.set(code, list);
  }
  return list;
}

const englishNumber = new Intl.NumberFormat('en-US');

/**
 * The message the API itself would send for `code`: its current wire wording with `params` filled
 * in (numbers the en-US way, "1,500"). `undefined` when the code has no documented message or a
 * parameter of it is missing (then say the display text instead). Never throws.
 *
 * @example
 * wireMessage('ResourceNotFound', { resource: 'Machine 42' }); // "Resource Machine 42 wasn't found."
 */
export function wireMessage(code: unknown, params: Readonly<Record<string, unknown>> = {}): string | undefined {
  const [current] = wireWordings(code).length === 0 ? [] : (WIRE_WORDINGS[code as ErrorCode] ?? []);
  if (current === undefined) return undefined;
  let missing = false;
  const text = current.replace(/\{\{(\w+)\}\}/g, (_placeholder, name: string) => {
    let value: unknown;
    try {
      value = typeof params === 'object' && params !== null && Object.hasOwn(params, name) ? params[name] : undefined;
    } catch {
      value = undefined;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return englishNumber.format(value);
    if (typeof value === 'string' && value.length > 0) return value;
    missing = true;
    return '';
  });
  return missing ? undefined : text;
}
