import { createErrorBody, DefenderApiError } from '@defender-errors/core';
import { createErrorTranslator, resources } from '@defender-errors/i18n';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from './pages/harness';
import { servePage } from './support/bundle';
import { sharedChromium } from './support/chromium';
import type { StaticServer } from './support/server';

const TRACKING_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
const reference = createErrorTranslator();
const DANISH_ONLY = resources['da-DK'].errors['NotFound.message'];
/** A text only the catalog validator holds (one of its problem messages). */
const VALIDATOR_ONLY = 'The catalog must be a JSON object';

const chromium = sharedChromium();
let server: StaticServer & { scripts: Map<string, string> };

beforeAll(async () => {
  server = await servePage('harness.ts');
});

afterAll(async () => {
  await Promise.all([chromium.close(), server?.close()]);
});

interface OpenPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, page errors and dialogs seen so far. */
  readonly problems: string[];
  /** Script paths the page requested, in order. */
  readonly scripts: string[];
}

async function openPage(options: BrowserContextOptions & { path?: string } = {}): Promise<OpenPage> {
  const { path = '/', ...contextOptions } = options;
  const context = await (await chromium.get()).newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  return { page, context, problems, scripts };
}

async function expectClean(open: OpenPage): Promise<void> {
  const violations = await open.page.evaluate(() => window.harness.violations);
  expect(violations).toEqual([]);
  expect(open.problems).toEqual([]);
  await open.context.close();
}

interface RenderedView {
  root: { tag: string; role: string | null; lang: string; code: string | null; status: string | null; known: string | null; className: string };
  title?: string | undefined;
  message?: string | undefined;
  hint?: string | undefined;
  retry?: string | undefined;
  serverMessage?: string | undefined;
  code?: string | undefined;
  status?: string | undefined;
  trackingId?: string | undefined;
  copy?: string | undefined;
  labels: string[];
}

/** Renders in the page and reads the result back as plain data. */
async function render(page: Page, input: unknown, lng: string | undefined): Promise<RenderedView> {
  return page.evaluate(
    ({ input, lng }) => {
      const { browser, translator, core } = window.harness;
      const error = input && typeof input === 'object' && 'apiError' in input ? new core.DefenderApiError(...(input.apiError as [string, object])) : input;
      const container = document.getElementById('errors') as HTMLElement;
      const root = browser.renderError(container, error, { lng, translator });
      const text = (name: string) => root.querySelector(`.defender-error__${name}`)?.textContent ?? undefined;
      return {
        root: {
          tag: root.tagName,
          role: root.getAttribute('role'),
          lang: root.lang,
          code: root.getAttribute('data-code'),
          status: root.getAttribute('data-status'),
          known: root.getAttribute('data-known'),
          className: root.className,
        },
        title: text('title'),
        message: text('message'),
        hint: text('hint'),
        retry: text('retry'),
        serverMessage: text('server-message'),
        code: text('code'),
        status: text('status'),
        trackingId: text('tracking-id'),
        copy: text('copy'),
        labels: Array.from(root.querySelectorAll('.defender-error__label'), (label) => label.textContent ?? ''),
      };
    },
    { input, lng },
  );
}

describe('renderError in Chromium', () => {
  it('renders a localized error as an alert with lang, data-code and the documented class names', async () => {
    const open = await openPage();
    const error = new DefenderApiError('InvalidHashValue', { params: { hash: 'abc123' }, target: TRACKING_ID });
    const view = await render(open.page, { apiError: ['InvalidHashValue', { params: { hash: 'abc123' }, target: TRACKING_ID }] }, 'en-US');
    const expected = reference.describe(error, { lng: 'en-US' });
    const labels = reference.labels('en-US');
    expect(view.root).toEqual({ tag: 'DIV', role: 'alert', lang: 'en-US', code: 'InvalidHashValue', status: '400', known: null, className: 'defender-error' });
    expect(view.title).toBe('Bad Request');
    expect(view.message).toBe(reference.format('InvalidHashValue', { hash: 'abc123' }, { lng: 'en-US' }));
    expect(view.message).toBe(expected.message);
    expect(view.hint).toBeUndefined();
    expect(view.code).toBe('InvalidHashValue');
    expect(view.status).toBe('400');
    expect(view.trackingId).toBe(TRACKING_ID);
    expect(view.copy).toBe(labels.copy);
    expect(view.labels).toEqual([labels.code, labels.status, labels.trackingId]);
    await expectClean(open);
  });

  it('renders Danish with Danish labels once da-DK is loaded, and hints where the catalog has one', async () => {
    const open = await openPage();
    await open.page.evaluate(() => window.harness.browser.loadLocale(window.harness.translator, 'da'));
    const view = await render(open.page, { apiError: ['MissingRequiredParameter', { params: { parameter: 'machineId' }, target: TRACKING_ID }] }, 'da');
    const expected = reference.describe(new DefenderApiError('MissingRequiredParameter', { params: { parameter: 'machineId' } }), { lng: 'da-DK' });
    expect(view.root.lang).toBe('da-DK');
    expect(view.title).toBe(expected.title);
    expect(view.message).toBe('Parameteren machineId mangler.');
    expect(view.hint).toBe(expected.hint);
    expect(view.labels).toEqual([reference.labels('da-DK').code, reference.labels('da-DK').status, reference.labels('da-DK').trackingId]);
    expect(view.copy).toBe(reference.labels('da-DK').copy);
    await expectClean(open);
  });

  it('shows a server message that matches no template verbatim beside the localized text', async () => {
    const open = await openPage();
    await open.page.evaluate(() => window.harness.browser.loadLocale(window.harness.translator, 'da-DK'));
    const wire = JSON.stringify(createErrorBody('ResourceNotFound', { message: 'Machine 123123123 was not found', target: TRACKING_ID }));
    const view = await render(open.page, wire, 'da-DK');
    const expected = reference.describe(wire, { lng: 'da-DK' });
    expect(expected.serverMessageMatched).toBe(false);
    expect(view.message).toBe(expected.message);
    expect(view.serverMessage).toBe('Machine 123123123 was not found');
    expect(view.labels[0]).toBe(reference.labels('da-DK').serverMessage);
    expect(view.trackingId).toBe(TRACKING_ID);

    const matched = await render(open.page, JSON.stringify(createErrorBody('ResourceNotFound', { message: 'Resource machine-7 was not found.', target: TRACKING_ID })), 'da-DK');
    expect(matched.message).toBe('Ressourcen machine-7 blev ikke fundet.');
    expect(matched.serverMessage).toBeUndefined();
    await expectClean(open);
  });

  it('keeps an unknown code, its status and the server text, and renders the status fallback', async () => {
    const open = await openPage();
    const wire = JSON.stringify(createErrorBody('TenantMigrationInProgress', { message: 'Tenant migration is in progress.', target: TRACKING_ID }));
    const view = await render(open.page, wire, 'en-US');
    expect(view.root.code).toBe('TenantMigrationInProgress');
    expect(view.root.known).toBe('false');
    expect(view.code).toBe('TenantMigrationInProgress');
    expect(view.message).toBe(reference.describe(wire, { lng: 'en-US' }).message);
    expect(view.serverMessage).toBe('Tenant migration is in progress.');
    await expectClean(open);
  });

  it('shows Retry-After from readErrorResponse, and "none" when there is no tracking ID', async () => {
    const open = await openPage();
    const view = await open.page.evaluate(async () => {
      const { browser, translator, core } = window.harness;
      const response = new Response('{"error":{"code":"TooManyRequests","message":""}}', { status: 429, headers: { 'retry-after': '30' } });
      const root = browser.renderError(document.getElementById('errors') as HTMLElement, await core.readErrorResponse(response), { lng: 'en-US', translator });
      return {
        retry: root.querySelector('.defender-error__retry')?.textContent,
        trackingId: root.querySelector('.defender-error__tracking-id')?.textContent,
        buttons: root.querySelectorAll('button').length,
      };
    });
    expect(view.retry).toBe(reference.labels('en-US').retryAfter(30));
    expect(view.trackingId).toBe(reference.labels('en-US').noTrackingId);
    expect(view.buttons).toBe(0);
    await expectClean(open);
  });

  it('says the retry-after seconds in the plural form of each bundled locale, in the DOM', async () => {
    const open = await openPage();
    const cases = Object.keys(resources).flatMap((lng) => [1, 30].map((seconds) => ({ lng, seconds })));
    const shown = await open.page.evaluate(async (list) => {
      const { browser, translator, core } = window.harness;
      const texts: (string | null | undefined)[] = [];
      for (const { lng, seconds } of list) {
        await browser.loadLocale(translator, lng);
        const root = browser.renderError(document.getElementById('errors') as HTMLElement, new core.DefenderApiError('TooManyRequests', { retryAfter: seconds }), { lng, translator });
        texts.push(root.querySelector('.defender-error__retry')?.textContent);
      }
      return texts;
    }, cases);
    expect(shown).toEqual(cases.map(({ lng, seconds }) => reference.labels(lng).retryAfter(seconds)));
    expect(shown).toContain('Retry after 1 second.');
    expect(shown).toContain('Prøv igen om 30 sekunder.');
    await expectClean(open);
  });

  it('replaces the previous error instead of stacking, and leaves other content alone', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(() => {
      const { browser, translator, core } = window.harness;
      const container = document.getElementById('errors') as HTMLElement;
      const note = container.appendChild(document.createElement('div'));
      note.className = 'note';
      const first = browser.renderError(container, new core.DefenderApiError('NotFound'), { translator });
      const second = browser.renderError(container, new core.DefenderApiError('Forbidden'), { translator });
      const third = browser.renderError(container, new core.DefenderApiError('BadRequest'), { translator });
      return {
        roots: Array.from(container.querySelectorAll('.defender-error'), (root) => root.getAttribute('data-code')),
        firstAttached: first.isConnected,
        secondAttached: second.isConnected,
        thirdIsShown: container.contains(third),
        noteKept: note.isConnected,
      };
    });
    expect(result).toEqual({ roots: ['BadRequest'], firstAttached: false, secondAttached: false, thirdIsShown: true, noteKept: true });
    await expectClean(open);
  });

  it('renders anything thrown, and rejects a missing container or translator with a clear TypeError', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(() => {
      const { browser, translator } = window.harness;
      const container = document.getElementById('errors') as HTMLElement;
      const codes = [undefined, null, 42, '<html>bad gateway</html>', '', {}, [], new Error('secret stack')].map(
        (input) => browser.renderError(container, input, { translator }).getAttribute('data-code'),
      );
      const failures: string[] = [];
      for (const attempt of [
        () => browser.renderError(null as unknown as Element, {}, { translator }),
        () => browser.renderError(container, {}, undefined as unknown as { translator: typeof translator }),
        () => browser.renderError(container, {}, { translator: {} as typeof translator }),
      ]) {
        try {
          attempt();
          failures.push('no error');
        } catch (error) {
          failures.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
      }
      return { codes, failures, secretShown: container.textContent?.includes('secret stack') };
    });
    expect(result.codes).toEqual(['InternalServerError', 'InternalServerError', 'InternalServerError', 'InternalServerError', 'InternalServerError', 'InternalServerError', 'InternalServerError', 'InternalServerError']);
    expect(result.failures).toEqual([
      'TypeError: renderError: `container` must be a DOM element.',
      'TypeError: renderError: `translator` must come from createErrorTranslator() of @defender-errors/i18n.',
      'TypeError: renderError: `translator` must come from createErrorTranslator() of @defender-errors/i18n.',
    ]);
    expect(result.secretShown).toBe(false);
    await expectClean(open);
  });
});

describe('the copy button', () => {
  it('copies the tracking ID with navigator.clipboard and shows a "copied" state for a while', async () => {
    const open = await openPage();
    await open.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await open.page.clock.install();
    await open.page.evaluate((target) => {
      const { browser, translator, core } = window.harness;
      browser.renderError(document.getElementById('errors') as HTMLElement, new core.DefenderApiError('Forbidden', { target }), { lng: 'en-US', translator });
    }, TRACKING_ID);
    const button = open.page.locator('.defender-error__copy');
    await expect.poll(() => button.textContent()).toBe('Copy');
    await button.click();
    await expect.poll(() => button.textContent()).toBe(reference.labels('en-US').copied);
    expect(await button.getAttribute('class')).toBe('defender-error__copy defender-error__copy--copied');
    expect(await button.getAttribute('data-state')).toBe('copied');
    expect(await open.page.evaluate(() => navigator.clipboard.readText())).toBe(TRACKING_ID);
    const resetAfter = await open.page.evaluate(() => window.harness.browser.COPIED_STATE_MS);
    await open.page.clock.runFor(resetAfter + 10);
    await expect.poll(() => button.textContent()).toBe('Copy');
    expect(await button.getAttribute('data-state')).toBeNull();
    await expectClean(open);
  });

  it('selects the tracking ID when the clipboard refuses, so the user can copy it by hand', async () => {
    const open = await openPage();
    await open.page.evaluate((target) => {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
      const { browser, translator, core } = window.harness;
      browser.renderError(document.getElementById('errors') as HTMLElement, new core.DefenderApiError('Forbidden', { target }), { translator });
    }, TRACKING_ID);
    await open.page.locator('.defender-error__copy').click();
    await expect.poll(() => open.page.evaluate(() => window.getSelection()?.toString())).toBe(TRACKING_ID);
    expect(await open.page.locator('.defender-error__copy').textContent()).toBe('Copy');
    await expectClean(open);
  });
});

describe('detectLocale in Chromium', () => {
  it('maps language lists to supported locales and never throws on junk', async () => {
    const open = await openPage();
    const results = await open.page.evaluate(() => {
      const { detectLocale } = window.harness.browser;
      const hostile = {
        *[Symbol.iterator]() {
          yield 'xx';
          throw new Error('hostile iterator');
        },
      };
      const getterBomb = new Proxy([], { get: () => { throw new Error('boom'); } });
      return {
        da: detectLocale(['da']),
        frThenEnGb: detectLocale(['fr-FR', 'en-GB']),
        daDkLower: detectLocale(['da-dk']),
        underscore: detectLocale(['da_DK']),
        greenlandDanish: detectLocale(['da-GL']),
        germanOnly: detectLocale(['de-DE', 'fr']),
        empty: detectLocale([]),
        string: detectLocale('da'),
        junk: detectLocale(['*', '', '__proto__', 'en"bad', 'i-klingon', 'x'.repeat(10_000), 42, null, {}, 'da']),
        notAList: detectLocale(42 as unknown as string[]),
        hostile: detectLocale(hostile as unknown as string[]),
        getterBomb: detectLocale(getterBomb as unknown as string[]),
        customSupported: detectLocale(['de-AT'], ['en-US', 'de-DE']),
        junkSupported: detectLocale(['da'], ['nonsense!!', 42] as unknown as string[]),
        noEnglish: detectLocale(['fr'], ['da-DK']),
      };
    });
    expect(results).toEqual({
      da: 'da-DK',
      frThenEnGb: 'en-US',
      daDkLower: 'da-DK',
      underscore: 'da-DK',
      greenlandDanish: 'da-DK',
      germanOnly: 'en-US',
      empty: 'en-US',
      string: 'da-DK',
      junk: 'da-DK',
      notAList: 'en-US',
      hostile: 'en-US',
      getterBomb: 'en-US',
      customSupported: 'de-DE',
      junkSupported: 'en-US',
      noEnglish: 'da-DK',
    });
    await expectClean(open);
  });

  it('defaults to navigator.languages', async () => {
    for (const [locale, expected] of [
      ['da-DK', 'da-DK'],
      ['da', 'da-DK'],
      ['fr-FR', 'en-US'],
      ['en-GB', 'en-US'],
    ] as const) {
      const open = await openPage({ locale });
      const detected = await open.page.evaluate(() => ({ languages: [...navigator.languages], detected: window.harness.browser.detectLocale() }));
      expect(detected.languages[0]).toBe(locale);
      expect(detected.detected, locale).toBe(expected);
      await expectClean(open);
    }
  });
});

describe('per-locale loading', () => {
  it('downloads the da-DK catalog only when asked, once, and never the en-US one', async () => {
    const danishScripts = [...server.scripts].filter(([, text]) => text.includes(DANISH_ONLY)).map(([path]) => path);
    expect(danishScripts).toHaveLength(1);
    const danishChunk = danishScripts[0] as string;
    const englishChunk = [...server.scripts.keys()].find((path) => /en-US/.test(path));
    expect(englishChunk, 'esbuild emits the en-US subpath as its own chunk').toBeDefined();

    const open = await openPage();
    expect(open.scripts.length).toBeGreaterThan(0);
    expect(open.scripts).not.toContain(danishChunk);

    const unsupported = await open.page.evaluate(() => window.harness.browser.loadLocale(window.harness.translator, 'fr-FR'));
    expect(unsupported).toBe('en-US');
    expect(open.scripts).not.toContain(danishChunk);

    const loaded = await open.page.evaluate(async () => {
      const { browser, translator } = window.harness;
      const results = await Promise.all([browser.loadLocale(translator, 'da'), browser.loadLocale(translator, 'da-DK')]);
      return { results, locales: translator.locales() };
    });
    expect(loaded).toEqual({ results: ['da-DK', 'da-DK'], locales: ['en-US', 'da-DK'] });
    expect(open.scripts.filter((path) => path === danishChunk)).toHaveLength(1);
    await open.page.evaluate(() => window.harness.browser.loadLocale(window.harness.translator, 'da-DK'));
    expect(open.scripts.filter((path) => path === danishChunk)).toHaveLength(1);
    expect(open.scripts).not.toContain(englishChunk);
    await expectClean(open);
  });

  it('rejects with the locale named when a download or its check fails, and keeps rendering en-US', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(async () => {
      const { browser, translator } = window.harness;
      const outcomes: string[] = [];
      for (const loader of [() => Promise.reject(new Error('offline')), () => Promise.resolve({ messages: { 'BadRequest.message': 'x' } })]) {
        try {
          await browser.loadLocale(translator, 'de-DE', { loaders: { 'de-DE': loader } });
          outcomes.push('resolved');
        } catch (error) {
          outcomes.push((error as Error).message);
        }
      }
      const root = browser.renderError(document.getElementById('errors') as HTMLElement, new window.harness.core.DefenderApiError('NotFound'), { lng: 'de-DE', translator });
      return { outcomes, lang: root.lang, locales: translator.locales() };
    });
    expect(result).toEqual({
      outcomes: ['loadLocale: could not load the de-DE messages.', 'loadLocale: could not load the de-DE messages.'],
      lang: 'en-US',
      locales: ['en-US'],
    });
    await expectClean(open);
  });
});

describe('per-locale loading with createOnDemandTranslator', () => {
  /** The chunk of `@defender-errors/i18n/tooling` (the check the on-demand translator imports), when it holds the validator. */
  const checkChunks = () => [...server.scripts].filter(([path, text]) => path.startsWith('/chunks/tooling-') && text.includes(VALIDATOR_ONLY)).map(([path]) => path);

  it('downloads the catalog check with the first locale it adds, once, and renders that locale', async () => {
    const lazyCheck = checkChunks();
    expect(lazyCheck, 'the check the on-demand translator imports is a chunk of its own').toHaveLength(1);
    const open = await openPage();
    expect(await open.page.evaluate(() => window.harness.createOnDemandTranslator().locales())).toEqual(['en-US']);
    expect(open.scripts).not.toContain(lazyCheck[0]);
    const result = await open.page.evaluate(async () => {
      const { browser } = window.harness;
      const translator = window.harness.createOnDemandTranslator();
      const results = await Promise.all([browser.loadLocale(translator, 'da'), browser.loadLocale(translator, 'da-DK')]);
      const root = browser.renderError(document.getElementById('errors') as HTMLElement, new window.harness.core.DefenderApiError('NotFound'), { lng: 'da', translator });
      return { results, locales: translator.locales(), lang: root.lang, message: root.querySelector('.defender-error__message')?.textContent };
    });
    expect(result).toEqual({ results: ['da-DK', 'da-DK'], locales: ['en-US', 'da-DK'], lang: 'da-DK', message: DANISH_ONLY });
    expect(open.scripts.filter((path) => path === lazyCheck[0])).toHaveLength(1);
    await expectClean(open);
  });

  it('rejects a catalog with errors, the cause an instance of the class the page imported, and keeps rendering en-US', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(async () => {
      const { browser, CatalogValidationError } = window.harness;
      const translator = window.harness.createOnDemandTranslator();
      try {
        await browser.loadLocale(translator, 'de-DE', { loaders: { 'de-DE': () => Promise.resolve({ messages: { 'BadRequest.message': 'x' } }) } });
        return { outcome: 'resolved' };
      } catch (error) {
        const cause = (error as Error).cause;
        const root = browser.renderError(document.getElementById('errors') as HTMLElement, new window.harness.core.DefenderApiError('NotFound'), { lng: 'de-DE', translator });
        return { outcome: (error as Error).message, causeIsClass: cause instanceof CatalogValidationError, lang: root.lang, locales: translator.locales() };
      }
    });
    expect(result).toEqual({ outcome: 'loadLocale: could not load the de-DE messages.', causeIsClass: true, lang: 'en-US', locales: ['en-US'] });
    await expectClean(open);
  });
});

describe('<defender-error> custom element', () => {
  it('renders its attributes in a shadow root with parts, re-renders on change and is idempotent to define', async () => {
    const open = await openPage();
    await open.page.evaluate(() => window.harness.browser.loadLocale(window.harness.translator, 'da-DK'));
    const result = await open.page.evaluate((target) => {
      const { browser, translator } = window.harness;
      const first = browser.defineErrorElement('defender-error', { translator });
      const second = browser.defineErrorElement('defender-error', { translator });
      const element = document.createElement('defender-error');
      element.setAttribute('code', 'InvalidUrl');
      element.setAttribute('lang', 'da-DK');
      element.setAttribute('params', JSON.stringify({ url: 'http://example.test/a' }));
      element.setAttribute('target', target);
      document.getElementById('app')?.append(element);
      const read = () => {
        const shadow = element.shadowRoot as ShadowRoot;
        const part = (name: string) => shadow.querySelector(`[part~="${name}"]`);
        return {
          role: part('root')?.getAttribute('role'),
          lang: part('root')?.getAttribute('lang'),
          code: part('root')?.getAttribute('data-code'),
          message: part('message')?.textContent,
          trackingId: part('tracking-id')?.textContent,
          parts: Array.from(shadow.querySelectorAll('[part]'), (node) => node.getAttribute('part')),
        };
      };
      const before = read();
      element.setAttribute('code', 'InvalidIpAddress');
      element.setAttribute('params', JSON.stringify({ ip: '10.0.0.300' }));
      const changed = read();
      element.setAttribute('lang', 'en-US');
      const english = read();
      element.setAttribute('params', '{not json');
      const invalid = read();
      return { same: first === second, isElement: element instanceof first, before, changed, english, invalid, errorRoot: (element as unknown as { errorRoot: Element }).errorRoot?.className };
    }, TRACKING_ID);
    expect(result.same).toBe(true);
    expect(result.isElement).toBe(true);
    expect(result.before).toMatchObject({ role: 'alert', lang: 'da-DK', code: 'InvalidUrl', message: 'URL-adressen http://example.test/a er ugyldig.', trackingId: TRACKING_ID });
    expect(result.before.parts).toEqual(expect.arrayContaining(['root', 'title', 'message', 'meta', 'label', 'code', 'status', 'tracking', 'tracking-id', 'copy']));
    expect(result.changed).toMatchObject({ code: 'InvalidIpAddress', message: 'IP-adressen 10.0.0.300 er ugyldig.' });
    expect(result.english).toMatchObject({ lang: 'en-US', message: reference.format('InvalidIpAddress', { ip: '10.0.0.300' }, { lng: 'en-US' }) });
    expect(result.invalid.message).toBe(reference.describe(new DefenderApiError('InvalidIpAddress'), { lng: 'en-US' }).message);
    expect(result.errorRoot).toBe('defender-error');
    await expectClean(open);
  });

  it('inherits lang from an ancestor, takes an error object as a property, and shows nothing without a code', async () => {
    const open = await openPage();
    await open.page.evaluate(() => window.harness.browser.loadLocale(window.harness.translator, 'da-DK'));
    const result = await open.page.evaluate(() => {
      const { browser, translator, core } = window.harness;
      browser.defineErrorElement('defender-error', { translator });
      const wrapper = document.createElement('div');
      wrapper.setAttribute('lang', 'da');
      const element = document.createElement('defender-error') as HTMLElement & { error: unknown };
      wrapper.append(element);
      document.getElementById('app')?.append(wrapper);
      const empty = (element.shadowRoot as ShadowRoot).childElementCount;
      element.error = new core.DefenderApiError('DisabledFeature', { target: 'T-1' });
      const shadow = element.shadowRoot as ShadowRoot;
      return {
        empty,
        lang: shadow.querySelector('[part~="root"]')?.getAttribute('lang'),
        message: shadow.querySelector('[part~="message"]')?.textContent,
        trackingId: shadow.querySelector('[part~="tracking-id"]')?.textContent,
      };
    });
    expect(result).toEqual({ empty: 0, lang: 'da-DK', message: resources['da-DK'].errors['DisabledFeature.message'], trackingId: 'T-1' });
    await expectClean(open);
  });

  it('loads its language on demand and re-renders when it arrives', async () => {
    const open = await openPage();
    const danishChunk = [...server.scripts].find(([, text]) => text.includes(DANISH_ONLY))?.[0];
    await open.page.evaluate(() => {
      const { browser, translator } = window.harness;
      browser.defineErrorElement('defender-error', { translator });
      const element = document.createElement('defender-error');
      element.setAttribute('code', 'NotFound');
      element.setAttribute('lang', 'da-DK');
      document.getElementById('app')?.append(element);
    });
    await open.page.waitForFunction(() => document.querySelector('defender-error')?.shadowRoot?.querySelector('[part~="root"]')?.getAttribute('lang') === 'da-DK');
    const message = await open.page.evaluate(() => document.querySelector('defender-error')?.shadowRoot?.querySelector('[part~="message"]')?.textContent);
    expect(message).toBe(DANISH_ONLY);
    expect(open.scripts).toContain(danishChunk);
    await expectClean(open);
  });

  it('can be styled through ::part() and upgrades from plain HTML markup', async () => {
    const open = await openPage({ path: '/no-csp' });
    const result = await open.page.evaluate(() => {
      const { browser, translator } = window.harness;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('x-error::part(message) { color: rgb(1, 2, 3); }');
      document.adoptedStyleSheets = [sheet];
      document.body.insertAdjacentHTML('beforeend', '<x-error code="InvalidDomainName" lang="en-US" params=\'{"domain":"exa mple.test"}\'></x-error>');
      browser.defineErrorElement('x-error', { translator });
      const message = document.querySelector('x-error')?.shadowRoot?.querySelector('[part~="message"]') as Element;
      return { text: message.textContent, color: getComputedStyle(message).color };
    });
    expect(result).toEqual({ text: reference.format('InvalidDomainName', { domain: 'exa mple.test' }, { lng: 'en-US' }), color: 'rgb(1, 2, 3)' });
    await expectClean(open);
  });

  it('rejects a translator that is not one clearly', async () => {
    const open = await openPage();
    const message = await open.page.evaluate(() => {
      try {
        window.harness.browser.defineErrorElement('y-error', { translator: {} as never });
        return 'defined';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toBe('defineErrorElement: `translator` must come from createErrorTranslator() of @defender-errors/i18n.');
    await expectClean(open);
  });

  it('works with no arguments: follows <html lang>, loads Danish on demand, re-renders on a change, and stops watching once removed', async () => {
    const open = await openPage();
    const danishChunk = [...server.scripts].find(([, text]) => text.includes(DANISH_ONLY))?.[0];
    await open.page.evaluate(() => {
      window.harness.browser.defineErrorElement();
      const element = document.createElement('defender-error');
      element.setAttribute('code', 'NotFound');
      element.setAttribute('target', 'T-7');
      document.getElementById('app')?.append(element);
    });
    const shown = () =>
      open.page.evaluate(() => {
        const shadow = document.querySelector('defender-error')?.shadowRoot;
        return { lang: shadow?.querySelector('[part~="root"]')?.getAttribute('lang'), message: shadow?.querySelector('[part~="message"]')?.textContent };
      });
    expect(await shown()).toEqual({ lang: 'en-US', message: reference.describe(new DefenderApiError('NotFound'), { lng: 'en-US' }).message });
    expect(open.scripts).not.toContain(danishChunk);

    await open.page.evaluate(() => document.documentElement.setAttribute('lang', 'da'));
    await expect.poll(shown).toEqual({ lang: 'da-DK', message: DANISH_ONLY });
    expect(open.scripts).toContain(danishChunk);

    await open.page.evaluate(() => document.documentElement.setAttribute('lang', 'en-GB'));
    await expect.poll(async () => (await shown()).lang).toBe('en-US');

    const afterRemoval = await open.page.evaluate(async () => {
      const element = document.querySelector('defender-error') as HTMLElement;
      const root = element.shadowRoot?.firstElementChild;
      element.remove();
      document.documentElement.setAttribute('lang', 'da-DK');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { sameRoot: element.shadowRoot?.firstElementChild === root, lang: root?.getAttribute('lang') };
    });
    expect(afterRemoval).toEqual({ sameRoot: true, lang: 'en-US' });
    await expectClean(open);
  });

  it('takes params as an object property (as React 19 sets it) and ignores one JSON cannot write', async () => {
    const open = await openPage();
    const result = await open.page.evaluate(() => {
      window.harness.browser.defineErrorElement();
      const element = document.createElement('defender-error') as HTMLElement & { params: unknown };
      element.setAttribute('code', 'InvalidUrl');
      element.setAttribute('lang', 'en-US');
      document.getElementById('app')?.append(element);
      element.params = { url: 'http://example.test/x' };
      const message = () => element.shadowRoot?.querySelector('[part~="message"]')?.textContent;
      const withObject = { attribute: element.getAttribute('params'), message: message() };
      const cyclic: Record<string, unknown> = {};
      cyclic['self'] = cyclic;
      element.params = cyclic;
      return { withObject, afterCycle: { attribute: element.getAttribute('params'), message: message() } };
    });
    expect(result.withObject).toEqual({ attribute: '{"url":"http://example.test/x"}', message: reference.format('InvalidUrl', { url: 'http://example.test/x' }, { lng: 'en-US' }) });
    expect(result.afterCycle.attribute).toBeNull();
    await expectClean(open);
  });
});
