import { sourceCatalog } from './generated/catalogs';
import { addedLocaleTag, snapshotCatalog } from './catalog-snapshot';
import type { checkCatalog } from './check-catalog';
import { SOURCE_LOCALE } from './locale';
import { createTranslatorBase, type Catalog, type ErrorTranslator } from './translator';
import type { ErrorTranslatorOptions } from './types';
import type { CatalogProblem } from './validate';

/**
 * A translator whose `addLocale` is asynchronous: it resolves to the warnings once the catalog is
 * checked and registered, and rejects with `CatalogValidationError` (nothing registered) when it
 * has errors. Everything else is an {@link ErrorTranslator}'s.
 */
export interface OnDemandErrorTranslator extends Omit<ErrorTranslator, 'addLocale'> {
  /**
   * Adds (or replaces) a locale after checking it against en-US, reading `messages` once, at the
   * call. Never throws: a catalog with errors rejects with `CatalogValidationError`.
   */
  addLocale(lng: string, messages: unknown): Promise<CatalogProblem[]>;
}

/**
 * Creates a translator for pages that load locales on demand, whose catalog check is loaded on
 * demand too: en-US is bundled, and the validator (about 1.2 kB gzip less up front) is downloaded
 * the first time `addLocale` is called, usually by `loadLocale` of `@defender-errors/browser`
 * together with the locale itself. A page that shows only en-US, or loads its first locale later,
 * starts without it. Use `createErrorTranslator` when `addLocale` must check a catalog synchronously.
 *
 * @example
 * import { createOnDemandTranslator } from '@defender-errors/i18n/lite';
 * const translator = createOnDemandTranslator();
 * await translator.addLocale('da-DK', (await import('@defender-errors/i18n/locales/da-DK')).messages);
 */
export function createOnDemandTranslator(options: ErrorTranslatorOptions = {}): OnDemandErrorTranslator {
  const { translator, source, registerChecked } = createTranslatorBase({ [SOURCE_LOCALE]: sourceCatalog }, options);
  return { ...translator, addLocale: createDeferredAddLocale(source, registerChecked, () => import('./check-catalog')) };
}

/**
 * An `addLocale` that reads `messages` at the call and checks it once `loadCheck` has delivered
 * the catalog check (one download for all calls, tried again after a failed one).
 */
export function createDeferredAddLocale(
  source: Catalog,
  register: (lng: string, messages: Catalog) => void,
  loadCheck: () => Promise<{ readonly checkCatalog: typeof checkCatalog }>,
): OnDemandErrorTranslator['addLocale'] {
  let checker: ReturnType<typeof loadCheck> | undefined;
  return (lng, messages) => {
    // Read now: what the caller passed is what is checked, whatever it becomes while the check loads.
    const tag = addedLocaleTag(lng);
    const snapshot = snapshotCatalog(messages);
    checker ??= loadCheck().catch((error: unknown) => {
      checker = undefined; // a failed download is tried again by the next call
      throw error;
    });
    return checker.then(({ checkCatalog }) => {
      const { problems, catalog } = checkCatalog(tag, snapshot, source);
      register(tag, catalog);
      return problems;
    });
  };
}
