import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter, retryAfterHeaderValue } from './index';

describe('the Retry-After bound (issue 18 point 5)', () => {
  it('is one day', () => {
    expect(MAX_RETRY_AFTER_SECONDS).toBe(24 * 60 * 60);
  });

  it('parseRetryAfter refuses a wait past the bound, as delta-seconds or as a date', () => {
    const now = Date.UTC(2025, 5, 15, 12, 0, 0);
    expect(parseRetryAfter(String(MAX_RETRY_AFTER_SECONDS), now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter(String(MAX_RETRY_AFTER_SECONDS + 1), now)).toBeUndefined();
    expect(parseRetryAfter('9999999999', now)).toBeUndefined();
    expect(parseRetryAfter(new Date(now + MAX_RETRY_AFTER_SECONDS * 1000).toUTCString(), now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter(new Date(now + (MAX_RETRY_AFTER_SECONDS + 1) * 1000).toUTCString(), now)).toBeUndefined();
  });

  it.each([
    [0, '0'],
    [30, '30'],
    [1.2, '2'],
    [MAX_RETRY_AFTER_SECONDS, '86400'],
    [MAX_RETRY_AFTER_SECONDS + 1, '86400'],
    [1e12, '86400'],
    [1e308, '86400'],
    [Number.MAX_VALUE, '86400'],
    [Number.MIN_VALUE, '1'],
  ])('retryAfterHeaderValue(%s) is %j: integer delta-seconds within the bound', (seconds, header) => {
    expect(retryAfterHeaderValue(seconds)).toBe(header);
    expect(parseRetryAfter(header)).toBe(Number(header));
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.5, '30', null, undefined, {}, 30n])(
    'retryAfterHeaderValue(%s) is undefined',
    (junk) => {
      expect(retryAfterHeaderValue(junk)).toBeUndefined();
    },
  );

  it('retryAfterHeaderValue never throws, even for a hostile value', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(retryAfterHeaderValue(proxy)).toBeUndefined();
    expect(retryAfterHeaderValue({ valueOf: () => { throw new Error('valueOf'); } })).toBeUndefined();
  });
});
