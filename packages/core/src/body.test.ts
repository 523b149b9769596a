import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createErrorBody, createTrackingId, parseErrorBody } from './index';

const UUID_V4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createTrackingId', () => {
  it('makes distinct v4 UUIDs', () => {
    const ids = Array.from({ length: 1000 }, () => createTrackingId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses crypto.randomUUID when it exists', () => {
    const randomUUID = vi.fn(() => '11111111-2222-4333-8444-555555555555' as const);
    vi.stubGlobal('crypto', { randomUUID, getRandomValues: () => { throw new Error('not expected'); } });
    expect(createTrackingId()).toBe('11111111-2222-4333-8444-555555555555');
    expect(randomUUID).toHaveBeenCalledTimes(1);
  });

  describe('without crypto.randomUUID (only getRandomValues)', () => {
    it('still makes distinct v4 UUIDs from getRandomValues', () => {
      const getRandomValues = vi.fn((array: Uint8Array) => webcrypto.getRandomValues(array));
      vi.stubGlobal('crypto', { getRandomValues });
      expect(globalThis.crypto.randomUUID).toBeUndefined();
      const ids = Array.from({ length: 200 }, () => createTrackingId());
      for (const id of ids) expect(id).toMatch(UUID_V4);
      expect(new Set(ids).size).toBe(ids.length);
      expect(getRandomValues).toHaveBeenCalledTimes(200);
    });

    it.each([
      [0x00, '00000000-0000-4000-8000-000000000000'],
      [0xff, 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
      [0xa5, 'a5a5a5a5-a5a5-45a5-a5a5-a5a5a5a5a5a5'],
    ])('sets the version and variant bits (all bytes 0x%s)', (byte, expected) => {
      vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => array.fill(byte) });
      expect(createTrackingId()).toBe(expected);
    });
  });

  it('still makes a v4 UUID with no Web Crypto at all', () => {
    vi.stubGlobal('crypto', undefined);
    expect(globalThis.crypto).toBeUndefined();
    const random = vi.spyOn(Math, 'random');
    const ids = Array.from({ length: 50 }, () => createTrackingId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(random).toHaveBeenCalled();
  });

  it('is back to the real crypto after the stubs', () => {
    expect(globalThis.crypto).toBe(webcrypto);
  });
});

describe('createErrorBody', () => {
  it('builds the wire body with the given message and target', () => {
    expect(createErrorBody('InvalidUrl', { message: 'URL x is invalid.', target: 'abc' })).toStrictEqual({
      error: { code: 'InvalidUrl', message: 'URL x is invalid.', target: 'abc' },
    });
  });

  it('uses an empty message and a fresh tracking ID when not given', () => {
    const first = createErrorBody('InternalServerError');
    const second = createErrorBody('InternalServerError', { message: undefined, target: undefined });
    expect(first.error.message).toBe('');
    expect(first.error.target).toMatch(UUID_V4);
    expect(second.error.target).toMatch(UUID_V4);
    expect(second.error.target).not.toBe(first.error.target);
  });

  it('keeps any code as given (it does not have to be registered)', () => {
    expect(createErrorBody('QuotaExhausted', { target: 't' }).error.code).toBe('QuotaExhausted');
  });

  it('round-trips through JSON and parseErrorBody', () => {
    const body = createErrorBody('DisallowedOperation', { message: 'Isolation is not allowed on this machine.' });
    const parsed = parseErrorBody(JSON.stringify(body));
    expect(parsed).toMatchObject({ code: 'DisallowedOperation', known: true, status: 403, message: body.error.message, target: body.error.target });
  });
});
