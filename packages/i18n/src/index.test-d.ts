import { expectTypeOf, test } from 'vitest';
import { createErrorTranslator, extractParams, resources } from './index';
import { createOnDemandTranslator, type CatalogProblem } from './lite';

const translator = createErrorTranslator();

test('format requires the parameters of each code', () => {
  translator.format('InvalidHashValue', { hash: 'abc' });
  translator.format('MaximumBatchSizeExceeded', { received: 1, allowed: 2 }, { lng: 'da' });
  translator.format('BadRequest');
  // @ts-expect-error a missing parameter is a compile error
  translator.format('InvalidHashValue', {});
  // @ts-expect-error parameters are required for a parametrized code
  translator.format('InvalidHashValue');
  // @ts-expect-error numbers are numbers
  translator.format('MaximumBatchSizeExceeded', { received: '1', allowed: 2 });
  // @ts-expect-error an unknown code is a compile error
  translator.format('NoSuchCode', {});
  expectTypeOf(translator.format('NotFound')).toEqualTypeOf<string>();
});

test('extractParams is typed per code', () => {
  expectTypeOf(extractParams('InvalidHashValue', 'x')).toEqualTypeOf<{ hash: string } | undefined>();
  expectTypeOf(extractParams('MaximumBatchSizeExceeded', 'x')).toEqualTypeOf<{ received: number; allowed: number } | undefined>();
});

test('resources are typed from en-US', () => {
  expectTypeOf(resources['da-DK'].errors['InvalidHashValue.message']).toEqualTypeOf<string>();
  // @ts-expect-error keys come from en-US
  void resources['en-US'].errors['NoSuchCode.message'];
});

test('createOnDemandTranslator is typed as the lite translator, with an asynchronous addLocale', () => {
  const onDemand = createOnDemandTranslator();
  onDemand.format('InvalidHashValue', { hash: 'abc' });
  // @ts-expect-error a missing parameter is a compile error here too
  onDemand.format('InvalidHashValue', {});
  expectTypeOf(onDemand.addLocale('da-DK', {})).toEqualTypeOf<Promise<CatalogProblem[]>>();
  expectTypeOf(onDemand.describe).toEqualTypeOf(translator.describe);
});
