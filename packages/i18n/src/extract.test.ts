import { ERROR_CODES, getErrorDefinition, type ErrorCode } from '@defender-errors/core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PARAMS, serverMessage } from './fixtures/reference-wording';
import { createErrorTranslator, extractParams } from './index';

const translator = createErrorTranslator();
const parametrized = ERROR_CODES.filter((code) => getErrorDefinition(code).params.length > 0);

describe('extractParams', () => {
  it.each(parametrized)('round-trips %s through its English wire message', (code) => {
    const params = SAMPLE_PARAMS[code] as Record<string, string | number>;
    expect(extractParams(code, serverMessage(code, params))).toEqual(params);
  });

  it.each(parametrized)('never reads %s out of the en-US display text (display text is not wire text)', (code) => {
    const params = SAMPLE_PARAMS[code] as Record<string, string | number>;
    const display = (translator.format as (c: string, p: unknown, o: unknown) => string)(code, params, { lng: 'en-US' });
    expect(display).not.toBe(serverMessage(code, params));
  });

  it.each([
    ['OsPlatformNotSupported', 'OS Platform Linux is not supported for this action.', { platform: 'Linux' }],
    ['OsPlatformNotSupported', "OS Platform Linux isn't supported for this action", { platform: 'Linux' }],
    ['ResourceNotFound', 'Resource Machine 42 was not found.', { resource: 'Machine 42' }],
    ['ResourceNotFound', "Resource Machine 42 wasn't found.", { resource: 'Machine 42' }],
    ['ClientVersionNotSupported', 'Live response is supported on client version 10.8040 and above.', { action: 'Live response', version: '10.8040' }],
    ['ClientVersionNotSupported', 'Live response is supported on client version 10.8040 and later', { action: 'Live response', version: '10.8040' }],
    ['DisabledFeature', 'Tenant feature is not enabled.', {}],
    ['DisabledFeature', "Tenant feature isn't enabled.", {}],
    ['Unauthorized', 'Unauthorized', {}],
    ['Unauthorized', 'Unauthorized (invalid or expired authorization header).', {}],
    ['ODataError', 'Invalid OData URI query (the specific error is specified).', {}],
    ['ODataError', 'Invalid OData URI query (the specific error is specified)', {}],
    ['ODataError', "Invalid OData URI query '$top' must be positive.", { error: "'$top' must be positive" }],
    ['Unauthorized', 'Unauthorized (invalid or expired authorization header)', {}],
    ['BadRequest', 'General Bad Request error message.', {}],
    ['NotFound', 'General Not Found error message', {}],
    ['Forbidden', 'Forbidden', {}],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1,500, allowed: 1,000.', { received: 1500, allowed: 1000 }],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1500, allowed: 1000', { received: 1500, allowed: 1000 }],
    ['DisallowedOperation', 'Offboarding a machine is not allowed.', { operation: 'Offboarding a machine is not allowed' }],
    ['InvalidHashValue', '  Hash value abc is invalid.  ', { hash: 'abc' }],
    ['InvalidRequestBody', 'Invalid request body.', {}],
  ] as const)('reads %s from the wording %j', (code, message, expected) => {
    expect(extractParams(code as ErrorCode, message)).toEqual(expected);
  });

  it.each([
    ['ResourceNotFound', 'Machine 123123123 was not found'],
    ['InvalidRequestBody', 'Request body is incorrect'],
    ['InvalidHashValue', 'Hash value  is invalid.'],
    ['InvalidHashValue', 'Hash value is invalid.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: many, allowed: 1000.'],
    ['InternalServerError', 'The server could not complete the request.'],
    ['NoSuchCode', 'anything'],
    ['toString', 'anything'],
  ])('gives undefined for %s with %j', (code, message) => {
    expect(extractParams(code, message)).toBeUndefined();
  });

  it('handles values that contain the template text', () => {
    expect(extractParams('InvalidHashValue', 'Hash value x is invalid. is invalid.')).toEqual({ hash: 'x is invalid.' });
    expect(extractParams('InvalidUrl', 'URL {{url}} is invalid.')).toEqual({ url: '{{url}}' });
  });

  it('reads a 64 KiB adversarial message without trouble', () => {
    const long = `Maximum batch size exceeded. Received: ${'1,'.repeat(32_000)}`;
    expect(extractParams('MaximumBatchSizeExceeded', long)).toBeUndefined();
  });
});
