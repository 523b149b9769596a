/** A UTF-8 byte counter for strings with no lone surrogates (`JSON.stringify` escapes those). */
export type ByteLength = (text: string) => number;

const BEYOND_PRINTABLE_ASCII = /[^\t\n\r\u0020-\u007e]/;
const encoder = new TextEncoder();
/** Scratch space for {@link countUtf8}: texts up to 4 096 characters are measured by encoding into it. */
const scratch = new Uint8Array(3 * 4096);

/** The UTF-8 length of a string with no lone surrogates, counted in JavaScript (for runtimes without `Buffer`). */
export function countUtf8(text: string): number {
  if (!BEYOND_PRINTABLE_ASCII.test(text)) return text.length;
  if (text.length <= 4096) return encoder.encodeInto(text, scratch).written;
  let length = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      length += 1;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      // A surrogate pair: two code units, four bytes.
      length += 2;
      index += 1;
    } else {
      length += 2;
    }
  }
  return length;
}

/**
 * The runtime's native counter where it has one (`Buffer.byteLength` on Node and Bun, looked up on
 * `runtime` without any `node:` import), else {@link countUtf8}: the native one is about six times
 * faster than any count written in JavaScript, and a body's length is taken for every response.
 */
export function chooseByteLength(runtime: unknown = globalThis): ByteLength {
  try {
    const buffer = (runtime as { Buffer?: { byteLength?: unknown } } | null | undefined)?.Buffer;
    const byteLength = buffer?.byteLength;
    if (typeof byteLength !== 'function') return countUtf8;
    return (text) => (byteLength as (text: string, encoding: string) => number).call(buffer, text, 'utf8');
  } catch {
    return countUtf8;
  }
}
