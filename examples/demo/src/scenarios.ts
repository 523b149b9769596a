/**
 * What the demo API can answer: one scenario per error code with realistic parameters, plus
 * real-world wordings of the same errors and one code that the registry does not know. Plain data,
 * shared by the server (which answers them) and the page (which draws a button for each).
 */
export interface Scenario {
  /** The path the page fetches: `/api/errors/<code>` or `/api/errors/<code>?variant=<variant>`. */
  readonly path: string;
  /** The code sent in the body. */
  readonly code: string;
  /** The HTTP status; the registry's status for a known code. */
  readonly status?: number;
  /** The variant name, for the alternative wordings. */
  readonly variant?: string;
  /** The message's parameters (the server words the English message from them). */
  readonly params?: Readonly<Record<string, string | number>>;
  /** A message exactly as a server sent it, instead of the current template. */
  readonly serverMessage?: string;
  /** Seconds for `Retry-After`. */
  readonly retryAfter?: number;
}

function scenario(code: string, details: Omit<Scenario, 'path' | 'code'> = {}): Scenario {
  const path = `/api/errors/${encodeURIComponent(code)}${details.variant ? `?variant=${encodeURIComponent(details.variant)}` : ''}`;
  return { path, code, ...details };
}

/** One scenario per code of the registry, in the order of the reference table. */
export const CODE_SCENARIOS: readonly Scenario[] = [
  scenario('BadRequest'),
  scenario('ODataError', { params: { error: "Could not find a property named 'computerDnsNam' on type 'Machine'" } }),
  scenario('InvalidInput', { params: { input: 'lastSeen=yesterday' } }),
  scenario('InvalidRequestBody'),
  scenario('InvalidHashValue', { params: { hash: 'e4d909c290d0fb1ca068ffaddf22cbdg' } }),
  scenario('InvalidDomainName', { params: { domain: 'contoso..com' } }),
  scenario('InvalidIpAddress', { params: { ip: '10.0.0.256' } }),
  scenario('InvalidUrl', { params: { url: 'htp:/contoso.com/login' } }),
  scenario('MaximumBatchSizeExceeded', { params: { received: 1500, allowed: 500 } }),
  scenario('MissingRequiredParameter', { params: { parameter: 'Comment' } }),
  scenario('OsPlatformNotSupported', { params: { platform: 'macOS' } }),
  scenario('ClientVersionNotSupported', { params: { action: 'Live response', version: '10.8210' } }),
  scenario('Unauthorized'),
  scenario('Forbidden'),
  scenario('DisabledFeature'),
  scenario('DisallowedOperation', { params: { operation: 'Isolating a domain controller is not allowed' } }),
  scenario('NotFound'),
  scenario('ResourceNotFound', { params: { resource: 'Machine 7f3c1a9e0b5d' } }),
  scenario('InternalServerError'),
  scenario('TooManyRequests', { retryAfter: 30 }),
  scenario('UnknownError'),
  scenario('ActiveRequestAlreadyExists'),
];

/** Wordings seen from real servers and older documentation, and a code the registry does not know. */
export const VARIANT_SCENARIOS: readonly Scenario[] = [
  scenario('OsPlatformNotSupported', { variant: 'is-not', serverMessage: 'OS Platform Linux is not supported for this action.' }),
  scenario('ResourceNotFound', { variant: 'was-not', serverMessage: 'Resource machine 4a1c9d was not found.' }),
  scenario('ResourceNotFound', { variant: 'free-text', serverMessage: 'Machine 123123123 was not found' }),
  scenario('ClientVersionNotSupported', { variant: 'and-above', serverMessage: 'Live response is supported on client version 10.8210 and above.' }),
  scenario('Unauthorized', { variant: 'legacy', serverMessage: 'Unauthorized (invalid or expired authorization header).' }),
  scenario('QuotaPolicyChanged', {
    status: 409,
    serverMessage: 'The tenant quota policy changed while the request was running.',
  }),
];

/** Every scenario the API answers. */
export const SCENARIOS: readonly Scenario[] = [...CODE_SCENARIOS, ...VARIANT_SCENARIOS];

/** The scenario for a code and an optional variant, or `undefined`. */
export function findScenario(code: string, variant: string | null | undefined): Scenario | undefined {
  return SCENARIOS.find((entry) => entry.code === code && (entry.variant ?? null) === (variant || null));
}
