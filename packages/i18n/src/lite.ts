import { sourceCatalog, SUPPORTED_LOCALES } from './generated/catalogs';
import { SOURCE_LOCALE } from './locale';
import { createTranslatorWithCatalogs, type ErrorTranslator } from './translator';
import type { ErrorTranslatorOptions } from './types';

/**
 * Creates a translator that bundles only en-US, for pages that load other locales on demand:
 *
 * @example
 * import { createErrorTranslator } from '@defender-errors/i18n/lite';
 * const translator = createErrorTranslator();
 * translator.addLocale('da-DK', (await import('@defender-errors/i18n/locales/da-DK')).messages);
 */
export function createErrorTranslator(options: ErrorTranslatorOptions = {}): ErrorTranslator {
  return createTranslatorWithCatalogs({ [SOURCE_LOCALE]: sourceCatalog }, options);
}

/** The locales published with this package (each loadable from `@defender-errors/i18n/locales/<lng>`). */
export const AVAILABLE_LOCALES = SUPPORTED_LOCALES;

export { createOnDemandTranslator, type OnDemandErrorTranslator } from './on-demand';
export { catalogFromValues } from './catalog-values';
export { extractParams } from './extract';
export { matchLocale, resolveLocale, SOURCE_LOCALE } from './locale';
/** The canonical form of a BCP 47 tag, or undefined (never throws): the one wrapper of `Intl.getCanonicalLocales`. */
export { canonicalLocale } from './locale';
export { CatalogValidationError } from './catalog-error';
export type { CatalogProblem } from './validate';
export type { ErrorTranslator } from './translator';
export type * from './types';
