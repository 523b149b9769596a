import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readErrorResponse } from '@defender-errors/core';
import { createErrorTranslator, resources } from '@defender-errors/i18n';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type Scenario } from '../src/scenarios';
// One Chromium launcher for every real-browser suite of the repository.
import { sharedChromium } from '../../../packages/browser/test/support/chromium';
import { startBuiltDemo, type RunningDemo } from './support/demo-process';
import { screenshotFolder } from './support/screenshots';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = screenshotFolder(fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url)));
const DANISH_ONLY = resources['da-DK'].errors['NotFound.message'];
const reference = createErrorTranslator();
const LOCALES = ['en-US', 'da-DK'] as const;
const LOCALES_DIR = new URL('../../../locales/', import.meta.url);
/** The demo namespace of a locale, as the translators wrote it. */
const demoText = (lng: string): Record<string, string> => JSON.parse(readFileSync(new URL(`${lng}/demo.json`, LOCALES_DIR), 'utf8')) as Record<string, string>;

const chromium = sharedChromium();
let demo: RunningDemo;

beforeAll(async () => {
  demo = await startBuiltDemo();
});

afterAll(async () => {
  await Promise.all([chromium.close(), demo?.stop()]);
  screenshots.remove();
});

interface DemoPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
  /** Every script the page loaded: path and body. */
  readonly scripts: { path: string; body: Promise<string> }[];
}

async function openDemo(options: BrowserContextOptions): Promise<DemoPage> {
  const context = await (await chromium.get()).newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts: DemoPage['scripts'] = [];
  page.on('console', (message) => {
    const fromApi = message.location().url.includes('/api/errors/') && message.text().startsWith('Failed to load resource');
    if ((message.type() === 'error' || message.type() === 'warning') && !fromApi) problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.push({ path, body: response.text() });
  });
  await page.goto(demo.url);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  return { page, context, problems, scripts };
}

interface ShownError {
  code: string | null;
  lang: string | null;
  title: string;
  message: string;
  hint: string | null;
  retry: string | null;
  serverMessage: string | null;
  trackingId: string;
  trackingIdVisible: boolean;
  raw: string;
  source: string;
}

async function readShown(page: Page): Promise<ShownError> {
  const root = page.locator('#error-output .defender-error');
  const text = async (name: string) => {
    const node = root.locator(`.defender-error__${name}`);
    return (await node.count()) > 0 ? await node.first().textContent() : null;
  };
  return {
    code: await root.getAttribute('data-code'),
    lang: await root.getAttribute('lang'),
    title: (await text('title')) ?? '',
    message: (await text('message')) ?? '',
    hint: await text('hint'),
    retry: await text('retry'),
    serverMessage: await text('server-message'),
    trackingId: (await text('tracking-id')) ?? '',
    trackingIdVisible: await root.locator('.defender-error__tracking-id').isVisible(),
    raw: (await page.locator('#raw-body').textContent()) ?? '',
    source: (await page.locator('#source').textContent()) ?? '',
  };
}

/** Clicks a scenario's button and waits until its response is on screen. */
async function trigger(page: Page, scenario: Scenario): Promise<ShownError> {
  await page.locator(`button.scenario[data-path="${scenario.path}"]`).click();
  await page.waitForFunction((path) => document.querySelector('.scenario[aria-current="true"]')?.getAttribute('data-path') === path, scenario.path);
  return readShown(page);
}

/** What the page must show for a body the API sent, computed with the i18n package in Node. */
async function expected(raw: string, status: number, lng: string, retryAfter?: number) {
  const headers = retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) };
  return reference.describe(await readErrorResponse(new Response(raw, { status, headers })), { lng });
}

async function expectEveryScenario(page: Page, lng: string): Promise<void> {
  for (const scenario of SCENARIOS) {
    const shown = await trigger(page, scenario);
    const status = Number(/HTTP (\d{3})/.exec(shown.source)?.[1]);
    const want = await expected(shown.raw, status, lng, scenario.retryAfter);
    expect(shown.code, scenario.path).toBe(scenario.code);
    expect(shown.lang, scenario.path).toBe(lng);
    expect(shown.title, scenario.path).toBe(want.title);
    expect(shown.message, scenario.path).toBe(want.message);
    expect(shown.hint, scenario.path).toBe(want.hint ?? null);
    expect(shown.retry, scenario.path).toBe(want.retryAfter === undefined ? null : reference.labels(lng).retryAfter(want.retryAfter));
    expect(shown.serverMessage, scenario.path).toBe(want.serverMessageMatched ? null : (want.serverMessage || null));
    expect(shown.trackingId, scenario.path).toBe(JSON.parse(shown.raw).error.target);
    expect(shown.trackingIdVisible, scenario.path).toBe(true);
    expect(shown.source, scenario.path).toContain(`GET ${scenario.path}`);
  }
}

async function expectAccessible(lng: string): Promise<void> {
  // axe is injected as a script, so this context bypasses the page's CSP (the page itself keeps it elsewhere).
  const demoPage = await openDemo({ locale: lng, bypassCSP: true });
  const { page } = demoPage;
  await trigger(page, SCENARIOS.find((scenario) => scenario.variant === 'free-text') as Scenario);
  await page.locator('#raw-details summary').click();
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((node) => node.target))})`);
  });
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng);
  expect(violations).toEqual([]);
  expect(demoPage.problems).toEqual([]);
  await demoPage.context.close();
}

describe('the demo in Chromium', () => {
  it('renders every error in English, switches to Danish, renders them again, localizes a pasted body, and takes screenshots', async () => {
    const { page, context, problems } = await openDemo({ locale: 'en-US' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await page.locator('#language').inputValue()).toBe('en-US');
    expect(await page.locator('button.scenario').count()).toBe(SCENARIOS.length);

    await expectEveryScenario(page, 'en-US');
    const freeText = SCENARIOS.find((scenario) => scenario.variant === 'free-text') as Scenario;
    const english = await trigger(page, freeText);
    expect(english.serverMessage).toBe('Machine 123123123 was not found');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshots.dir}demo-en-US.png`, fullPage: true });

    await page.locator('#language').selectOption('da-DK');
    await page.waitForFunction(() => document.querySelector('#error-output .defender-error')?.getAttribute('lang') === 'da-DK');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da-DK');
    expect(await page.locator('h1').textContent()).toBe(demoText('da-DK')['heading']);
    const switched = await readShown(page);
    expect(switched.trackingId).toBe(english.trackingId);
    expect(switched.message).toBe((await expected(english.raw, 404, 'da-DK')).message);
    expect(switched.serverMessage).toBe('Machine 123123123 was not found');

    await expectEveryScenario(page, 'da-DK');

    await page.locator('#paste-body').fill('<html><body>502 Bad Gateway</body></html>');
    await page.locator('#paste-form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('#error-output .defender-error')?.getAttribute('data-code') === 'InternalServerError');
    const proxyPage = await readShown(page);
    expect(proxyPage.message).toBe(reference.describe('<html><body>502 Bad Gateway</body></html>', { lng: 'da-DK' }).message);
    expect(proxyPage.trackingId).toBe(reference.labels('da-DK').noTrackingId);

    const pasted = JSON.stringify({ error: { code: 'InvalidIpAddress', message: 'IP address 10.0.0.999 is invalid.', target: 'c0ffee00-1234-4abc-9def-0123456789ab' } });
    await page.locator('#paste-body').fill(pasted);
    await page.locator('#paste-form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('#error-output .defender-error')?.getAttribute('data-code') === 'InvalidIpAddress');
    const shownPaste = await readShown(page);
    expect(shownPaste.message).toBe(reference.format('InvalidIpAddress', { ip: '10.0.0.999' }, { lng: 'da-DK' }));
    expect(shownPaste.lang).toBe('da-DK');
    expect(shownPaste.trackingId).toBe('c0ffee00-1234-4abc-9def-0123456789ab');
    expect(shownPaste.trackingIdVisible).toBe(true);

    await trigger(page, freeText);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshots.dir}demo-da-DK.png`, fullPage: true });
    for (const lng of LOCALES) expect(readFileSync(`${screenshots.dir}demo-${lng}.png`).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists every bundled locale by its own name, and takes its interface text from locales/{lng}/demo.json', async () => {
    const { page, context, problems } = await openDemo({ locale: 'en-US' });
    const options = await page.locator('#language option').evaluateAll((nodes) => nodes.map((node) => ({ value: (node as HTMLOptionElement).value, lang: node.getAttribute('lang'), text: node.textContent })));
    expect(options.map((option) => option.value)).toEqual([...reference.locales()]);
    for (const option of options) {
      const own = new Intl.DisplayNames([option.value], { type: 'language' }).of(option.value) ?? '';
      expect(option.lang).toBe(option.value);
      expect(option.text?.toLocaleLowerCase(option.value)).toBe(own.toLocaleLowerCase(option.value));
    }
    for (const option of options) {
      await page.locator('#language').selectOption(option.value);
      await page.waitForFunction((lng) => document.documentElement.lang === lng, option.value);
      const text = { ...demoText('en-US'), ...demoText(option.value) };
      const shown = await page.locator('[data-text]').evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).dataset['text'] ?? '', node.textContent ?? ''] as const));
      expect(shown.length).toBeGreaterThan(5);
      for (const [key, value] of shown) expect(value, `${option.value} ${key}`).toBe(text[key]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes its default language from the browser and downloads only the catalog it needs', async () => {
    const english = await openDemo({ locale: 'en-US' });
    await trigger(english.page, SCENARIOS[0] as Scenario);
    const englishBodies = await Promise.all(english.scripts.map(async (script) => ({ path: script.path, body: await script.body })));
    expect(englishBodies.length).toBeGreaterThan(0);
    expect(englishBodies.filter((script) => script.body.includes(DANISH_ONLY))).toEqual([]);
    expect(englishBodies.filter((script) => script.path.includes('/en-US-'))).toEqual([]);
    expect(english.problems).toEqual([]);
    await english.context.close();

    const danish = await openDemo({ locale: 'da-DK' });
    expect(await danish.page.evaluate(() => document.documentElement.lang)).toBe('da-DK');
    expect(await danish.page.locator('#language').inputValue()).toBe('da-DK');
    const shown = await trigger(danish.page, SCENARIOS.find((scenario) => scenario.code === 'NotFound') as Scenario);
    expect(shown.message).toBe(DANISH_ONLY);
    const danishBodies = await Promise.all(danish.scripts.map(async (script) => ({ path: script.path, body: await script.body })));
    const withCatalog = danishBodies.filter((script) => script.body.includes(DANISH_ONLY));
    expect(withCatalog).toHaveLength(1);
    expect(withCatalog[0]?.path).toMatch(/\/assets\/da-DK-[\w-]+\.js$/);
    expect(danishBodies.filter((script) => script.path.includes('/en-US-'))).toEqual([]);
    expect(danish.problems).toEqual([]);
    await danish.context.close();
  });

  it('scrolls the result into view on a phone-sized screen, where it stands below the list of codes', async () => {
    const { page, context, problems } = await openDemo({ locale: 'en-US', viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    const last = SCENARIOS[SCENARIOS.length - 1] as Scenario;
    const button = page.locator(`button.scenario[data-path="${last.path}"]`);
    await button.scrollIntoViewIfNeeded();
    const resultTop = await page.locator('.result').evaluate((element) => element.getBoundingClientRect().top);
    expect(resultTop).toBeGreaterThan(844);
    await trigger(page, last);
    await page.waitForFunction(() => {
      const { top } = (document.querySelector('#error-output .defender-error') as HTMLElement).getBoundingClientRect();
      return top >= 0 && top < window.innerHeight;
    }, undefined, { timeout: 5_000 });
    const alertTop = await page.locator('#error-output .defender-error').evaluate((element) => element.getBoundingClientRect().top);
    expect(alertTop).toBeGreaterThanOrEqual(0);
    expect(alertTop).toBeLessThan(844);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no axe-core violations in either language', async () => {
    for (const lng of LOCALES) await expectAccessible(lng);
  });

  it('serves the page with a strict CSP and Trusted Types, and the page runs under it without violations', async () => {
    const response = await fetch(demo.url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    const { page, context, problems } = await openDemo({ locale: 'da-DK' });
    await page.evaluate(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { violations: string[] }).violations.push(event.violatedDirective));
    });
    for (const scenario of SCENARIOS.slice(0, 5)) await trigger(page, scenario);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
