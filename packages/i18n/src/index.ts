import { bundledCatalogs, SUPPORTED_LOCALES, type sourceCatalog } from './generated/catalogs';
import type { PluralCategory } from './plurals';
import { createTranslatorWithCatalogs, type ErrorTranslator } from './translator';
import type { ErrorTranslatorOptions } from './types';

/** A locale bundled with this package. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

type SourceKey = keyof typeof sourceCatalog & string;

/** The plural keys of the catalogs without their suffix (`label.retryAfter`), typed from en-US. */
export type PluralKey = SourceKey extends infer K ? (K extends `${infer Base}_${PluralCategory}` ? Base : never) : never;

/**
 * The shape of every catalog, typed from en-US (the source of truth): its keys, except that a
 * plural key has a form for each CLDR category of the locale (`_other` always).
 */
export type ErrorMessages = { readonly [K in Exclude<SourceKey, `${PluralKey}_${PluralCategory}`>]: string } & {
  readonly [K in `${PluralKey}_other`]: string;
} & { readonly [K in `${PluralKey}_${Exclude<PluralCategory, 'other'>}`]?: string };

/**
 * Every bundled catalog in i18next's resource shape, ready for `i18next.addResourceBundle` or the
 * `resources` init option of an app's own i18next (react-i18next included):
 * `{ "en-US": { errors: {...} }, "da-DK": { errors: {...} } }`.
 */
export const resources = Object.fromEntries(
  Object.entries(bundledCatalogs).map(([lng, messages]) => [lng, { errors: messages }]),
) as { readonly [L in SupportedLocale]: { readonly errors: ErrorMessages } };

/**
 * Creates a translator with every bundled locale. By default it uses an isolated i18next instance
 * (never the global one); pass `{ i18n }` to add the `errors` namespace to your app's instance, which
 * changes nothing else (not its language, options or other namespaces).
 *
 * @example
 * const t = createErrorTranslator();
 * t.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da' }); // "Hashværdien abc er ugyldig."
 */
export function createErrorTranslator(options: ErrorTranslatorOptions = {}): ErrorTranslator {
  return createTranslatorWithCatalogs(bundledCatalogs, options);
}

export { SUPPORTED_LOCALES };
export { NAMESPACE, type Catalog, type ErrorTranslator } from './translator';
export { catalogFromValues } from './catalog-values';
export { extractParams } from './extract';
export { PLURAL_CATEGORIES, pluralCategoriesOf, type PluralCategory } from './plurals';
export { SOURCE_LOCALE, matchLocale, resolveLocale } from './locale';
/** The canonical form of a BCP 47 tag, or undefined (never throws): the one wrapper of `Intl.getCanonicalLocales`. */
export { canonicalLocale } from './locale';
export { CatalogValidationError } from './catalog-error';
export type { CatalogProblem, CatalogProblemKind, CatalogProblemSeverity } from './validate';
export type * from './types';
