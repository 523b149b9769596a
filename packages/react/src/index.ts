import { COPIED_STATE_MS, buildErrorTree, copyButtonState, copyText, type CopyLabels, type ErrorViewFactory } from '@defender-errors/browser';
import type { ErrorDescription, ErrorLabels } from '@defender-errors/i18n';
import { createElement, memo, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
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

interface Described<T> {
  /** What `show` made of the description; undefined for `null` / `undefined` and while pending. */
  readonly shown: T | undefined;
  readonly pending: boolean;
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

/**
 * Describes `error` and hands the description to `show`, memoized: the same result while the value,
 * the language and the translator stay (`show` must be a module-level function).
 */
function useDescribed<T>(error: unknown, options: ErrorDescriptionOptions | undefined, show: (description: ErrorDescription, translator: ReactErrorTranslator) => T): Described<T> {
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
  const shown = useMemo(() => (absent || pending ? undefined : show(describeSafely(translator, value, lng), translator)), [absent, pending, translator, value, lng, show]);
  return { shown, pending };
}

const asDescription = (description: ErrorDescription): ErrorDescription => description;

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
  return useDescribed(error, options, asDescription).shown;
}

/**
 * The copy button beside a tracking ID. It holds the "copied" state (so a copy re-renders only the
 * button) and copies the ID its `<code>` shows, so a new error with the same labels re-renders
 * nothing here.
 */
const CopyButton = memo(function CopyButton(labels: CopyLabels): ReactElement {
  const [copies, setCopies] = useState(0);
  useEffect(() => {
    if (copies === 0) return undefined;
    const reset = setTimeout(() => setCopies(0), COPIED_STATE_MS);
    return () => clearTimeout(reset);
  }, [copies]);
  const state = copyButtonState(labels, copies > 0);
  const onClick = (event: { currentTarget: Element }): void => {
    // the button follows the tracking ID's <code>: its text is the ID, and it is what gets selected when the clipboard refuses
    const id = event.currentTarget.previousElementSibling;
    if (id) void copyText(id, id.textContent ?? '').then((copied) => copied && setCopies((count) => count + 1));
  };
  return createElement('button', { className: state.className, type: 'button', 'data-state': state.state, onClick }, state.text);
});

// The markup's elements straight from buildErrorTree: its factory signature is createElement's.
const create = createElement as unknown as ErrorViewFactory<ReactElement>;

/** The elements of a description: the markup of `renderError`, with the copy button as its own component. */
function renderDescription(description: ErrorDescription, translator: ReactErrorTranslator): ReactElement {
  const labels = translator.labels(description.lng);
  return buildErrorTree(description, labels, create, () => createElement(CopyButton, { copy: labels.copy, copied: labels.copied }));
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
  // The same element objects while nothing changed, so that React skips the subtree when a parent re-renders.
  const { shown, pending } = useDescribed(props.error, props, renderDescription);
  return pending ? (props.fallback ?? null) : (shown ?? null);
}
