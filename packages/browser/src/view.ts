import type { ErrorDescription, ErrorLabels } from '@defender-errors/i18n/lite';

/**
 * The class names of a rendered error, for styling. `renderError` and `<DefenderError>` (React) put
 * them on the elements; the custom element exposes the same pieces as shadow parts (`ERROR_PARTS`).
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

/** The tags a rendered error is made of. */
export type ErrorViewTag = 'div' | 'p' | 'dl' | 'dt' | 'dd' | 'code' | 'button';

/**
 * One element of a rendered error, as plain data: the shape {@link errorViewTree} gives the markup
 * that `renderError`, `<defender-error>` and the React component all build with {@link buildErrorTree}.
 */
export interface ErrorViewNode {
  readonly tag: ErrorViewTag;
  readonly piece: ErrorPiece;
  /** The class names: the piece's, plus a field's modifier. */
  readonly className: string;
  /** Further attributes (`role`, `lang`, `data-*`, `dir`, `type`); values are plain text. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The text content (shown as a text node, never parsed). */
  readonly text?: string;
  readonly children: readonly ErrorViewNode[];
}

/** The props of one element: its class names first, then its further attributes; values are plain text. */
export interface ErrorViewProps {
  readonly className: string;
  readonly [attribute: string]: string;
}

/**
 * Creates one element from its tag, props and content (a text, or the child elements in order).
 * React's `createElement` is one; `renderError` and {@link errorViewTree} have their own.
 */
export type ErrorViewFactory<T> = (tag: ErrorViewTag, props: ErrorViewProps, ...content: (string | T)[]) => T;

const PIECES = Object.fromEntries(Object.entries(ERROR_CLASS_NAMES).map(([piece, name]) => [name, piece])) as Record<string, ErrorPiece>;

/** The piece an element's class names stand for (their first class: `defender-error__field`, …). */
export function pieceOf(className: string): ErrorPiece {
  return PIECES[className.split(' ', 1)[0] ?? ''] ?? 'root';
}

/**
 * Builds the element tree of a described error with `create`, children before parents; the copy
 * button (present only when there is a tracking ID) comes from `copyButton`, by default a plain
 * `<button type="button">` whose behaviour the renderer adds. The one description of the markup.
 */
export function buildErrorTree<T>(description: ErrorDescription, labels: ErrorLabels, create: ErrorViewFactory<T>, copyButton?: (target: string) => T): T {
  const status = String(description.status);
  const rootProps: { className: string; [attribute: string]: string } = { className: ERROR_CLASS_NAMES.root, role: 'alert', lang: description.lng, 'data-code': description.code, 'data-status': status };
  if (!description.known) rootProps['data-known'] = 'false';
  const children = [create('p', { className: ERROR_CLASS_NAMES.title }, description.title), create('p', { className: ERROR_CLASS_NAMES.message }, description.message)];
  if (description.hint !== undefined && description.hint.length > 0) children.push(create('p', { className: ERROR_CLASS_NAMES.hint }, description.hint));
  if (description.retryAfter !== undefined) children.push(create('p', { className: ERROR_CLASS_NAMES.retry }, labels.retryAfter(description.retryAfter)));

  const field = (kind: FieldKind, label: string, value: T): T =>
    create('div', { className: `${ERROR_CLASS_NAMES.field} ${ERROR_CLASS_NAMES.field}--${kind}` }, create('dt', { className: ERROR_CLASS_NAMES.label }, label), value);
  const fields: T[] = [];
  const serverMessage = description.serverMessage;
  if (!description.serverMessageMatched && serverMessage !== undefined && serverMessage.length > 0) {
    fields.push(field('server-message', labels.serverMessage, create('dd', { className: ERROR_CLASS_NAMES.serverMessage, dir: 'auto' }, serverMessage)));
  }
  fields.push(field('code', labels.code, create('dd', { className: ERROR_CLASS_NAMES.code, dir: 'auto' }, description.code)));
  fields.push(field('status', labels.status, create('dd', { className: ERROR_CLASS_NAMES.status }, status)));
  const target = description.target;
  const tracking =
    target !== undefined && target.length > 0
      ? create(
          'dd',
          { className: ERROR_CLASS_NAMES.tracking },
          create('code', { className: ERROR_CLASS_NAMES.trackingId, dir: 'auto' }, target),
          copyButton ? copyButton(target) : create('button', { className: ERROR_CLASS_NAMES.copy, type: 'button' }, labels.copy),
        )
      : create('dd', { className: ERROR_CLASS_NAMES.tracking }, create('code', { className: ERROR_CLASS_NAMES.trackingId }, labels.noTrackingId));
  fields.push(field('tracking', labels.trackingId, tracking));
  children.push(create('dl', { className: ERROR_CLASS_NAMES.meta }, ...fields));
  return create('div', rootProps, ...children);
}

const viewNode: ErrorViewFactory<ErrorViewNode> = (tag, { className, ...attributes }, ...content) => {
  const [first] = content;
  return { tag, piece: pieceOf(className), className, attributes, ...(typeof first === 'string' ? { text: first } : {}), children: content.filter((child) => typeof child !== 'string') };
};

/**
 * The element tree of a described error as plain data ({@link ErrorViewNode}); the copy button
 * (`piece: 'copy'`) is present only when there is a tracking ID, and gets its behaviour from the renderer.
 */
export function errorViewTree(description: ErrorDescription, labels: ErrorLabels): ErrorViewNode {
  return buildErrorTree(description, labels, viewNode);
}

/** The two labels of the copy button (a part of {@link ErrorLabels}). */
export type CopyLabels = Pick<ErrorLabels, 'copy' | 'copied'>;

/** What the copy button shows: its label, its class names and its `data-state`, copied or not. */
export function copyButtonState(labels: CopyLabels, copied: boolean): { readonly text: string; readonly className: string; readonly state: string | undefined } {
  return copied
    ? { text: labels.copied, className: `${ERROR_CLASS_NAMES.copy} ${ERROR_CLASS_NAMES.copied}`, state: 'copied' }
    : { text: labels.copy, className: ERROR_CLASS_NAMES.copy, state: undefined };
}

/**
 * Writes `text` with `navigator.clipboard.writeText` of `element`'s window; where the clipboard is
 * missing or refused, selects `element` so that the user can copy it by hand. Resolves to whether
 * the clipboard took it; never rejects.
 */
export async function copyText(element: Element, text: string): Promise<boolean> {
  try {
    const clipboard = element.ownerDocument.defaultView?.navigator.clipboard;
    if (typeof clipboard?.writeText === 'function') {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused: fall through to selecting the text
  }
  try {
    element.ownerDocument.defaultView?.getSelection()?.selectAllChildren(element);
  } catch {
    // selecting is only a courtesy when the clipboard is unavailable
  }
  return false;
}
