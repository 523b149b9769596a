import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readErrorResponse } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// One Chromium launcher and one screenshot rule for every real-browser suite of the repository.
import { sharedChromium } from '../../../packages/browser/test/support/chromium';
import { screenshotFolder } from '../../demo/test/support/screenshots';
import { PANELS, UI_TEXT } from '../src/ui-text';
import { startDashboard, type RunningDashboard } from './support/dashboard-process';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = screenshotFolder(fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url)));
const reference = createErrorTranslator();
const chromium = sharedChromium();
let dashboard: RunningDashboard;

beforeAll(async () => {
  dashboard = await startDashboard();
});

afterAll(async () => {
  await Promise.all([chromium.close(), dashboard?.stop()]);
  screenshots.remove();
});

interface Dashboard {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
}

async function openDashboard(options: { bypassCSP?: boolean } = {}): Promise<Dashboard> {
  const context = await (await chromium.get()).newContext({ locale: 'da-DK', viewport: { width: 1280, height: 1000 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const fromApi = message.location().url.includes('/api/errors/') && message.text().startsWith('Failed to load resource');
    if ((message.type() === 'error' || message.type() === 'warning') && !fromApi) problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(dashboard.url);
  await waitForPanels(page);
  return { page, context, problems };
}

/** Waits until every panel has answered and shows its error. */
async function waitForPanels(page: Page): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('.panel .defender-error').length === count, PANELS.length);
}

interface ShownPanel {
  readonly id: string;
  readonly client: string;
  readonly lang: string | null;
  readonly code: string | null;
  readonly title: string;
  readonly message: string;
  readonly trackingId: string;
  readonly trackingIdVisible: boolean;
  readonly heading: string;
}

async function readPanels(page: Page): Promise<ShownPanel[]> {
  return page.$$eval('.panel', (panels) =>
    panels.map((panel) => {
      const root = panel.querySelector('.defender-error') as HTMLElement;
      const id = root.querySelector('.defender-error__tracking-id') as HTMLElement;
      const box = id.getBoundingClientRect();
      return {
        id: panel.getAttribute('data-panel') ?? '',
        client: panel.getAttribute('data-client') ?? '',
        lang: root.getAttribute('lang'),
        code: root.getAttribute('data-code'),
        title: root.querySelector('.defender-error__title')?.textContent ?? '',
        message: root.querySelector('.defender-error__message')?.textContent ?? '',
        trackingId: id.textContent ?? '',
        trackingIdVisible: box.width > 0 && box.height > 0 && getComputedStyle(id).visibility === 'visible',
        heading: panel.querySelector('h2')?.textContent ?? '',
      };
    }),
  );
}

/** What the demo API answers for each panel, read in Node: its code and the tracking ID format. */
async function apiAnswer(path: string) {
  const response = await fetch(new URL(path, dashboard.url));
  return readErrorResponse(response);
}

async function expectPanels(page: Page, lng: 'en-US' | 'da-DK'): Promise<ShownPanel[]> {
  const shown = await readPanels(page);
  expect(shown.map((panel) => panel.id)).toEqual(PANELS.map((panel) => panel.id));
  for (const [index, panel] of PANELS.entries()) {
    const row = shown[index] as ShownPanel;
    const answer = await apiAnswer(panel.path);
    // The tracking ID is fresh per request: the same code, and a message worded from the same parameters.
    const want = reference.describe({ ...answer, target: row.trackingId }, { lng });
    expect(row.client, panel.id).toBe(panel.client);
    expect(row.lang, panel.id).toBe(lng);
    expect(row.code, panel.id).toBe(answer.code);
    expect(row.title, panel.id).toBe(want.title);
    expect(row.message, panel.id).toBe(want.message);
    expect(row.trackingId, panel.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(row.trackingIdVisible, panel.id).toBe(true);
    expect(row.heading, panel.id).toBe(UI_TEXT[lng].app[`panel.${panel.id}`]);
  }
  return shown;
}

async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((node) => node.target))})`);
  });
  expect(violations).toEqual([]);
}

describe('the React dashboard in Chromium', () => {
  it('is Danish for a Danish browser, English after the switch without a reload, every tracking ID shown and copyable', async () => {
    const { page, context, problems } = await openDashboard();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(dashboard.url).origin });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da-DK');
    const danish = await expectPanels(page, 'da-DK');
    await page.screenshot({ path: `${screenshots.dir}react-da-DK.png`, fullPage: true });

    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    await page.waitForFunction(() => [...document.querySelectorAll('.panel .defender-error')].every((root) => root.getAttribute('lang') === 'en-US'));
    const english = await expectPanels(page, 'en-US');
    expect(navigations).toEqual([]);
    expect(english.map((panel) => panel.trackingId)).toEqual(danish.map((panel) => panel.trackingId));
    await page.screenshot({ path: `${screenshots.dir}react-en-US.png`, fullPage: true });

    for (const panel of english) {
      const button = page.locator(`.panel[data-panel="${panel.id}"] .defender-error__copy`);
      await button.click();
      await expect.poll(() => button.textContent()).toBe(reference.labels('en-US').copied);
      expect(await page.evaluate(() => navigator.clipboard.readText()), panel.id).toBe(panel.trackingId);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no axe-core violations in Danish and in English', async () => {
    // axe is injected as a script, so this context bypasses the page's CSP (the other test keeps it).
    const { page, context, problems } = await openDashboard({ bypassCSP: true });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.panel .defender-error')].every((root) => root.getAttribute('lang') === 'en-US'));
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reloads a panel on demand with a fresh tracking ID', async () => {
    const { page, context, problems } = await openDashboard();
    const panel = page.locator('.panel[data-panel="alerts"]');
    const before = await panel.locator('.defender-error__tracking-id').textContent();
    await panel.getByRole('button').first().click();
    await page.waitForFunction(() => document.querySelector('.panel[data-panel="alerts"]')?.getAttribute('data-calls') !== '1' && document.querySelector('.panel[data-panel="alerts"] .defender-error') !== null);
    await expect.poll(() => panel.locator('.defender-error__tracking-id').textContent()).not.toBe(before);
    expect(await panel.locator('.defender-error__retry').textContent()).toBe(reference.labels('da-DK').retryAfter(30));
    expect(problems).toEqual([]);
    await context.close();
  });
});
