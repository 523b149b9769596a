import { addedLocaleTag, snapshotCatalog } from './catalog-snapshot';
import { checkCatalog } from './check-catalog';
import type { Catalog } from './translator';
import type { CatalogProblem } from './validate';

/**
 * The translator's `addLocale`: validates one snapshot of `messages` against the source catalog and,
 * when it has no errors, hands that same snapshot (as a plain object of strings, which i18next's
 * deep copy cannot change) to `register`. Returns the warnings; throws `CatalogValidationError`.
 */
export function createAddLocale(source: Catalog, register: (lng: string, messages: Catalog) => void) {
  return (lng: string, messages: unknown): CatalogProblem[] => {
    const tag = addedLocaleTag(lng);
    const { problems, catalog } = checkCatalog(tag, snapshotCatalog(messages), source);
    register(tag, catalog);
    return problems;
  };
}
