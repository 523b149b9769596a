import type { ErrorDescription, ErrorLabels } from '@defender-errors/i18n/lite';
import { requireTranslator, type BrowserErrorTranslator } from './translator';

/**
 * The class names of a rendered error, for styling. `renderError` puts them on the light-DOM
 * elements; the custom element exposes the same pieces as shadow parts (`ERROR_PARTS`).
 */
export const ERROR_CLASS_NAMES = {
  /** The root element (`role="alert"`, `lang`, `data-code`, `data-status`). */
  root: 'defender-error',
  /** The localized HTTP status title ("Not Found"). */
  title: 'defender-error__title',
  /** The localized message with its parameters filled in. */
  message: 'defender-error__message',
  /** The localized note for this code, when there is one. */
  hint: 'defender-error__hint',
  /** "Retry after N seconds.", when the server sent `Retry-After`. */
  retry: 'defender-error__retry',
  /** The list of facts (server message, code, status, tracking ID): a `<dl>`. */
  meta: 'defender-error__meta',
  /** One `<dt>`/`<dd>` pair of the list; also `defender-error__field--<kind>` (see {@link FieldKind}). */
  field: 'defender-error__field',
  /** A `<dt>` of the list. */
  label: 'defender-error__label',
  /** The server's own message, verbatim, when it could not be re-localized. */
  serverMessage: 'defender-error__server-message',
  /** The error code as received. */
  code: 'defender-error__code',
  /** The HTTP status number. */
  status: 'defender-error__status',
  /** The `<dd>` holding the tracking ID and its copy button. */
  tracking: 'defender-error__tracking',
  /** The tracking ID itself (or the "none" label when there is none). */
  trackingId: 'defender-error__tracking-id',
  /** The copy button. */
  copy: 'defender-error__copy',
  /** Added to the copy button while it shows the "copied" state. */
  copied: 'defender-error__copy--copied',
} as const;

/**
 * The kinds of field in the list; each field also has the modifier class
 * `defender-error__field--<kind>` (`defender-error__field--tracking`).
 */
export type FieldKind = 'server-message' | 'code' | 'status' | 'tracking';

/** A piece of a rendered error: a key of {@link ERROR_CLASS_NAMES}. */
export type ErrorPiece = keyof typeof ERROR_CLASS_NAMES;

/** The shadow `part` names of `<defender-error>`: `defender-error::part(message) { … }`. */
export const ERROR_PARTS: Readonly<Record<ErrorPiece, string>> = {
  root: 'root',
  title: 'title',
  message: 'message',
  hint: 'hint',
  retry: 'retry',
  meta: 'meta',
  field: 'field',
  label: 'label',
  serverMessage: 'server-message',
  code: 'code',
  status: 'status',
  tracking: 'tracking',
  trackingId: 'tracking-id',
  copy: 'copy',
  copied: 'copied',
};

/** How long the copy button shows its "copied" state, in milliseconds. */
export const COPIED_STATE_MS = 2000;

/** Options of {@link renderError}. */
export interface RenderErrorOptions {
  /** Any BCP 47 tag; the translator resolves it to a supported locale (`da` -> `da-DK`). */
  readonly lng?: string | undefined;
  /** The translator from `createErrorTranslator()` of `@defender-errors/i18n`. */
  readonly translator: BrowserErrorTranslator;
}

/** Options of {@link buildErrorView}. */
export interface BuildErrorViewOptions {
  /** The document that creates the elements. */
  readonly document: Document;
  /** Also set shadow `part` names (for the custom element). */
  readonly parts?: boolean;
}

/** Creates the element of one piece: its class name, its part name (for the custom element) and its text, as a text node. */
type PieceElement = <K extends keyof HTMLElementTagNameMap>(tag: K, piece: ErrorPiece, text?: string) => HTMLElementTagNameMap[K];

function setCopiedState(button: HTMLButtonElement, copied: boolean, labels: ErrorLabels, parts: boolean): void {
  button.replaceChildren(button.ownerDocument.createTextNode(copied ? labels.copied : labels.copy));
  button.classList.toggle(ERROR_CLASS_NAMES.copied, copied);
  if (copied) button.dataset['state'] = 'copied';
  else delete button.dataset['state'];
  if (parts) button.setAttribute('part', copied ? `${ERROR_PARTS.copy} ${ERROR_PARTS.copied}` : ERROR_PARTS.copy);
}

async function writeClipboard(window: Window | null, text: string): Promise<boolean> {
  try {
    const clipboard = window?.navigator.clipboard;
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function selectText(element: HTMLElement): void {
  try {
    element.ownerDocument.defaultView?.getSelection()?.selectAllChildren(element);
  } catch {
    // selecting is only a courtesy when the clipboard is unavailable
  }
}

function buildTracking(element: PieceElement, target: string | undefined, labels: ErrorLabels, parts: boolean): HTMLElement {
  const holder = element('dd', 'tracking');
  const hasTarget = target !== undefined && target.length > 0;
  const id = element('code', 'trackingId', hasTarget ? target : labels.noTrackingId);
  holder.append(id);
  if (!hasTarget) return holder;

  id.dir = 'auto';
  const button = element('button', 'copy', labels.copy);
  button.type = 'button';
  let resetTimer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    void writeClipboard(button.ownerDocument.defaultView, target).then((copied) => {
      if (!copied) {
        selectText(id);
        return;
      }
      setCopiedState(button, true, labels, parts);
      clearTimeout(resetTimer);
      resetTimer = setTimeout(() => setCopiedState(button, false, labels, parts), COPIED_STATE_MS);
    });
  });
  holder.append(button);
  return holder;
}

/**
 * Builds the element tree of a described error without attaching it anywhere. Text nodes only:
 * every string (including the server's message and tracking ID) is shown as text, never parsed.
 */
export function buildErrorView(description: ErrorDescription, labels: ErrorLabels, options: BuildErrorViewOptions): HTMLElement {
  const parts = options.parts === true;
  const document = options.document;
  const element: PieceElement = (tag, piece, text) => {
    const created = document.createElement(tag);
    created.className = ERROR_CLASS_NAMES[piece];
    if (parts) created.setAttribute('part', ERROR_PARTS[piece]);
    if (text !== undefined) created.append(document.createTextNode(text));
    return created;
  };
  const appendField = (label: string, value: HTMLElement, kind: FieldKind): void => {
    const field = element('div', 'field');
    field.classList.add(`${ERROR_CLASS_NAMES.field}--${kind}`);
    field.append(element('dt', 'label', label), value);
    meta.append(field);
  };

  const root = element('div', 'root');
  root.setAttribute('role', 'alert');
  root.setAttribute('lang', description.lng);
  root.setAttribute('data-code', description.code);
  root.setAttribute('data-status', String(description.status));
  if (!description.known) root.setAttribute('data-known', 'false');

  root.append(element('p', 'title', description.title), element('p', 'message', description.message));
  if (description.hint !== undefined && description.hint.length > 0) root.append(element('p', 'hint', description.hint));
  if (description.retryAfter !== undefined) root.append(element('p', 'retry', labels.retryAfter(description.retryAfter)));

  const meta = element('dl', 'meta');
  const serverMessage = description.serverMessage;
  if (!description.serverMessageMatched && serverMessage !== undefined && serverMessage.length > 0) {
    const verbatim = element('dd', 'serverMessage', serverMessage);
    verbatim.dir = 'auto';
    appendField(labels.serverMessage, verbatim, 'server-message');
  }
  const code = element('dd', 'code', description.code);
  code.dir = 'auto';
  appendField(labels.code, code, 'code');
  appendField(labels.status, element('dd', 'status', String(description.status)), 'status');
  appendField(labels.trackingId, buildTracking(element, description.target, labels, parts), 'tracking');
  root.append(meta);
  return root;
}

function assertContainer(container: unknown): asserts container is Element {
  const isElement =
    typeof container === 'object' &&
    container !== null &&
    typeof (container as Partial<Element>).append === 'function' &&
    typeof (container as Partial<Element>).ownerDocument === 'object';
  if (!isElement) throw new TypeError('renderError: `container` must be a DOM element.');
}

/**
 * Renders any error (a `DefenderApiError`, the result of `readErrorResponse` / `parseErrorBody`, a
 * raw body, or anything thrown) into `container`, localized, and returns the root element.
 *
 * The DOM is built from elements and text nodes only. Rendering again into the same container
 * replaces the previous error. When the server's message could not be re-localized, it is shown
 * verbatim beside the localized text; the tracking ID is always shown, with a copy button.
 *
 * @example
 * const info = await readErrorResponse(response);
 * renderError(document.querySelector('#error'), info, { lng: 'da-DK', translator });
 */
export function renderError(container: Element, error: unknown, options: RenderErrorOptions): HTMLElement {
  assertContainer(container);
  const translator = requireTranslator(options?.translator, 'renderError', ['describe', 'labels']);
  const description = translator.describe(error, { lng: options.lng });
  const labels = translator.labels(description.lng);
  const document = container.ownerDocument;
  const root = buildErrorView(description, labels, { document });

  const previous = Array.from(container.children).filter((child) => child.classList.contains(ERROR_CLASS_NAMES.root));
  const [first, ...rest] = previous;
  for (const stale of rest) stale.remove();
  if (first) first.replaceWith(root);
  else container.append(root);
  return root;
}
