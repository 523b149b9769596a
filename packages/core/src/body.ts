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

/**
 * A new tracking ID: a random (v4) UUID. Uses `crypto.randomUUID` where it exists (Node 20,
 * secure browser contexts) and `crypto.getRandomValues` elsewhere.
 */
export function createTrackingId(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 6)}-${hex(bytes, 6, 8)}-${hex(bytes, 8, 10)}-${hex(bytes, 10, 16)}`;
}

/**
 * An error body in the API's wire format.
 *
 * @example
 * createErrorBody('InvalidUrl', { message: 'URL http://x is invalid.' });
 * // { error: { code: 'InvalidUrl', message: 'URL http://x is invalid.', target: '<new uuid>' } }
 */
export function createErrorBody(code: string, options: CreateErrorBodyOptions = {}): ErrorBody {
  return { error: { code, message: options.message ?? '', target: options.target ?? createTrackingId() } };
}
