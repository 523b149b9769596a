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

/**
 * One element of a rendered error, as plain data: the one description of the markup that
 * `renderError`, `<defender-error>` and the React component all build from.
 */
export interface ErrorViewNode {
  readonly tag: 'div' | 'p' | 'dl' | 'dt' | 'dd' | 'code' | 'button';
  readonly piece: ErrorPiece;
  /** The class names: the piece's, plus a field's modifier. */
  readonly className: string;
  /** Further attributes (`role`, `lang`, `data-*`, `dir`, `type`); values are plain text. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The text content (shown as a text node, never parsed). */
  readonly text?: string;
  readonly children: readonly ErrorViewNode[];
}

function node(tag: ErrorViewNode['tag'], piece: ErrorPiece, text?: string, attributes: Record<string, string> = {}, children: ErrorViewNode[] = []): ErrorViewNode {
  return { tag, piece, className: ERROR_CLASS_NAMES[piece], attributes, ...(text === undefined ? {} : { text }), children };
}

function field(kind: FieldKind, label: string, value: ErrorViewNode): ErrorViewNode {
  return { ...node('div', 'field', undefined, {}, [node('dt', 'label', label), value]), className: `${ERROR_CLASS_NAMES.field} ${ERROR_CLASS_NAMES.field}--${kind}` };
}

/**
 * The element tree of a described error as plain data ({@link ErrorViewNode}); the copy button
 * (`piece: 'copy'`) is present only when there is a tracking ID, and gets its behaviour from the renderer.
 */
export function errorViewTree(description: ErrorDescription, labels: ErrorLabels): ErrorViewNode {
  const rootAttributes: Record<string, string> = { role: 'alert', lang: description.lng, 'data-code': description.code, 'data-status': String(description.status) };
  if (!description.known) rootAttributes['data-known'] = 'false';
  const children = [node('p', 'title', description.title), node('p', 'message', description.message)];
  if (description.hint !== undefined && description.hint.length > 0) children.push(node('p', 'hint', description.hint));
  if (description.retryAfter !== undefined) children.push(node('p', 'retry', labels.retryAfter(description.retryAfter)));

  const fields: ErrorViewNode[] = [];
  const serverMessage = description.serverMessage;
  if (!description.serverMessageMatched && serverMessage !== undefined && serverMessage.length > 0) {
    fields.push(field('server-message', labels.serverMessage, node('dd', 'serverMessage', serverMessage, { dir: 'auto' })));
  }
  fields.push(field('code', labels.code, node('dd', 'code', description.code, { dir: 'auto' })));
  fields.push(field('status', labels.status, node('dd', 'status', String(description.status))));
  const target = description.target;
  const tracking =
    target !== undefined && target.length > 0
      ? [node('code', 'trackingId', target, { dir: 'auto' }), node('button', 'copy', labels.copy, { type: 'button' })]
      : [node('code', 'trackingId', labels.noTrackingId)];
  fields.push(field('tracking', labels.trackingId, node('dd', 'tracking', undefined, {}, tracking)));
  children.push(node('dl', 'meta', undefined, {}, fields));
  return node('div', 'root', undefined, rootAttributes, children);
}

/** What the copy button shows: its label, its class names and its `data-state`, copied or not. */
export function copyButtonState(labels: ErrorLabels, copied: boolean): { readonly text: string; readonly className: string; readonly state: string | undefined } {
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
