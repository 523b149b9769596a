import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefenderApiError } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type * as ReactAdapter from '../src/index';

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

describe('the built package', () => {
  it("starts every built file with the 'use client' directive (Next.js server components)", () => {
    for (const file of ['index.js', 'index.cjs']) expect(readFileSync(dist(file), 'utf8').split('\n')[0], file).toBe("'use client';");
  });

  it('renders on the server with react-dom/server (a Next.js client component is pre-rendered), in the app’s language, text escaped', async () => {
    const { DefenderError } = (await import(dist('index.js'))) as typeof ReactAdapter;
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'da-DK', fallbackLng: 'en-US', resources: {} });
    const error = new DefenderApiError('InvalidUrl', { params: { url: '<img src=x onerror=alert(1)>' }, target: 'T-<b>' });
    const html = renderToString(createElement(I18nextProvider, { i18n }, createElement(DefenderError, { error })));
    const expected = createErrorTranslator().describe(error, { lng: 'da-DK' });
    expect(html).toContain('<div class="defender-error" role="alert" lang="da-DK" data-code="InvalidUrl" data-status="400">');
    expect(html).toContain(expected.message.replace('<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'));
    expect(html).toContain('>T-&lt;b&gt;</code>');
    expect(html).not.toContain('<img');
  });
});
