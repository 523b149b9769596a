import { ERROR_CODES, wireWordings } from '@defender-errors/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filled } from './fixtures/reference-wording';
import { createErrorTranslator, extractParams, resources } from './index';
import { compileTemplate, placeholderNames, type TemplatePart } from './tooling';

/**
 * Exact-output tests of the placeholder filling modules (template.ts, extract.ts and the renderer of
 * translator.ts), written to kill the mutants Stryker found surviving the other suites (`pnpm mutation`).
 */

const seed = Number.isSafeInteger(Number(process.env['FC_SEED'])) && process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 20_261_128;

describe('compileTemplate', () => {
  it.each([
    ['a {{x}} b', [{ text: 'a ' }, { param: 'x' }, { text: ' b' }], ['x']],
    ['{{x}}', [{ param: 'x' }], ['x']],
    ['{{x}}{{y}}', [{ param: 'x' }, { param: 'y' }], ['x', 'y']],
    ['{{ x }} and {{x}}', [{ param: 'x' }, { text: ' and ' }, { param: 'x' }], ['x', 'x']],
    ['a{{x}}', [{ text: 'a' }, { param: 'x' }], ['x']],
    ['{{x}}b', [{ param: 'x' }, { text: 'b' }], ['x']],
    ['no placeholder', [{ text: 'no placeholder' }], []],
    ['', [], []],
    ['ab}}{{y}}', [{ text: 'ab}}' }, { param: 'y' }], ['y']],
    [`{{${'a'.repeat(64)}}}`, [{ param: 'a'.repeat(64) }], ['a'.repeat(64)]],
    ['{{_x1}}', [{ param: '_x1' }], ['_x1']],
  ] as const)('%j -> exact parts', (message, parts, params) => {
    expect(compileTemplate(message)).toEqual({ parts, params });
  });

  it.each(['{{x', 'a {{x}} {{', '{{1x}}', '{{x-y}}', '{{ }}', '{{}}', '{{x, number}}', '{{- x}}', '$t(label.copy)', 'a $t( b', `{{${'a'.repeat(65)}}}`, '{{é}}', '{{x y}}', '{{x}}!'.replace('x', ' x!')])(
    '%j is left to i18next (undefined)',
    (message) => {
      expect(compileTemplate(message)).toBeUndefined();
    },
  );

  it('splits any template built from text and names into exactly those parts', () => {
    const text = fc.string({ minLength: 1 }).filter((value) => !value.includes('{{') && !value.includes('}}') && !value.includes('$t(') && !value.endsWith('}') && !value.endsWith('{') && !value.startsWith('}'));
    // fc.stringMatching does not support the i flag; the lint rule would want it.
    // eslint-disable-next-line regexp/use-ignore-case
    const name = fc.stringMatching(/^[A-Z_a-z]\w{0,20}$/);
    const part = fc.oneof(text.map((value): TemplatePart => ({ text: value })), name.map((value): TemplatePart => ({ param: value })));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), fc.constantFrom('', ' ', '  '), (parts, pad) => {
        const merged: TemplatePart[] = [];
        for (const piece of parts) {
          const last = merged.at(-1);
          if (last !== undefined && 'text' in last && 'text' in piece) merged[merged.length - 1] = { text: last.text + piece.text };
          else merged.push(piece);
        }
        const message = merged.map((piece) => ('text' in piece ? piece.text : `{{${pad}${piece.param}${pad}}}`)).join('');
        expect(compileTemplate(message)).toEqual({ parts: merged, params: merged.flatMap((piece) => ('param' in piece ? [piece.param] : [])) });
      }),
      { seed, numRuns: 10_000 },
    );
  }, 120_000);
});

describe('placeholderNames', () => {
  it.each([
    ['{{x, number}}', ['x']],
    ['{{x,number}}', ['x']],
    ['{{- x}}', ['x']],
    ['{{ -  x , fmt }}', ['x']],
    ['{{-x}}', ['x']],
    ['{{x}} {{y}}', ['x', 'y']],
    ['{{x}}{{x}}', ['x', 'x']],
    ['{{ x }}', ['x']],
    ['{{x', []],
    ['a {{x}} {{y', ['x']],
    ['a}}{{b}}', ['b']],
    ['no placeholders', []],
  ] as const)('%j -> %j', (message, names) => {
    expect(placeholderNames(message)).toEqual(names);
  });
});

describe('extractParams', () => {
  it.each([
    ['OsPlatformNotSupported', 'OS Platform Linux is not supported for this action', { platform: 'Linux' }],
    ['ResourceNotFound', 'Resource Machine 1 was not found', { resource: 'Machine 1' }],
    ['InvalidHashValue', 'Hash value abc is invalid', { hash: 'abc' }],
    ['DisallowedOperation', 'Offboarding', { operation: 'Offboarding' }],
    ['DisallowedOperation', 'Offboarding.', { operation: 'Offboarding' }],
    ['ClientVersionNotSupported', 'Live response is supported on client version 1 and above', { action: 'Live response', version: '1' }],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 12,345,678, allowed: -2.5.', { received: 12_345_678, allowed: -2.5 }],
    [
      'ClientVersionNotSupported',
      ' is supported on client version  is supported on client version 1 and later.',
      { action: ' is supported on client version ', version: '1' },
    ],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1.25, allowed: 0.', { received: 1.25, allowed: 0 }],
  ] as const)('%s reads %j', (code, message, expected) => {
    expect(extractParams(code, message)).toEqual(expected);
  });

  it.each([
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1,50, allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1,5000, allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1., allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: .5, allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: x1, allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1x, allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1.5x, allowed: 1.'],
    ['MaximumBatchSizeExceeded', 'Maximum batch size exceeded. Received: 1.x5, allowed: 1.'],
    ['Unauthorized', 'Unauthorized and more'],
    ['NotFound', 'Stryker was here'],
    ['NotFound', 'General Not Found error message. Really.'],
    ['InvalidRequestBody', 'Invalid request body'.slice(0, 10)],
  ] as const)('%s gives undefined for %j', (code, message) => {
    expect(extractParams(code, message)).toBeUndefined();
  });

  it('gives undefined, without throwing, for a message that is not a string', () => {
    for (const message of [42, null, undefined, { trim: () => 'x' }, ['Unauthorized']]) {
      expect(extractParams('Unauthorized', message as unknown as string)).toBeUndefined();
    }
  });

  it('reads the same parameters twice in a row, from every wire wording (the pattern cache changes nothing)', () => {
    const wordings = ERROR_CODES.flatMap((code) => wireWordings(code).map((wording) => [code, wording] as const));
    expect(wordings.length).toBeGreaterThan(ERROR_CODES.length);
    for (const [code, wording] of wordings) {
      const message = wording.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => (name === 'received' || name === 'allowed' ? '7' : `v-${name}`));
      expect(extractParams(code, message)).toEqual(extractParams(code, message));
      expect(extractParams(code, message)).toBeDefined();
    }
  });
});

describe('the renderer of translator.ts', () => {
  it('formats bigint parameters like numbers, for the locale', () => {
    const t = createErrorTranslator();
    const template = (lng: 'en-US' | 'da-DK') => (resources[lng].errors as Record<string, string>)['MaximumBatchSizeExceeded.message'];
    expect(t.format('MaximumBatchSizeExceeded', { received: 1500n as unknown as number, allowed: 2000n as unknown as number }, { lng: 'en-US' })).toBe(
      filled(template('en-US'), { received: '1,500', allowed: '2,000' }),
    );
    expect(t.format('MaximumBatchSizeExceeded', { received: 1500n as unknown as number, allowed: 2 }, { lng: 'da-DK' })).toBe(
      filled(template('da-DK'), { received: '1.500', allowed: '2' }),
    );
  });

  it.each([true, false])('shows other values with String(), and a stand-in when String() throws (compile %s)', (compile) => {
    const t = createErrorTranslator({ compile });
    const format = t.format as (code: string, params: unknown, options: { lng: string }) => string;
    const english = resources['en-US'].errors as Record<string, string>;
    const danish = resources['da-DK'].errors as Record<string, string>;
    expect(format('InvalidUrl', { url: { toString: () => 'shown' } }, { lng: 'en-US' })).toBe(filled(english['InvalidUrl.message'], { url: 'shown' }));
    expect(format('InvalidUrl', { url: true }, { lng: 'en-US' })).toBe(filled(english['InvalidUrl.message'], { url: 'true' }));
    expect(format('InvalidUrl', { url: Object.create(null) }, { lng: 'en-US' })).toBe(filled(english['InvalidUrl.message'], { url: english['param.missing'] as string }));
    expect(format('InvalidUrl', { url: Object.create(null) }, { lng: 'da-DK' })).toBe(filled(danish['InvalidUrl.message'], { url: danish['param.missing'] as string }));
  });

  it.each([true, false])('falls back to en-US for an entry the language lost, and to the code when no language has it (compile %s)', (compile) => {
    const t = createErrorTranslator({ compile });
    expect(t.format('NotFound', {}, { lng: 'da-DK' })).toBe((resources['da-DK'].errors as Record<string, string>)['NotFound.message']);
    t.i18n.removeResourceBundle('da-DK', 'errors');
    expect(t.format('NotFound', {}, { lng: 'da-DK' })).toBe((resources['en-US'].errors as Record<string, string>)['NotFound.message']);
    expect(t.describe({ error: { code: 'NotFound', message: 'm', target: 't' } }, { lng: 'da-DK' })).toMatchObject({
      title: (resources['en-US'].errors as Record<string, string>)['NotFound.title'],
      message: (resources['en-US'].errors as Record<string, string>)['NotFound.message'],
    });
    t.i18n.removeResourceBundle('en-US', 'errors');
    expect(t.format('NotFound', {}, { lng: 'da-DK' })).toBe('NotFound');
    expect(t.format('InvalidUrl', {} as { url: string }, { lng: 'en-US' })).toBe('InvalidUrl');
    expect(t.describe({ error: { code: 'Forbidden', message: 'm', target: 't' } }, { lng: 'en-US' })).toMatchObject({ title: '403', hint: undefined, message: 'Forbidden' });
  });

  it('uses the title and hint entries of the code in describe, in the requested language', () => {
    const t = createErrorTranslator();
    for (const lng of ['en-US', 'da-DK'] as const) {
      const catalog = resources[lng].errors as Record<string, string>;
      for (const code of ERROR_CODES) {
        const description = t.describe({ error: { code, message: 'x', target: 't' } }, { lng });
        expect(description.title).toBe(catalog[`${code}.title`]);
        expect(description.hint).toBe(catalog[`${code}.hint`]);
      }
    }
  });
});
