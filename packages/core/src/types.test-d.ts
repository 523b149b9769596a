import { describe, expectTypeOf, it } from 'vitest';
import {
  DefenderApiError,
  ERROR_CODES,
  defineErrorRegistry,
  getErrorDefinition,
  isErrorCode,
  parseErrorBody,
  readErrorResponse,
  type ErrorBody,
  type ErrorCode,
  type ErrorDefinition,
  type ErrorResponseInfo,
  type ParametrizedErrorCode,
  type ParamsOf,
  type ParsedErrorBody,
} from './index';

describe('ParamsOf', () => {
  it('gives each code its parameters', () => {
    expectTypeOf<ParamsOf<'InvalidHashValue'>>().toEqualTypeOf<{ hash: string }>();
    expectTypeOf<ParamsOf<'MaximumBatchSizeExceeded'>>().toEqualTypeOf<{ received: number; allowed: number }>();
    expectTypeOf<ParamsOf<'ClientVersionNotSupported'>>().toEqualTypeOf<{ action: string; version: string }>();
    expectTypeOf<ParamsOf<'InvalidUrl'>>().toEqualTypeOf<{ url: string }>();
  });

  it('gives a code without parameters no keys', () => {
    expectTypeOf<keyof ParamsOf<'BadRequest'>>().toEqualTypeOf<never>();
    expectTypeOf<keyof ParamsOf<'TooManyRequests'>>().toEqualTypeOf<never>();
  });

  it('rejects a code that does not exist', () => {
    // @ts-expect-error: not a Defender error code
    expectTypeOf<ParamsOf<'NoSuchCode'>>().toBeObject();
    // @ts-expect-error: codes are case-sensitive
    expectTypeOf<ParamsOf<'badrequest'>>().toBeObject();
  });

  it('lists exactly the parametrized codes', () => {
    expectTypeOf<ParametrizedErrorCode>().toEqualTypeOf<
      | 'ODataError'
      | 'InvalidInput'
      | 'InvalidHashValue'
      | 'InvalidDomainName'
      | 'InvalidIpAddress'
      | 'InvalidUrl'
      | 'MaximumBatchSizeExceeded'
      | 'MissingRequiredParameter'
      | 'OsPlatformNotSupported'
      | 'ClientVersionNotSupported'
      | 'DisallowedOperation'
      | 'ResourceNotFound'
    >();
  });
});

describe('the Defender registry', () => {
  it('types its codes', () => {
    expectTypeOf(ERROR_CODES).toEqualTypeOf<readonly ErrorCode[]>();
    expectTypeOf<'BadRequest'>().toExtend<ErrorCode>();
    expectTypeOf<'Uautoriseret'>().not.toExtend<ErrorCode>();
  });

  it('narrows with isErrorCode', () => {
    const value: unknown = 'NotFound';
    if (isErrorCode(value)) expectTypeOf(value).toEqualTypeOf<ErrorCode>();
  });

  it('types getErrorDefinition for a literal code, and allows undefined for anything else', () => {
    expectTypeOf(getErrorDefinition('InvalidUrl').params).toEqualTypeOf<readonly 'url'[]>();
    expectTypeOf(getErrorDefinition('MaximumBatchSizeExceeded').params).toEqualTypeOf<readonly ('received' | 'allowed')[]>();
    expectTypeOf(getErrorDefinition('BadRequest').params).toEqualTypeOf<readonly []>();
    expectTypeOf(getErrorDefinition('InvalidUrl').code).toEqualTypeOf<'InvalidUrl'>();
    expectTypeOf(getErrorDefinition('InvalidUrl').status).toEqualTypeOf<number>();
    expectTypeOf(getErrorDefinition('InvalidUrl').retryable).toEqualTypeOf<boolean>();
    const text: string = 'InvalidUrl';
    expectTypeOf(getErrorDefinition(text)).toEqualTypeOf<ErrorDefinition<ErrorCode> | undefined>();
  });
});

describe('defineErrorRegistry', () => {
  const registry = defineErrorRegistry({
    QuotaExceeded: { status: 429 },
    InvalidColor: { status: 400, params: { color: 'string' } },
    SizeOutOfRange: { status: 422, params: { size: 'number', max: 'number' } },
  });

  it('infers the codes', () => {
    expectTypeOf(registry.codes).toEqualTypeOf<readonly ('QuotaExceeded' | 'InvalidColor' | 'SizeOutOfRange')[]>();
    const value: unknown = 'InvalidColor';
    if (registry.isErrorCode(value)) expectTypeOf(value).toEqualTypeOf<'QuotaExceeded' | 'InvalidColor' | 'SizeOutOfRange'>();
  });

  it('infers the parameters', () => {
    expectTypeOf(registry.getErrorDefinition('InvalidColor').params).toEqualTypeOf<readonly 'color'[]>();
    expectTypeOf(registry.getErrorDefinition('SizeOutOfRange').params).toEqualTypeOf<readonly ('size' | 'max')[]>();
    expectTypeOf(registry.getErrorDefinition('QuotaExceeded').params).toEqualTypeOf<readonly []>();
    expectTypeOf(registry.getErrorDefinition('QuotaExceeded').code).toEqualTypeOf<'QuotaExceeded'>();
    expectTypeOf(registry.getErrorDefinition('NotMine')).toEqualTypeOf<ErrorDefinition<'QuotaExceeded' | 'InvalidColor' | 'SizeOutOfRange'> | undefined>();
  });

  it('rejects declarations of the wrong shape at compile time', () => {
    // @ts-expect-error: a parameter kind must be 'string' or 'number'
    defineErrorRegistry({ Broken: { status: 400, params: { when: 'date' } } });
    // @ts-expect-error: status is required
    defineErrorRegistry({ Broken: { params: { name: 'string' } } });
    // @ts-expect-error: status is a number
    defineErrorRegistry({ Broken: { status: '400' } });
  });
});

describe('DefenderApiError', () => {
  it('types params by code', () => {
    const error = new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' } });
    expectTypeOf(error.code).toEqualTypeOf<'InvalidHashValue'>();
    expectTypeOf(error.params).toEqualTypeOf<{ hash: string }>();
    expectTypeOf(error.name).toEqualTypeOf<'DefenderApiError'>();
    expectTypeOf(error.toJSON()).toEqualTypeOf<ErrorBody>();
    // @ts-expect-error: InvalidHashValue has no parameter `url`
    new DefenderApiError('InvalidHashValue', { params: { url: 'x' } });
    // @ts-expect-error: `received` is a number
    new DefenderApiError('MaximumBatchSizeExceeded', { params: { received: 'many', allowed: 1 } });
    // @ts-expect-error: params, when given, are complete: `hash` is missing
    new DefenderApiError('InvalidHashValue', { params: {} });
    // @ts-expect-error: `allowed` is missing
    new DefenderApiError('MaximumBatchSizeExceeded', { params: { received: 2 } });
    new DefenderApiError('InvalidHashValue', { serverMessage: 'Hash value abc is invalid.' });
  });

  it('refuses a literal code the registry does not know', () => {
    // @ts-expect-error: not a registered code
    new DefenderApiError('NoSuchCode');
    // @ts-expect-error: codes are case-sensitive
    new DefenderApiError('notFound', { status: 404 });
    const code: ErrorCode = 'Forbidden' as ErrorCode;
    expectTypeOf(new DefenderApiError(code).code).toEqualTypeOf<ErrorCode>();
  });

  it('takes a run-time string code through an explicit form', () => {
    const fromConfig: string = 'QuotaPolicyChanged';
    expectTypeOf(DefenderApiError.fromCode(fromConfig, { status: 409 })).toEqualTypeOf<DefenderApiError<string>>();
    expectTypeOf(new DefenderApiError<string>(fromConfig).code).toEqualTypeOf<string>();
  });

  it('has readonly fields', () => {
    const error = new DefenderApiError('NotFound');
    // @ts-expect-error: readonly
    error.code = 'Forbidden';
    // @ts-expect-error: readonly
    error.status = 500;
    // @ts-expect-error: readonly
    error.target = 'x';
  });

  it('accepts an unknown code with loose params', () => {
    const error = new DefenderApiError<string>('SomethingNew', { params: { anything: 1 } });
    expectTypeOf(error.params).toEqualTypeOf<Readonly<Record<string, string | number>>>();
    expectTypeOf(DefenderApiError.fromParsed).returns.toEqualTypeOf<DefenderApiError<string>>();
  });
});

describe('parsing', () => {
  it('types the results', () => {
    expectTypeOf(parseErrorBody('')).toEqualTypeOf<ParsedErrorBody>();
    expectTypeOf(parseErrorBody('').fallbackCode).toEqualTypeOf<ErrorCode>();
    expectTypeOf(parseErrorBody('').code).toEqualTypeOf<string>();
    expectTypeOf(readErrorResponse).returns.resolves.toEqualTypeOf<ErrorResponseInfo>();
    expectTypeOf<ErrorResponseInfo['retryAfter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(readErrorResponse).toBeCallableWith(new Response(''));
  });
});
