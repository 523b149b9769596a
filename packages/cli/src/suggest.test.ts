import { ERROR_CODES } from '@defender-errors/core';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './suggest';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['InvalidUrl', 'InvalidUrl', 0],
    ['flaw', 'lawn', 2],
  ])('%j vs %j = %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatch', () => {
  it.each([
    ['InvalidHashVaule', 'InvalidHashValue'],
    ['invalidhashvalue', 'InvalidHashValue'],
    ['invalidhash', 'InvalidHashValue'],
    ['Uautoriseret', 'Unauthorized'],
    ['Forbidde', 'Forbidden'],
    ['NotFund', 'NotFound'],
    ['TooManyRequest', 'TooManyRequests'],
    ['InvalidRequestVirkey', 'InvalidRequestBody'],
  ])('%s -> %s', (input, expected) => {
    expect(closestMatch(input, ERROR_CODES)).toBe(expected);
  });

  it('always suggests something from a non-empty list, and nothing from an empty one', () => {
    expect(ERROR_CODES).toContain(closestMatch('x'.repeat(10_000), ERROR_CODES));
    expect(closestMatch('BadRequest', [])).toBeUndefined();
  });
});
