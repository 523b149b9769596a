import { createErrorTranslator, type ErrorTranslator } from '@defender-errors/i18n';

export type { ErrorTranslator };

/** The part of an `ErrorTranslator` that the HTTP layer uses: pass an app's own translator anywhere one is accepted. */
export type TranslatorLike = Pick<ErrorTranslator, 'describe' | 'labels' | 'format' | 'resolveLanguage' | 'locales'>;

let sharedTranslator: ErrorTranslator | undefined;

/**
 * The translator used when no `translator` option is given: created on first use, on an isolated
 * i18next instance of its own (the global `i18next` singleton is never touched), and shared by
 * every call in the process (or isolate).
 */
export function getDefaultTranslator(): ErrorTranslator {
  sharedTranslator ??= createErrorTranslator();
  return sharedTranslator;
}
