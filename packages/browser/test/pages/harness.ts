// The page script of the Chromium tests: the built package (dist), the /lite translator, and
// detectors for anything that escapes text-only rendering. Runs under a strict CSP with Trusted Types.
import * as browser from '@defender-errors/browser';
import { DefenderApiError, createErrorBody, parseErrorBody, readErrorResponse } from '@defender-errors/core';
import { CatalogValidationError, createErrorTranslator, createOnDemandTranslator } from '@defender-errors/i18n/lite';
import { recordScriptCreatedElements } from '../support/created-elements';

/** Elements created by script (createElement), as opposed to parsed from markup or cloned. */
const scriptCreated = recordScriptCreatedElements();
const staticElements = new Set(Array.from(document.querySelectorAll('*')));

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});

/** Tags and attributes the library may produce; anything else is a finding. */
const LIBRARY_TAGS = new Set(['DIV', 'P', 'DL', 'DT', 'DD', 'CODE', 'BUTTON']);
const LIBRARY_ATTRIBUTES = new Set(['class', 'part', 'role', 'lang', 'data-code', 'data-status', 'data-known', 'data-state', 'dir', 'type']);
const HARNESS_TAGS = new Set(['DEFENDER-ERROR', 'X-ERROR', 'DIV']);

function* allElements(root: Node): Generator<Element> {
  if (root instanceof Element && root.shadowRoot) yield* allElements(root.shadowRoot);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
}

/** Every element under `root` (shadow roots included) that neither the page nor a script created, or that has unexpected tags or attributes. */
function findForeign(root: Node = document): string[] {
  const found: string[] = [];
  for (const element of allElements(root)) {
    if (staticElements.has(element)) continue;
    if (!scriptCreated.has(element)) {
      found.push(`not created by script: <${element.tagName.toLowerCase()}>`);
      continue;
    }
    const inLibraryView = element.closest('.defender-error') !== null || element.getRootNode() instanceof ShadowRoot;
    if (inLibraryView && !LIBRARY_TAGS.has(element.tagName)) found.push(`unexpected tag <${element.tagName.toLowerCase()}>`);
    if (!inLibraryView && !HARNESS_TAGS.has(element.tagName)) found.push(`unexpected tag <${element.tagName.toLowerCase()}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (inLibraryView && !LIBRARY_ATTRIBUTES.has(attribute.name)) found.push(`unexpected attribute ${attribute.name} on <${element.tagName.toLowerCase()}>`);
      if (attribute.name.startsWith('on')) found.push(`event handler attribute ${attribute.name}`);
    }
  }
  return found;
}

/** Records every element node added anywhere under the observed roots that no script created. */
const addedForeign: string[] = [];
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of Array.from(record.addedNodes)) {
      if (!(node instanceof Element)) continue;
      for (const element of [node, ...allElements(node)]) {
        if (!scriptCreated.has(element) && !staticElements.has(element)) addedForeign.push(`added <${element.tagName.toLowerCase()}>`);
      }
    }
  }
});
observer.observe(document, { subtree: true, childList: true, attributes: false });

function createTranslator() {
  return createErrorTranslator();
}

const translator = createTranslator();
const SAFE_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';

/** What {@link checkPayloads} found. */
export interface PayloadReport {
  readonly payloads: number;
  readonly checks: number;
  readonly failures: string[];
  readonly foreign: string[];
  readonly matchedServerMessages: number;
}

let payloadList: Promise<string[]> | undefined;
function payloads(): Promise<string[]> {
  payloadList ??= fetch('/payloads.json').then((response) => response.json() as Promise<string[]>);
  return payloadList;
}

function piece(root: ParentNode, part: string): Element | null {
  return root.querySelector(`.defender-error__${part}`);
}

/**
 * Renders payloads `from`..`to` of /payloads.json as a parameter value, a server message, a
 * tracking ID, an error code and a language, through renderError and through the custom element,
 * and checks that each is shown verbatim as text and that nothing else appeared.
 */
async function checkPayloads(from: number, to: number): Promise<PayloadReport> {
  const list = (await payloads()).slice(from, to);
  await browser.loadLocale(translator, 'da-DK');
  browser.defineErrorElement('defender-error', { translator });
  const container = document.getElementById('errors') as HTMLElement;
  const element = document.createElement('defender-error') as browser.DefenderErrorElement;
  document.getElementById('app')?.append(element);
  observer.observe(element.shadowRoot as ShadowRoot, { subtree: true, childList: true });

  const failures: string[] = [];
  const foreign: string[] = [];
  let checks = 0;
  let matchedServerMessages = 0;
  const expect = (index: number, ok: boolean, what: string) => {
    checks += 1;
    if (!ok && failures.length < 50) failures.push(`payload #${from + index} ${JSON.stringify(list[index]).slice(0, 80)}: ${what}`);
  };
  const inspect = (index: number, root: Node) => {
    for (const finding of findForeign(root)) if (foreign.length < 50) foreign.push(`payload #${from + index}: ${finding}`);
  };

  list.forEach((payload, index) => {
    const lng = index % 2 === 0 ? 'en-US' : 'da-DK';
    const options = { lng, translator };

    let root = browser.renderError(container, new DefenderApiError('InvalidHashValue', { params: { hash: payload }, target: SAFE_ID }), options);
    expect(index, piece(root, 'message')?.textContent?.includes(payload) === true, 'parameter value not verbatim in the message');
    expect(index, root.lang === lng, 'lang attribute');
    inspect(index, container);

    const wire = JSON.stringify(createErrorBody('ResourceNotFound', { message: payload, target: SAFE_ID }));
    const description = translator.describe(wire, { lng });
    root = browser.renderError(container, wire, options);
    if (description.serverMessageMatched) matchedServerMessages += 1;
    else if (payload.length > 0) expect(index, piece(root, 'server-message')?.textContent === payload, 'server message not shown verbatim');
    inspect(index, container);

    root = browser.renderError(container, { error: { code: 'InvalidInput', message: 'Invalid input x.', target: payload } }, options);
    const shownId = piece(root, 'tracking-id')?.textContent;
    expect(index, payload.length === 0 ? shownId === translator.labels(lng).noTrackingId : shownId === payload, 'tracking ID not verbatim');
    inspect(index, container);

    if (payload.length > 0) {
      root = browser.renderError(container, parseErrorBody({ error: { code: payload, message: payload, target: payload } }), options);
      expect(index, root.getAttribute('data-code') === payload && piece(root, 'code')?.textContent === payload, 'code not verbatim');
      inspect(index, container);
    }

    root = browser.renderError(container, new DefenderApiError('BadRequest', { target: SAFE_ID }), { lng: payload, translator });
    expect(index, root.lang === 'en-US' || root.lang === 'da-DK', 'lng payload did not resolve to a supported locale');
    inspect(index, container);

    element.error = undefined;
    element.removeAttribute('message');
    element.setAttribute('lang', lng);
    element.setAttribute('code', 'InvalidHashValue');
    element.setAttribute('params', JSON.stringify({ hash: payload }));
    element.setAttribute('target', payload);
    const shadow = element.shadowRoot as ShadowRoot;
    expect(index, piece(shadow, 'message')?.textContent?.includes(payload) === true, 'element: parameter value not verbatim');
    const elementId = piece(shadow, 'tracking-id')?.textContent;
    expect(index, payload.length === 0 ? elementId === translator.labels(lng).noTrackingId : elementId === payload, 'element: tracking ID not verbatim');
    inspect(index, element);

    element.setAttribute('code', 'ResourceNotFound');
    element.setAttribute('params', payload);
    element.setAttribute('message', payload);
    const elementDescription = translator.describe(new DefenderApiError('ResourceNotFound', { serverMessage: payload }), { lng });
    if (!elementDescription.serverMessageMatched && payload.length > 0) {
      expect(index, piece(shadow, 'server-message')?.textContent === payload, 'element: server message not verbatim');
    }
    inspect(index, element);
  });
  element.remove();
  return { payloads: list.length, checks, failures, foreign: [...foreign, ...addedForeign.splice(0)], matchedServerMessages };
}

/** The page API the tests drive through `page.evaluate`. */
export interface Harness {
  readonly browser: typeof browser;
  readonly core: { DefenderApiError: typeof DefenderApiError; createErrorBody: typeof createErrorBody; readErrorResponse: typeof readErrorResponse };
  readonly translator: ReturnType<typeof createTranslator>;
  createTranslator: typeof createTranslator;
  /** lite's translator whose catalog check is downloaded on demand. */
  createOnDemandTranslator: typeof createOnDemandTranslator;
  /** The class the page imported, to test what a rejection's cause is. */
  CatalogValidationError: typeof CatalogValidationError;
  readonly violations: string[];
  readonly addedForeign: string[];
  findForeign: typeof findForeign;
  checkPayloads: typeof checkPayloads;
}

declare global {
  interface Window {
    harness: Harness;
  }
}

window.harness = {
  browser,
  core: { DefenderApiError, createErrorBody, readErrorResponse },
  translator,
  createTranslator,
  createOnDemandTranslator,
  CatalogValidationError,
  violations,
  addedForeign,
  findForeign,
  checkPayloads,
};
document.documentElement.dataset['ready'] = 'true';
