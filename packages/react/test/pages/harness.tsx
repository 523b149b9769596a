// The page script of the Chromium tests: React 19, react-i18next and i18next as an app has them,
// the built package (dist), and detectors for anything that escapes text-only rendering.
import * as browser from '@defender-errors/browser';
import { DefenderApiError, createErrorBody, parseErrorBody, readErrorResponse } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { DefenderError, useErrorDescription, type DefenderErrorProps } from '@defender-errors/react';
import i18next, { type i18n as I18n } from 'i18next';
import { Component, StrictMode, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { recordScriptCreatedElements } from '../../../browser/test/support/created-elements';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.sample}`));

/** Elements created by script (createElement), as opposed to parsed from markup or cloned. */
const scriptCreated = recordScriptCreatedElements();
const LIBRARY_TAGS = new Set(['DIV', 'P', 'DL', 'DT', 'DD', 'CODE', 'BUTTON']);
const LIBRARY_ATTRIBUTES = new Set(['class', 'role', 'lang', 'data-code', 'data-status', 'data-known', 'data-state', 'dir', 'type']);
const foreign: string[] = [];
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of Array.from(record.addedNodes)) {
      if (!(node instanceof Element)) continue;
      for (const element of [node, ...Array.from(node.querySelectorAll('*'))]) {
        if (!scriptCreated.has(element)) foreign.push(`not created by script: <${element.tagName.toLowerCase()}>`);
        if (!LIBRARY_TAGS.has(element.tagName)) foreign.push(`unexpected tag <${element.tagName.toLowerCase()}>`);
        for (const attribute of Array.from(element.attributes)) if (!LIBRARY_ATTRIBUTES.has(attribute.name)) foreign.push(`unexpected attribute ${attribute.name}`);
      }
    }
  }
}).observe(document.getElementById('app') as HTMLElement, { subtree: true, childList: true });

const i18n: I18n = i18next.createInstance();
await i18n.use(initReactI18next).init({
  lng: 'da-DK',
  fallbackLng: 'en-US',
  ns: ['app'],
  defaultNS: 'app',
  resources: { 'en-US': { app: { title: 'Incidents' } }, 'da-DK': { app: { title: 'Hændelser' } } },
  interpolation: { escapeValue: false },
});
let bundlesAdded = 0;
const addResourceBundle = i18n.addResourceBundle.bind(i18n);
i18n.addResourceBundle = ((...args: Parameters<typeof addResourceBundle>) => {
  bundlesAdded += 1;
  return addResourceBundle(...args);
}) as typeof i18n.addResourceBundle;

/** Records what an error boundary would have caught (nothing, if the component never throws). */
const caught: string[] = [];
class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    caught.push(String(error));
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const root = createRoot(document.getElementById('app') as HTMLElement);

/** Renders `<DefenderError>` (several, with `copies`) in StrictMode and returns the markup of the first. */
function show(error: unknown, props: Partial<DefenderErrorProps> = {}, copies = 1): string {
  flushSync(() =>
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <Boundary>
            {Array.from({ length: copies }, (_, index) => (
              <DefenderError key={index} {...props} error={error} />
            ))}
          </Boundary>
        </I18nextProvider>
      </StrictMode>,
    ),
  );
  return document.getElementById('app')?.innerHTML ?? '';
}

function HookProbe({ error }: { error: unknown }) {
  const description = useErrorDescription(error);
  return <p className="probe">{description ? `${description.lng}|${description.code}|${description.message}|${description.target ?? ''}` : 'none'}</p>;
}

/** Renders a component that uses the hook and returns what it printed. */
function showHook(error: unknown): string {
  flushSync(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <HookProbe error={error} />
      </I18nextProvider>,
    ),
  );
  return document.querySelector('.probe')?.textContent ?? '';
}

/** Renders one `<DefenderError>` per item and returns their roots, in order (an item that renders nothing gives null). */
function showMany(items: readonly Partial<DefenderErrorProps>[]): (HTMLElement | null)[] {
  flushSync(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <Boundary>
          {items.map((props, index) => (
            <div key={index} className="slot">
              <DefenderError error={props.error} {...props} />
            </div>
          ))}
        </Boundary>
      </I18nextProvider>,
    ),
  );
  return Array.from(document.querySelectorAll('#app .slot'), (slot) => slot.firstElementChild as HTMLElement | null);
}

const SAFE_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';

/** What {@link checkPayloads} found. */
export interface PayloadReport {
  readonly payloads: number;
  readonly checks: number;
  readonly failures: string[];
}

/**
 * Renders payloads `from`..`to` of /payloads.json through `<DefenderError>` props as a parameter
 * value, a server message, a tracking ID, an error code and a language, and checks that each is
 * shown verbatim as text.
 */
async function checkPayloads(from: number, to: number): Promise<PayloadReport> {
  const list = ((await (await fetch('/payloads.json')).json()) as string[]).slice(from, to);
  const failures: string[] = [];
  let checks = 0;
  const expect = (index: number, ok: boolean, what: string) => {
    checks += 1;
    if (!ok && failures.length < 50) failures.push(`payload #${from + index} ${JSON.stringify(list[index]).slice(0, 80)}: ${what}`);
  };
  const text = (node: HTMLElement | null | undefined, piece: string) => node?.querySelector(`.defender-error__${piece}`)?.textContent;
  list.forEach((payload, index) => {
    const lng = index % 2 === 0 ? 'en-US' : 'da-DK';
    const wire = JSON.stringify(createErrorBody('ResourceNotFound', { message: payload, target: SAFE_ID }));
    const [param, server, tracking, code, language] = showMany([
      { error: new DefenderApiError('InvalidHashValue', { params: { hash: payload }, target: SAFE_ID }), lng },
      { error: wire, lng },
      { error: { error: { code: 'InvalidInput', message: 'Invalid input x.', target: payload } }, lng },
      { error: parseErrorBody({ error: { code: payload, message: payload, target: payload } }), lng },
      { error: new DefenderApiError('BadRequest', { target: SAFE_ID }), lng: payload },
    ]);
    expect(index, text(param, 'message')?.includes(payload) === true, 'parameter value not verbatim in the message');
    expect(index, param?.getAttribute('lang') === lng, 'lang attribute');
    const description = referenceTranslator.describe(wire, { lng });
    if (!description.serverMessageMatched && payload.length > 0) expect(index, text(server, 'server-message') === payload, 'server message not verbatim');
    expect(index, text(tracking, 'tracking-id') === (payload.length === 0 ? referenceTranslator.labels(lng).noTrackingId : payload), 'tracking ID not verbatim');
    if (payload.length > 0) expect(index, code?.getAttribute('data-code') === payload && text(code, 'code') === payload, 'code not verbatim');
    expect(index, ['en-US', 'da-DK'].includes(language?.getAttribute('lang') ?? ''), 'lng payload did not resolve to a supported locale');
  });
  return { payloads: list.length, checks, failures };
}

const referenceTranslator = createErrorTranslator();
/** What renderError of @defender-errors/browser renders for the same error, as markup. */
function reference(error: unknown, lng: string): string {
  const holder = document.getElementById('reference') as HTMLElement;
  return browser.renderError(holder, error, { lng, translator: referenceTranslator }).outerHTML;
}

/** The page API the tests drive through `page.evaluate`. */
export interface Harness {
  readonly i18n: typeof i18n;
  readonly core: { DefenderApiError: typeof DefenderApiError; createErrorBody: typeof createErrorBody; parseErrorBody: typeof parseErrorBody; readErrorResponse: typeof readErrorResponse };
  readonly browser: typeof browser;
  readonly violations: string[];
  readonly foreign: string[];
  readonly caught: string[];
  bundlesAdded(): number;
  show: typeof show;
  checkPayloads: typeof checkPayloads;
  showHook: typeof showHook;
  reference: typeof reference;
}

declare global {
  interface Window {
    harness: Harness;
  }
}

window.harness = {
  i18n,
  core: { DefenderApiError, createErrorBody, parseErrorBody, readErrorResponse },
  browser,
  violations,
  foreign,
  caught,
  bundlesAdded: () => bundlesAdded,
  show,
  checkPayloads,
  showHook,
  reference,
};
document.documentElement.dataset['ready'] = 'true';
