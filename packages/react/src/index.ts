import { COPIED_STATE_MS, copyButtonState, copyText, errorViewTree, type ErrorViewNode } from '@defender-errors/browser';
import type { ErrorDescription, ErrorLabels } from '@defender-errors/i18n';
import { createElement, useCallback, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appInstance, responseRead, translatorFor } from './translator';

/** The part of an `@defender-errors/i18n` translator the components use. */
export interface ReactErrorTranslator {
  describe(error: unknown, options?: { lng?: string | undefined }): ErrorDescription;
  labels(lng?: string): ErrorLabels;
}

/** Options of {@link useErrorDescription} (and props of {@link DefenderError}). */
export interface ErrorDescriptionOptions {
  /** A language instead of react-i18next's current one (`i18n.resolvedLanguage`). */
  readonly lng?: string | undefined;
  /** A translator instead of the one made for the app's i18next instance. */
  readonly translator?: ReactErrorTranslator | undefined;
}

interface Described {
  readonly description: ErrorDescription | undefined;
  readonly pending: boolean;
  readonly translator: ReactErrorTranslator;
}

function describeSafely(translator: ReactErrorTranslator, value: unknown, lng: string | undefined): ErrorDescription {
  try {
    return translator.describe(value, { lng });
  } catch {
    return translator.describe(undefined, { lng }); // a value that breaks even describe() is shown as an internal error
  }
}

/** One options object for every call: react-i18next memoizes on its identity (a new one would rebuild `t` each render). */
const TRANSLATION_OPTIONS = { useSuspense: false } as const;

/** An option the caller passed; a read that throws (a hostile object) counts as not given. */
function optionOf<K extends keyof ErrorDescriptionOptions>(options: ErrorDescriptionOptions | undefined, name: K): ErrorDescriptionOptions[K] | undefined {
  try {
    return options?.[name];
  } catch {
    return undefined;
  }
}

function useDescribed(error: unknown, options: ErrorDescriptionOptions | undefined): Described {
  const i18n = appInstance(useTranslation(undefined, TRANSLATION_OPTIONS).i18n);
  const given = optionOf(options, 'translator');
  const translator = typeof given === 'object' && given !== null ? given : translatorFor(i18n);
  const lng = optionOf(options, 'lng') ?? (i18n ? (i18n.resolvedLanguage ?? i18n.language) : undefined);
  const read = responseRead(error);
  // Keyed by the read itself (one per value holding a Response), so other values never re-run the effect.
  const [settled, setSettled] = useState<{ readonly read: Promise<unknown>; readonly info: unknown }>();
  useEffect(() => {
    if (!read) return undefined;
    let live = true;
    void read.then((info) => {
      if (live) setSettled({ read, info });
    });
    return () => {
      live = false;
    };
  }, [read]);
  const absent = error === null || error === undefined;
  const pending = read !== undefined && settled?.read !== read;
  const value = read === undefined ? error : settled?.info;
  const description = useMemo(() => (absent || pending ? undefined : describeSafely(translator, value, lng)), [absent, pending, translator, value, lng]);
  return { description, pending, translator };
}

/**
 * The localized view model of any error a user holds (a `DefenderApiError`, an axios error, a parsed
 * or raw body, anything thrown; a fetch `Response`, or a value holding one, is read asynchronously),
 * in react-i18next's current language; the component re-renders on `i18n.changeLanguage`. Undefined
 * when `error` is `null` / `undefined` and while a `Response` body is being read. Never throws.
 *
 * @example
 * const description = useErrorDescription(error);
 * return description ? <p role="alert">{description.message}</p> : null;
 */
export function useErrorDescription(error: unknown, options?: ErrorDescriptionOptions): ErrorDescription | undefined {
  return useDescribed(error, options).description;
}

/** The copy button's state: how many copies are showing "copied" (0: none), and the click handler. */
function useCopyButton(target: string | undefined): [copied: boolean, onCopy: (event: { currentTarget: Element }) => void] {
  const [copies, setCopies] = useState(0);
  useEffect(() => {
    if (copies === 0) return undefined;
    const reset = setTimeout(() => setCopies(0), COPIED_STATE_MS);
    return () => clearTimeout(reset);
  }, [copies]);
  const onCopy = useCallback(
    (event: { currentTarget: Element }) => {
      // the button follows the tracking ID's <code> in the view tree: that is what gets selected when the clipboard refuses
      const id = event.currentTarget.previousElementSibling;
      if (id && target !== undefined) void copyText(id, target).then((copied) => copied && setCopies((count) => count + 1));
    },
    [target],
  );
  return [copies > 0, onCopy];
}

function renderNode(node: ErrorViewNode, copy: { readonly labels: ErrorLabels; readonly copied: boolean; readonly onCopy: (event: { currentTarget: Element }) => void }, key?: number): ReactElement {
  if (node.piece === 'copy') {
    const state = copyButtonState(copy.labels, copy.copied);
    return createElement(node.tag, { key, className: state.className, ...node.attributes, 'data-state': state.state, onClick: copy.onCopy }, state.text);
  }
  return createElement(node.tag, { key, className: node.className, ...node.attributes }, node.text, ...node.children.map((child, index) => renderNode(child, copy, index)));
}

/** Props of {@link DefenderError}. */
export interface DefenderErrorProps extends ErrorDescriptionOptions {
  /** Any error a user holds; `null` / `undefined` renders nothing. */
  readonly error: unknown;
  /** What to show while a `Response` body is being read (default: nothing). */
  readonly fallback?: ReactNode;
}

/**
 * Shows any error localized, in react-i18next's current language, with the markup, class names and
 * copy button of `renderError` from `@defender-errors/browser` (style it with
 * `@defender-errors/browser/styles.css`). Text is rendered as text, never as markup. Never throws
 * during render, whatever `error` is.
 *
 * @example
 * <DefenderError error={error} />  // an axios error, a Response, a DefenderApiError, anything thrown
 */
export function DefenderError(props: DefenderErrorProps): ReactNode {
  const { description, pending, translator } = useDescribed(props.error, props);
  const [copied, onCopy] = useCopyButton(description?.target);
  // The same element objects while nothing changed, so that React skips the subtree when a parent re-renders.
  const rendered = useMemo(() => {
    if (!description) return null;
    const labels = translator.labels(description.lng);
    return renderNode(errorViewTree(description, labels), { labels, copied, onCopy });
  }, [description, translator, copied, onCopy]);
  return pending ? (props.fallback ?? null) : rendered;
}
