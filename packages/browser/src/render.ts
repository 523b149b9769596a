import type { ErrorDescription, ErrorLabels } from '@defender-errors/i18n/lite';
import { requireTranslator, type BrowserErrorTranslator } from './translator';
import { COPIED_STATE_MS, ERROR_CLASS_NAMES, ERROR_PARTS, buildErrorTree, copyButtonState, copyText, pieceOf, type ErrorViewFactory } from './view';

export {
  COPIED_STATE_MS,
  ERROR_CLASS_NAMES,
  ERROR_PARTS,
  buildErrorTree,
  copyButtonState,
  copyText,
  errorViewTree,
  type CopyLabels,
  type ErrorPiece,
  type ErrorViewFactory,
  type ErrorViewNode,
  type ErrorViewProps,
  type ErrorViewTag,
  type FieldKind,
} from './view';

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

function setCopiedState(button: HTMLButtonElement, copied: boolean, labels: ErrorLabels, parts: boolean): void {
  const state = copyButtonState(labels, copied);
  button.replaceChildren(button.ownerDocument.createTextNode(state.text));
  button.className = state.className;
  if (state.state === undefined) delete button.dataset['state'];
  else button.dataset['state'] = state.state;
  if (parts) button.setAttribute('part', copied ? `${ERROR_PARTS.copy} ${ERROR_PARTS.copied}` : ERROR_PARTS.copy);
}

/** The copy button's behaviour: write the tracking ID (or select it), then show "copied" for a while. */
function wireCopyButton(button: HTMLButtonElement, id: Element, target: string, labels: ErrorLabels, parts: boolean): void {
  let resetTimer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    void copyText(id, target).then((copied) => {
      if (!copied) return;
      setCopiedState(button, true, labels, parts);
      clearTimeout(resetTimer);
      resetTimer = setTimeout(() => setCopiedState(button, false, labels, parts), COPIED_STATE_MS);
    });
  });
}

function domFactory(document: Document, parts: boolean): ErrorViewFactory<HTMLElement> {
  return (tag, { className, ...attributes }, ...content) => {
    const element = document.createElement(tag);
    element.className = className;
    if (parts) element.setAttribute('part', ERROR_PARTS[pieceOf(className)]);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...content); // strings become text nodes, never markup
    return element;
  };
}

/**
 * Builds the element tree of a described error without attaching it anywhere. Text nodes only:
 * every string (including the server's message and tracking ID) is shown as text, never parsed.
 */
export function buildErrorView(description: ErrorDescription, labels: ErrorLabels, options: BuildErrorViewOptions): HTMLElement {
  const parts = options.parts === true;
  const root = buildErrorTree(description, labels, domFactory(options.document, parts));
  const button = root.querySelector<HTMLButtonElement>(`.${ERROR_CLASS_NAMES.copy}`);
  const id = root.querySelector(`.${ERROR_CLASS_NAMES.trackingId}`);
  if (button && id && description.target !== undefined) wireCopyButton(button, id, description.target, labels, parts);
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
 * Style it with `@defender-errors/browser/styles.css`, or with your own rules on `ERROR_CLASS_NAMES`.
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
