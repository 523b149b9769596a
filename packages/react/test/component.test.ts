import { DefenderApiError, createErrorBody } from '@defender-errors/core';
import { SUPPORTED_LOCALES, createErrorTranslator } from '@defender-errors/i18n';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../../browser/test/support/chromium';
import type { StaticServer } from '../../browser/test/support/server';
import type {} from './pages/harness';
import { serveHarness } from './support/page';

const TRACKING_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const reference = createErrorTranslator();
const chromium = sharedChromium();
let server: StaticServer;

beforeAll(async () => {
  server = await serveHarness();
});

afterAll(async () => {
  await Promise.all([chromium.close(), server?.close()]);
});

interface OpenPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
}

async function openPage(): Promise<OpenPage> {
  const context = await (await chromium.get()).newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(server.origin);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  return { page, context, problems };
}

async function expectClean(open: OpenPage): Promise<void> {
  const state = await open.page.evaluate(() => ({ violations: window.harness.violations, foreign: window.harness.foreign, caught: window.harness.caught }));
  expect(state).toEqual({ violations: [], foreign: [], caught: [] });
  expect(open.problems).toEqual([]);
  await open.context.close();
}

/** Error values built in the page: [kind, ...arguments]. */
type Spec = readonly ['api', string, object] | readonly ['wire', string] | readonly ['retry'];

describe('<DefenderError> in Chromium', () => {
  it('renders exactly the markup of renderError, in react-i18next’s language, for every kind of error', async () => {
    const open = await openPage();
    const specs: Spec[] = [
      ['api', 'InvalidUrl', { params: { url: 'http://example.test/a' }, target: TRACKING_ID }],
      ['api', 'MissingRequiredParameter', { params: { parameter: 'machineId' } }],
      ['wire', JSON.stringify(createErrorBody('ResourceNotFound', { message: 'Machine 123123123 was not found', target: TRACKING_ID }))],
      ['wire', JSON.stringify({ error: { code: 'TenantMigrationInProgress', message: 'Tenant migration is in progress.', target: 'T-9' } })],
      ['retry'],
    ];
    const results = await open.page.evaluate(async (list) => {
      const { show, reference, core, i18n } = window.harness;
      const throttled = await core.readErrorResponse(new Response('{"error":{"code":"TooManyRequests","message":"","target":"T-1"}}', { status: 429, headers: { 'retry-after': '30' } }));
      const build = (spec: (typeof list)[number]) => {
        if (spec[0] === 'api') return new core.DefenderApiError(spec[1], spec[2] as never);
        if (spec[0] === 'wire') return spec[1];
        return throttled;
      };
      const rows: { lng: string; react: string; reference: string }[] = [];
      for (const lng of ['da-DK', 'en-US']) {
        await i18n.changeLanguage(lng);
        for (const spec of list) rows.push({ lng, react: show(build(spec)), reference: reference(build(spec), lng) });
      }
      return rows;
    }, specs);
    expect(results).toHaveLength(specs.length * 2);
    for (const row of results) expect(row.react, row.reference).toBe(row.reference);
    expect(results[0]?.react).toContain('lang="da-DK"');
    expect(results[0]?.react).toContain(reference.describe(new DefenderApiError('InvalidUrl', { params: { url: 'http://example.test/a' } }), { lng: 'da-DK' }).message);
    expect(results[0]?.react).toContain(`>${TRACKING_ID}</code>`);
    expect(results.at(-1)?.react).toContain(reference.labels('en-US').retryAfter(30));
    await open.page.evaluate(() => window.harness.i18n.changeLanguage('da-DK'));
    await expectClean(open);
  });

  it('re-renders on i18n.changeLanguage without remounting, with one translator per i18next instance', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(async (target) => {
      const { show, core, i18n, bundlesAdded } = window.harness;
      const error = new core.DefenderApiError('InvalidIpAddress', { params: { ip: '10.0.0.300' }, target });
      show(error, {}, 5);
      const first = document.querySelector('#app .defender-error') as HTMLElement;
      const read = () => ({ lang: first.getAttribute('lang'), message: first.querySelector('.defender-error__message')?.textContent, copy: first.querySelector('.defender-error__copy')?.textContent });
      const danish = read();
      const afterFirstRender = bundlesAdded();
      await i18n.changeLanguage('en-US');
      await new Promise((resolve) => setTimeout(resolve, 0));
      const english = read();
      for (let round = 0; round < 20; round += 1) show(error, {}, 5);
      await i18n.changeLanguage('da-DK');
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { danish, english, backToDanish: read(), sameNode: document.querySelector('#app .defender-error') === first, afterFirstRender, afterAll: bundlesAdded() };
    }, TRACKING_ID);
    expect(result.danish).toEqual({ lang: 'da-DK', message: reference.format('InvalidIpAddress', { ip: '10.0.0.300' }, { lng: 'da-DK' }), copy: reference.labels('da-DK').copy });
    expect(result.english).toEqual({ lang: 'en-US', message: reference.format('InvalidIpAddress', { ip: '10.0.0.300' }, { lng: 'en-US' }), copy: reference.labels('en-US').copy });
    expect(result.backToDanish.lang).toBe('da-DK');
    expect(result.sameNode).toBe(true);
    // One translator registers each bundled locale (and, on an app instance, its bare language
    // where the app has none); more renders and language changes register nothing more.
    expect(result.afterFirstRender).toBeGreaterThanOrEqual(SUPPORTED_LOCALES.length);
    expect(result.afterAll).toBe(result.afterFirstRender);
    await expectClean(open);
  });

  it('reads a fetch Response (or a value holding one, like ky’s HTTPError) with a pending state, once for many components', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(async (target) => {
      const { show } = window.harness;
      const body = JSON.stringify({ error: { code: 'ResourceNotFound', message: 'Machine 123123123 was not found', target } });
      const shown = () => Array.from(document.querySelectorAll('#app .defender-error'), (root) => `${root.getAttribute('data-code')} ${root.querySelector('.defender-error__tracking-id')?.textContent}`);
      const response = new Response(body, { status: 404 });
      const pending = show(response, { fallback: 'Indlæser…' }, 3);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const settled = shown();
      const held = { name: 'HTTPError', response: new Response('{"error":{"code":"TooManyRequests","message":""}}', { status: 429, headers: { 'retry-after': '7' } }) };
      show(held);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { pending, settled, held: shown(), retry: document.querySelector('#app .defender-error__retry')?.textContent };
    }, TRACKING_ID);
    expect(result.pending).toBe('Indlæser…'.repeat(3));
    expect(result.settled).toEqual([`ResourceNotFound ${TRACKING_ID}`, `ResourceNotFound ${TRACKING_ID}`, `ResourceNotFound ${TRACKING_ID}`]);
    expect(result.held).toEqual([`TooManyRequests ${reference.labels('da-DK').noTrackingId}`]);
    expect(result.retry).toBe(reference.labels('da-DK').retryAfter(7));
    await expectClean(open);
  });

  it('never throws during render, whatever the error value is (revoked proxies, throwing traps and getters)', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(() => {
      const { show } = window.harness;
      const { proxy: revoked, revoke } = Proxy.revocable({}, {});
      revoke();
      const trap = () => {
        throw new Error('trap');
      };
      const everyTrap = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap });
      const getters = Object.defineProperties({}, Object.fromEntries(['error', 'response', 'status', 'statusCode', 'code', 'message', 'body', 'data', 'headers', 'toJSON', 'then'].map((name) => [name, { get: trap, enumerable: true }])));
      const circular: Record<string, unknown> = { error: {} };
      (circular['error'] as Record<string, unknown>)['inner'] = circular;
      const values: unknown[] = [revoked, everyTrap, getters, circular, Symbol('x'), 10n, () => 1, Object.create(null), new Error('secret stack'), '<html>bad gateway</html>', 0, false, [], { toString: trap, valueOf: trap }];
      return values.map((value) => {
        const markup = show(value);
        const root = document.querySelector('#app .defender-error');
        return { roots: document.querySelectorAll('#app .defender-error').length, code: root?.getAttribute('data-code'), leaked: markup.includes('secret stack') };
      });
    });
    for (const row of result) expect(row).toMatchObject({ roots: 1, leaked: false });
    expect(result.every((row) => typeof row.code === 'string' && row.code.length > 0)).toBe(true);
    await expectClean(open);
  });

  it('copies the tracking ID and shows the "copied" state for COPIED_STATE_MS, like renderError, also after a new error', async () => {
    const open = await openPage();
    await open.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await open.page.clock.install();
    await open.page.evaluate((target) => window.harness.show(new window.harness.core.DefenderApiError('Forbidden', { target })), TRACKING_ID);
    const button = open.page.locator('#app .defender-error__copy');
    expect(await button.textContent()).toBe(reference.labels('da-DK').copy);
    await button.click();
    await expect.poll(() => button.textContent()).toBe(reference.labels('da-DK').copied);
    expect(await button.getAttribute('class')).toBe('defender-error__copy defender-error__copy--copied');
    expect(await button.getAttribute('data-state')).toBe('copied');
    expect(await open.page.evaluate(() => navigator.clipboard.readText())).toBe(TRACKING_ID);
    const resetAfter = await open.page.evaluate(() => window.harness.browser.COPIED_STATE_MS);
    await open.page.clock.runFor(resetAfter + 10);
    await expect.poll(() => button.textContent()).toBe(reference.labels('da-DK').copy);
    expect(await button.getAttribute('data-state')).toBeNull();
    // a new error with the same labels re-renders around the same button: it copies the ID now shown
    const next = '0b0c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b';
    await open.page.evaluate((target) => window.harness.show(new window.harness.core.DefenderApiError('Forbidden', { target })), next);
    await button.click();
    await expect.poll(() => open.page.evaluate(() => navigator.clipboard.readText())).toBe(next);
    await expectClean(open);
  });

  it('selects the tracking ID when the clipboard refuses, so the user can copy it by hand', async () => {
    const open = await openPage();
    await open.page.evaluate((target) => {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
      window.harness.show(new window.harness.core.DefenderApiError('Forbidden', { target }));
    }, TRACKING_ID);
    await open.page.locator('#app .defender-error__copy').click();
    await expect.poll(() => open.page.evaluate(() => window.getSelection()?.toString())).toBe(TRACKING_ID);
    expect(await open.page.locator('#app .defender-error__copy').textContent()).toBe(reference.labels('da-DK').copy);
    await expectClean(open);
  });
});

describe('useErrorDescription in Chromium', () => {
  it('gives the description in react-i18next’s language, and nothing for null', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(async () => {
      const { showHook, core, i18n } = window.harness;
      const error = new core.DefenderApiError('InvalidHashValue', { params: { hash: 'abc' }, target: 'T-2' });
      const danish = showHook(error);
      await i18n.changeLanguage('en-US');
      const english = showHook(error);
      await i18n.changeLanguage('da-DK');
      return { danish, english, none: showHook(null), undefinedValue: showHook(undefined) };
    });
    expect(result).toEqual({
      danish: `da-DK|InvalidHashValue|${reference.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da-DK' })}|T-2`,
      english: `en-US|InvalidHashValue|${reference.format('InvalidHashValue', { hash: 'abc' }, { lng: 'en-US' })}|T-2`,
      none: 'none',
      undefinedValue: 'none',
    });
    await expectClean(open);
  });
});
