import { readError } from '@defender-errors/core';
import { createErrorTranslator, type ErrorTranslator } from '@defender-errors/i18n';
import type { i18n as I18nInstance } from 'i18next';

const translators = new WeakMap<I18nInstance, ErrorTranslator>();
let ownTranslator: ErrorTranslator | undefined;

/**
 * The app's i18next instance behind what `useTranslation()` returns: react-i18next 17 hands each
 * component a wrapper (`__original` is the instance), renewed on every language change.
 */
export function appInstance(i18n: I18nInstance | undefined): I18nInstance | undefined {
  return (i18n as (I18nInstance & { __original?: I18nInstance }) | undefined)?.__original ?? i18n;
}

/**
 * The one translator of an i18next instance (made on first use, kept while the instance lives), so
 * that rendering never creates translators. Without a usable instance, a translator of the package's own.
 */
export function translatorFor(i18n: I18nInstance | undefined): ErrorTranslator {
  if (i18n) {
    const known = translators.get(i18n);
    if (known) return known;
    try {
      const created = createErrorTranslator({ i18n });
      translators.set(i18n, created);
      return created;
    } catch {
      // an instance that is not initialized yet: render with the package's own until it is
    }
  }
  return (ownTranslator ??= createErrorTranslator());
}

const reads = new WeakMap<object, Promise<unknown>>();

/** The fetch `Response` that `value` is or holds (`HTTPError.response` of ky), or undefined. Never throws. */
function heldResponse(value: unknown): Response | undefined {
  try {
    if (typeof Response !== 'function' || typeof value !== 'object' || value === null) return undefined;
    if (value instanceof Response) return value;
    const inner: unknown = (value as { response?: unknown }).response;
    return inner instanceof Response ? inner : undefined;
  } catch {
    return undefined; // a revoked proxy or a throwing getter holds no response
  }
}

/**
 * For a value that is or holds a fetch `Response`: the promise of its body read as error info,
 * one read per value (a body can be read once; StrictMode and several components share it).
 * Undefined for every other value, which `describe` reads synchronously.
 */
export function responseRead(value: unknown): Promise<unknown> | undefined {
  const response = heldResponse(value);
  if (!response) return undefined;
  const key = value as object;
  let read = reads.get(key);
  if (!read) {
    read = readError(value); // never rejects; reads the body of the response the value is or holds
    reads.set(key, read);
  }
  return read;
}
