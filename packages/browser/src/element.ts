import { DefenderApiError } from '@defender-errors/core';
import { loadLocale, onLocaleLoaded, resolveLoadableLocale } from './load';
import { buildErrorView } from './render';
import { requireTranslator, type BrowserErrorTranslator } from './translator';

/** The attributes `<defender-error>` reads; changing any of them re-renders the element. */
export const ERROR_ELEMENT_ATTRIBUTES = ['code', 'lang', 'params', 'target', 'message', 'status'] as const;

/**
 * The element's default look, applied inside its shadow root as a constructable stylesheet (so a
 * strict `style-src` CSP allows it). Override it with `::part(...)` and these custom properties:
 * `--defender-error-color`, `--defender-error-background`, `--defender-error-accent`,
 * `--defender-error-muted`.
 */
export const ERROR_ELEMENT_CSS =
  ':host{display:block}' +
  ':host([hidden]){display:none}' +
  '.defender-error{box-sizing:border-box;border:1px solid var(--defender-error-accent, #b3261e);border-inline-start-width:4px;border-radius:6px;padding:.75em 1em;background:var(--defender-error-background, #fff8f7);color:var(--defender-error-color, #1d1b1b)}' +
  '.defender-error__title{margin:0 0 .25em;font-weight:700}' +
  '.defender-error__message,.defender-error__hint,.defender-error__retry{margin:0 0 .5em}' +
  '.defender-error__hint,.defender-error__retry{color:var(--defender-error-muted, #4a4545)}' +
  '.defender-error__meta{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.6em 1.5em;margin:.75em 0 0;font-size:.9em}' +
  '.defender-error__field{display:flex;flex-direction:column;gap:.1em;min-width:0}' +
  '.defender-error__field--server-message,.defender-error__field--tracking{grid-column:1/-1}' +
  '.defender-error__label{font-size:.85em;font-weight:600;color:var(--defender-error-muted, #4a4545)}' +
  '.defender-error__meta dd{margin:0;min-width:0;overflow-wrap:anywhere}' +
  '.defender-error__server-message{white-space:pre-wrap}' +
  '.defender-error__tracking{display:flex;flex-wrap:wrap;align-items:center;gap:.4em .75em}' +
  '.defender-error__code,.defender-error__tracking-id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}' +
  '.defender-error__copy{font:inherit;font-size:.9em;cursor:pointer}' +
  '.defender-error__copy--copied{font-weight:600}';

/** Options of {@link defineErrorElement}. */
export interface DefineErrorElementOptions {
  /** The translator from `createErrorTranslator()` (the `/lite` one loads other locales on demand). */
  readonly translator: BrowserErrorTranslator;
}

/** The instance interface of the element that {@link defineErrorElement} registers. */
export interface DefenderErrorElement extends HTMLElement {
  /**
   * An error object to render instead of the attributes: a `DefenderApiError`, the result of
   * `readErrorResponse`, a raw body, or anything thrown. `undefined` goes back to the attributes.
   */
  error: unknown;
  /** The root of the rendered error inside the shadow root, or `null` when nothing is shown. */
  readonly errorRoot: HTMLElement | null;
  /** Renders again (the attributes and `error` do this by themselves). */
  render(): void;
}

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
 * Calling it again with a name that is already defined returns the existing element class.
 *
 * @example
 * defineErrorElement('defender-error', { translator });
 * // <defender-error code="InvalidHashValue" lang="da-DK" params='{"hash":"abc"}' target="43f4…"></defender-error>
 */
export function defineErrorElement(tagName = 'defender-error', options?: DefineErrorElementOptions): CustomElementConstructor {
  const registry = globalThis.customElements;
  if (registry === undefined) throw new TypeError('defineErrorElement: custom elements are not available here (no `customElements`).');
  const existing = registry.get(tagName);
  if (existing) return existing;
  const translator = requireTranslator(options?.translator, 'defineErrorElement', ['describe', 'labels', 'locales']);

  class DefenderErrorElementImpl extends HTMLElement implements DefenderErrorElement {
    static readonly observedAttributes: readonly string[] = ERROR_ELEMENT_ATTRIBUTES;
    readonly #shadow: ShadowRoot;
    #error: unknown = undefined;
    #stopListening: (() => void) | undefined;

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

    get errorRoot(): HTMLElement | null {
      const first = this.#shadow.firstElementChild;
      return first instanceof HTMLElement ? first : null;
    }

    connectedCallback(): void {
      this.#stopListening ??= onLocaleLoaded(translator, () => this.render());
      this.render();
    }

    disconnectedCallback(): void {
      this.#stopListening?.();
      this.#stopListening = undefined;
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
