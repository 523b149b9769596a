import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, readErrorResponse } from './index';

// How readErrorResponse picks the text encoding of a body: byte order mark, then the `charset`
// parameter, then the zero bytes UTF-16 text starts with, else UTF-8. Each case gives cues that
// disagree, so that only the documented order decodes the text; Node's own fetch `Response` carries it.

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encode(text: string, encoding: Encoding, bom = false): Uint8Array<ArrayBuffer> {
  const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') bytes.swap16();
  const mark = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] }[encoding];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes);
}

async function decoded(bytes: Uint8Array<ArrayBuffer>, contentType?: string): Promise<unknown> {
  const headers = contentType === undefined ? undefined : { 'content-type': contentType };
  return (await readErrorResponse(new Response(bytes, { status: 404, headers }))).raw;
}

describe('readErrorResponse: the byte order mark wins over the charset', () => {
  it.each([
    ['utf-8', 'application/json; charset=utf-16be'],
    ['utf-16le', 'application/json; charset=utf-16be'],
    ['utf-16be', 'application/json; charset=utf-8'],
  ] as const)('a %s mark with %s', async (encoding, contentType) => {
    expect(await decoded(encode('Ā ø', encoding, true), contentType)).toBe('Ā ø');
  });

  it('reads the first bytes only as a mark when all of them match', async () => {
    // EF BB 41 is no UTF-8 mark (and no valid UTF-8 either): decoded as UTF-8 with replacement.
    expect(await decoded(new Uint8Array([0xef, 0xbb, 0x41, 0x42]))).toBe('\uFFFDAB');
    expect(await decoded(new Uint8Array([0x41, 0xbb, 0xbf, 0x42]))).toBe('A\uFFFD\uFFFDB');
    expect(await decoded(new Uint8Array([0xff, 0x41, 0x42, 0x43]))).toBe('\uFFFDABC');
    expect(await decoded(new Uint8Array([0x41, 0xfe, 0x42, 0x43]))).toBe('A\uFFFDBC');
    expect(await decoded(new Uint8Array([0xfe, 0x41, 0x42, 0x43]))).toBe('\uFFFDABC');
    expect(await decoded(new Uint8Array([0x41, 0xff, 0x42, 0x43]))).toBe('A\uFFFDBC');
  });
});

describe('readErrorResponse: the charset wins over the zero-byte pattern', () => {
  // "Ā" is 00 01 in UTF-16LE and 01 00 in UTF-16BE: the zero-byte pattern alone would read each as the other.
  it.each([
    ['utf-16le', 'utf-16le'],
    ['utf-16', 'utf-16le'],
    ['unicode', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
  ] as const)('charset=%s', async (label, encoding) => {
    expect(await decoded(encode('Ā', encoding), `text/plain; charset=${label}`)).toBe('Ā');
  });

  it.each(['utf-8', 'utf8', 'unicode-1-1-utf-8'])('charset=%s keeps a body that starts with a zero byte UTF-8', async (label) => {
    expect(await decoded(new Uint8Array([0x00, 0x41]), `text/plain; charset=${label}`)).toBe('\u0000A');
  });

  it.each([
    'text/plain;charset=utf-16le',
    'text/plain ; CHARSET = "UTF-16LE"',
    'text/plain;\tcharset=\tutf-16le',
    'text/plain; format=flowed; charset="utf-16le"',
  ])('reads the parameter in %j', async (contentType) => {
    expect(await decoded(encode('Ā', 'utf-16le'), contentType)).toBe('Ā');
  });

  it('reads only the first 200 characters of Content-Type', async () => {
    const late = `text/plain; x=${'a'.repeat(200)}; charset=utf-16le`;
    expect(await decoded(encode('A', 'utf-16be'), late)).toBe('A');
  });

  it('ignores labels it does not know, also names of Object.prototype', async () => {
    for (const label of ['iso-8859-1', 'constructor', '__proto__', 'toString', 'utf-16x']) {
      expect(await decoded(encode('A', 'utf-16be'), `text/plain; charset=${label}`)).toBe('A');
    }
    const body = JSON.stringify({ error: { code: 'InvalidUrl', message: 'URL x is invalid.', target: 't-1' } });
    const info = await readErrorResponse(new Response(body, { status: 400, headers: { 'content-type': 'application/json; charset=constructor' } }));
    expect([info.code, info.target]).toEqual(['InvalidUrl', 't-1']);
  });
});

describe('readErrorResponse: with neither mark nor charset', () => {
  it.each([
    [[0x00, 0x41], 'A'],
    [[0x41, 0x00], 'A'],
    [[0x00, 0x41, 0x00, 0x42], 'AB'],
    [[0x41, 0x00, 0x42, 0x00], 'AB'],
    [[0x00, 0x00], '\u0000\u0000'],
    [[0x41, 0x42], 'AB'],
    [[0x00], '\u0000'],
    [[0x41], 'A'],
  ])('%j reads as %j', async (bytes, text) => {
    expect(await decoded(new Uint8Array(bytes))).toBe(text);
  });
});

describe('readErrorResponse: what the body stream yields', () => {
  it('skips chunks that are not bytes and reads on', async () => {
    const body = JSON.stringify({ error: { code: 'InvalidUrl', message: 'URL x is invalid.', target: 't-2' } });
    const chunks: unknown[] = ['not bytes', 42, new TextEncoder().encode(body)];
    const stream = new ReadableStream({
      pull(controller) {
        if (chunks.length === 0) controller.close();
        else controller.enqueue(chunks.shift());
      },
    });
    const info = await readErrorResponse({ status: 400, headers: new Headers(), body: stream as ReadableStream<Uint8Array> });
    expect([info.code, info.target]).toEqual(['InvalidUrl', 't-2']);
  });

  it('keeps at most MAX_BODY_LENGTH characters of a body read through text()', async () => {
    const info = await readErrorResponse({ status: 400, headers: new Headers(), body: null, text: async () => 'x'.repeat(MAX_BODY_LENGTH + 10) });
    expect(info.raw).toBe('x'.repeat(MAX_BODY_LENGTH));
  });
});
