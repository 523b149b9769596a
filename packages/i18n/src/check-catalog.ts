import { SOURCE_LOCALE } from './locale';
import type { Catalog } from './translator';
import { CatalogValidationError } from './catalog-error';
import { validateCatalog, type CatalogProblem } from './validate';

/**
 * Checks one snapshot of a catalog against the source catalog: throws `CatalogValidationError`
 * listing every problem when there are errors, and otherwise returns the warnings with the
 * snapshot as a plain object of strings (which i18next's deep copy cannot change).
 */
export function checkCatalog(tag: string, snapshot: unknown, source: Catalog): { problems: CatalogProblem[]; catalog: Catalog } {
  const problems = validateCatalog(tag, snapshot, source, { warnIdentical: tag !== SOURCE_LOCALE });
  if (problems.some((problem) => problem.severity === 'error')) throw new CatalogValidationError(tag, problems);
  return { problems, catalog: { ...(snapshot as Catalog) } };
}
