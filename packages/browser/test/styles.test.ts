import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from './pages/harness';
import { servePage } from './support/bundle';
import { sharedChromium } from './support/chromium';
import { STRICT_CSP, type StaticServer } from './support/server';

const STYLESHEET = fileURLToPath(new URL('../dist/styles.css', import.meta.url));
const STYLED_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>styles.css</title>' +
  '<link rel="stylesheet" href="/styles.css"><script type="module" src="/page.js"></script></head>' +
  '<body><main id="app"><div id="errors"></div><div id="themed"></div></main></body></html>';

const chromium = sharedChromium();
let server: StaticServer;

beforeAll(async () => {
  const html = { body: STYLED_PAGE, type: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP } };
  const css = { body: readFileSync(STYLESHEET, 'utf8'), type: 'text/css; charset=utf-8' };
  server = await servePage('harness.ts', new Map([['/styled', html], ['/styles.css', css]]));
});

afterAll(async () => {
  await Promise.all([chromium.close(), server?.close()]);
});

/** Renders with renderError (plain and themed) and as <defender-error>, and reads the computed look of each. */
async function computedLook(page: Page) {
  return page.evaluate(() => {
    const { browser, translator, core } = window.harness;
    browser.defineErrorElement();
    const error = new core.DefenderApiError('Forbidden', { target: 'T-1' });
    const plain = browser.renderError(document.getElementById('errors') as HTMLElement, error, { translator });
    const themedHolder = document.getElementById('themed') as HTMLElement;
    themedHolder.style.setProperty('--defender-error-accent', 'rgb(1, 2, 3)');
    const themed = browser.renderError(themedHolder, error, { translator });
    const element = document.createElement('defender-error') as HTMLElement & { error: unknown };
    document.getElementById('app')?.append(element);
    element.error = error;
    const shadowRoot = element.shadowRoot?.querySelector('.defender-error') as HTMLElement;
    const look = (node: Element) => {
      const style = getComputedStyle(node);
      return { border: style.borderInlineStartColor, background: style.backgroundColor, color: style.color, width: style.borderInlineStartWidth };
    };
    const monospace = getComputedStyle(plain.querySelector('.defender-error__tracking-id') as Element).fontFamily;
    return { plain: look(plain), themed: look(themed), element: look(shadowRoot), monospace, inlineStyles: document.querySelectorAll('.defender-error[style], .defender-error [style]').length };
  });
}

describe('@defender-errors/browser/styles.css in Chromium under the strict CSP', () => {
  it('gives renderError the look of <defender-error>, light and dark, themable with custom properties', async () => {
    const context = await (await chromium.get()).newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await page.goto(`${server.origin}/styled`);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');

    await page.emulateMedia({ colorScheme: 'light' });
    const light = await computedLook(page);
    expect(light.plain).toEqual({ border: 'rgb(179, 38, 30)', background: 'rgb(255, 248, 247)', color: 'rgb(29, 27, 27)', width: '4px' });
    expect(light.element).toEqual(light.plain);
    expect(light.themed.border).toBe('rgb(1, 2, 3)');
    expect(light.monospace).toContain('monospace');
    expect(light.inlineStyles).toBe(0);

    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => {
      const look = (node: Element) => ({ border: getComputedStyle(node).borderInlineStartColor, background: getComputedStyle(node).backgroundColor });
      const shadowRoot = document.querySelector('defender-error')?.shadowRoot?.querySelector('.defender-error') as Element;
      return { plain: look(document.querySelector('#errors .defender-error') as Element), element: look(shadowRoot) };
    });
    expect(dark.plain).toEqual({ border: 'rgb(242, 184, 181)', background: 'rgb(43, 26, 25)' });
    expect(dark.element).toEqual(dark.plain);

    const violations = await page.evaluate(() => window.harness.violations);
    await context.close();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});
