import { createErrorTranslator, type ErrorTranslator } from '@defender-errors/i18n';

export type { ErrorTranslator };

/** The part of an `ErrorTranslator` that this adapter uses: pass an app's own translator anywhere one is accepted. */
export type TranslatorLike = Pick<ErrorTranslator, 'describe' | 'labels' | 'format' | 'resolveLanguage' | 'locales'>;

let sharedTranslator: ErrorTranslator | undefined;

/**
 * The translator this package uses when no `translator` option is given: created on first use,
 * on an isolated i18next instance of its own (the global `i18next` singleton is never touched),
 * and shared by every call in the process.
 */
export function getDefaultTranslator(): ErrorTranslator {
  sharedTranslator ??= createErrorTranslator();
  return sharedTranslator;
}
