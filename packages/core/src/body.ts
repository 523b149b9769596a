/** The wire format of an error response. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly target: string;
  };
}

/** Options of {@link createErrorBody}. */
export interface CreateErrorBodyOptions {
  /** The message text; empty when not given. */
  readonly message?: string | undefined;
  /** The tracking ID; a fresh one when not given. */
  readonly target?: string | undefined;
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let index = from; index < to; index += 1) out += (bytes[index] ?? 0).toString(16).padStart(2, '0');
  return out;
}

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  const webCrypto = globalThis.crypto as Crypto | undefined;
  if (typeof webCrypto?.getRandomValues === 'function') return webCrypto.getRandomValues(bytes);
  // A tracking ID only has to be unique, not secret: an error path must not fail for lack of crypto.
  for (let index = 0; index < count; index += 1) bytes[index] = Math.floor(Math.random() * 256);
  return bytes;
}

/**
 * A new tracking ID: a random (v4) UUID. Uses `crypto.randomUUID` where it exists (Node 20,
 * secure browser contexts), else `crypto.getRandomValues`, else (no Web Crypto at all) `Math.random`.
 */
export function createTrackingId(): string {
  const webCrypto = globalThis.crypto as Crypto | undefined;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = randomBytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 6)}-${hex(bytes, 6, 8)}-${hex(bytes, 8, 10)}-${hex(bytes, 10, 16)}`;
}

function optionString(options: CreateErrorBodyOptions, key: 'message' | 'target'): string | undefined {
  try {
    const value = options?.[key];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined; // a throwing getter or Proxy trap counts as not given
  }
}

/**
 * An error body in the API's wire format; never throws. A `message` or `target` that is not a
 * string counts as not given, and a `code` that is not a string is `InternalServerError`.
 *
 * @example
 * createErrorBody('InvalidUrl', { message: 'URL http://x is invalid.' });
 * // { error: { code: 'InvalidUrl', message: 'URL http://x is invalid.', target: '<new uuid>' } }
 */
export function createErrorBody(code: string, options: CreateErrorBodyOptions = {}): ErrorBody {
  return {
    error: { code: typeof code === 'string' ? code : 'InternalServerError', message: optionString(options, 'message') ?? '', target: optionString(options, 'target') ?? createTrackingId() },
  };
}
