import { DefenderApiError } from '@defender-errors/core';
import { createOnDemandTranslator } from '@defender-errors/i18n/lite';
import { loadLocale, onLocaleLoaded, resolveLoadableLocale } from './load';
import { ERROR_STYLE_RULES } from './generated/styles';
import { buildErrorView } from './render';
import { requireTranslator, type BrowserErrorTranslator } from './translator';

/** The attributes `<defender-error>` reads; changing any of them re-renders the element. */
export const ERROR_ELEMENT_ATTRIBUTES = ['code', 'lang', 'params', 'target', 'message', 'status'] as const;

/**
 * The element's default look, applied inside its shadow root as a constructable stylesheet (so a
 * strict `style-src` CSP allows it): the rules of `@defender-errors/browser/styles.css`, light and
 * dark. Override it with `::part(...)` and these custom properties: `--defender-error-color`,
 * `--defender-error-background`, `--defender-error-accent`, `--defender-error-muted`.
 */
export const ERROR_ELEMENT_CSS = ':host{display:block}:host([hidden]){display:none}' + ERROR_STYLE_RULES;

/** Options of {@link defineErrorElement}. */
export interface DefineErrorElementOptions {
  /**
   * The translator from `createErrorTranslator()` or `createOnDemandTranslator()` (`/lite`).
   * Default: a `createOnDemandTranslator()` of the element's own (en-US bundled, other locales and
   * the catalog check downloaded with `loadLocale` when an element first needs them).
   */
  readonly translator?: BrowserErrorTranslator | undefined;
}

/** The instance interface of the element that {@link defineErrorElement} registers. */
export interface DefenderErrorElement extends HTMLElement {
  /**
   * An error object to render instead of the attributes: a `DefenderApiError`, the result of
   * `readErrorResponse`, a raw body, or anything thrown. `undefined` goes back to the attributes.
   */
  error: unknown;
  /**
   * The message parameters (the `params` attribute, parsed). Setting an object writes it to the
   * attribute as JSON (React 19 sets this property for `params={{ url }}`); a string is taken as the JSON.
   */
  params: Record<string, string | number>;
  /** The root of the rendered error inside the shadow root, or `null` when nothing is shown. */
  readonly errorRoot: HTMLElement | null;
  /** Renders again (the attributes and `error` do this by themselves). */
  render(): void;
}

let defaultTranslator: BrowserErrorTranslator | undefined;

const stylesheets = new WeakMap<Document, CSSStyleSheet | null>();

function sharedStylesheet(document: Document): CSSStyleSheet | null {
  if (stylesheets.has(document)) return stylesheets.get(document) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const view = document.defaultView;
    if (view && 'replaceSync' in view.CSSStyleSheet.prototype) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(ERROR_ELEMENT_CSS);
    }
  } catch {
    sheet = null; // no constructable stylesheets: the element still works, unstyled
  }
  stylesheets.set(document, sheet);
  return sheet;
}

/** The `params` attribute: a JSON object of string and number values; anything else is ignored. */
function parseParams(json: string | null): Record<string, string | number> {
  try {
    const parsed: unknown = JSON.parse(json ?? '');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      // fromEntries defines own properties, so a "__proto__" key stays a plain parameter
      return Object.fromEntries(
        Object.entries(parsed).filter(([, value]) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))),
      ) as Record<string, string | number>;
    }
  } catch {
    // invalid JSON is ignored
  }
  return {};
}

function parseStatus(value: string | null): number | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || !/^\d{3}$/.test(trimmed)) return undefined;
  const status = Number(trimmed);
  return status >= 100 && status <= 599 ? status : undefined;
}

/**
 * Registers `<defender-error>` (or `tagName`): a custom element that renders a localized error in
 * its shadow root, from the attributes `code`, `lang`, `params` (JSON; invalid JSON is ignored),
 * `target` (tracking ID), `message` (the server's message) and `status`, or from its `error`
 * property. It re-renders when they change, loads its language on demand, builds its DOM from text
 * nodes only, and exposes shadow `part`s (`root`, `title`, `message`, `hint`, `server-message`,
 * `tracking-id`, `copy`, …) for styling. Works from plain HTML, React, Vue or any framework.
 *
 * With no translator it uses one of its own (en-US bundled, other locales loaded on demand). An
 * element without `lang` follows the nearest ancestor's (usually `<html lang>`) and re-renders when
 * it changes. Calling it again with a name that is already defined returns the existing element class.
 *
 * @example
 * defineErrorElement(); // <defender-error code="InvalidUrl" params='{"url":"x"}'></defender-error>
 * defineErrorElement('defender-error', { translator });
 * // <defender-error code="InvalidHashValue" lang="da-DK" params='{"hash":"abc"}' target="43f4…"></defender-error>
 */
export function defineErrorElement(tagName = 'defender-error', options?: DefineErrorElementOptions): CustomElementConstructor {
  const registry = globalThis.customElements;
  if (registry === undefined) throw new TypeError('defineErrorElement: custom elements are not available here (no `customElements`).');
  const existing = registry.get(tagName);
  if (existing) return existing;
  const given = options?.translator;
  const translator = given === undefined ? (defaultTranslator ??= createOnDemandTranslator()) : requireTranslator(given, 'defineErrorElement', ['describe', 'labels', 'locales']);

  class DefenderErrorElementImpl extends HTMLElement implements DefenderErrorElement {
    static readonly observedAttributes: readonly string[] = ERROR_ELEMENT_ATTRIBUTES;
    readonly #shadow: ShadowRoot;
    #error: unknown = undefined;
    #stopListening: (() => void) | undefined;
    #ancestorLang: MutationObserver | undefined;

    constructor() {
      super();
      this.#shadow = this.attachShadow({ mode: 'open' });
      const sheet = sharedStylesheet(this.ownerDocument);
      if (sheet) this.#shadow.adoptedStyleSheets = [sheet];
    }

    get error(): unknown {
      return this.#error;
    }

    set error(value: unknown) {
      this.#error = value;
      this.render();
    }

    get params(): Record<string, string | number> {
      return parseParams(this.getAttribute('params'));
    }

    set params(value: unknown) {
      let json: string | undefined;
      try {
        json = typeof value === 'string' ? value : JSON.stringify(value);
      } catch {
        json = undefined; // a value JSON cannot write (a cycle, a BigInt, a throwing getter) is no parameters
      }
      if (json === undefined) this.removeAttribute('params');
      else this.setAttribute('params', json);
    }

    get errorRoot(): HTMLElement | null {
      const first = this.#shadow.firstElementChild;
      return first instanceof HTMLElement ? first : null;
    }

    connectedCallback(): void {
      this.#stopListening ??= onLocaleLoaded(translator, () => this.render());
      this.#watchAncestorLanguage();
      this.render();
    }

    disconnectedCallback(): void {
      this.#stopListening?.();
      this.#stopListening = undefined;
      this.#ancestorLang?.disconnect();
      this.#ancestorLang = undefined;
    }

    /** Re-renders when the `lang` of an ancestor changes (`<html lang>` after a language switch), unless the element has its own. */
    #watchAncestorLanguage(): void {
      this.#ancestorLang?.disconnect();
      const View = this.ownerDocument.defaultView;
      if (!View?.MutationObserver) return;
      const observer = new View.MutationObserver(() => {
        if (!this.getAttribute('lang')) this.render();
      });
      for (let ancestor = this.parentElement; ancestor; ancestor = ancestor.parentElement) {
        observer.observe(ancestor, { attributes: true, attributeFilter: ['lang'] });
      }
      this.#ancestorLang = observer;
    }

    attributeChangedCallback(): void {
      if (this.isConnected) this.render();
    }

    /** The language asked for: the own `lang` attribute, else the nearest ancestor's. */
    #requestedLanguage(): string | undefined {
      return this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || undefined;
    }

    #currentError(): unknown {
      if (this.#error !== undefined) return this.#error;
      const code = this.getAttribute('code');
      const message = this.getAttribute('message');
      if (!code && message === null) return undefined;
      return new DefenderApiError<string>(code || 'InternalServerError', {
        params: parseParams(this.getAttribute('params')),
        target: this.getAttribute('target') ?? undefined,
        serverMessage: message ?? undefined,
        status: parseStatus(this.getAttribute('status')),
      });
    }

    render(): void {
      const error = this.#currentError();
      if (error === undefined) {
        this.#shadow.replaceChildren();
        return;
      }
      const lng = this.#requestedLanguage();
      const description = translator.describe(error, { lng });
      const labels = translator.labels(description.lng);
      this.#shadow.replaceChildren(buildErrorView(description, labels, { document: this.ownerDocument, parts: true }));
      if (lng !== undefined) this.#loadLanguage(lng, description.lng);
    }

    /** Fetches the asked-for language when it is loadable but not loaded; the listener re-renders. */
    #loadLanguage(lng: string, rendered: string): void {
      const wanted = resolveLoadableLocale(lng);
      if (wanted === rendered || translator.locales().includes(wanted)) return;
      loadLocale(translator, wanted).catch(() => undefined);
    }
  }

  registry.define(tagName, DefenderErrorElementImpl);
  return DefenderErrorElementImpl;
}
