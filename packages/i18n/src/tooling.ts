// `@defender-errors/i18n/tooling`: what the translators' tooling (`defender-errors locales ...`)
// needs beyond the runtime API. Apps do not need it; it is a subpath so that the main entry stays small.
export { compileTemplate, placeholderNames, type CompiledTemplate, type TemplatePart } from './template';
export { canonicalLocale } from './locale';
export { validateCatalog, type ValidateCatalogOptions } from './validate';
export { expectedEntries, pluralBase, pluralCategoriesOf, PLURAL_CATEGORIES, type ExpectedEntry, type PluralCategory } from './plurals';
/** The catalog check of `addLocale` (createOnDemandTranslator of `/lite` imports it from here on demand). */
export { checkCatalog } from './check-catalog';
