import type { CatalogProblem } from './validate';

/** The mark every copy of the class sets (the ESM and CJS builds and each entry point have their own copy). */
const CATALOG_ERROR_MARK = Symbol.for('@defender-errors/i18n.CatalogValidationError');

/**
 * Thrown (or rejected with) by `addLocale` when a catalog has errors; `problems` lists every one
 * of them. `instanceof` holds for an error of any copy of this package (its ESM and CJS builds,
 * and the catalog check `createOnDemandTranslator` loads on demand), since it tests a mark, not
 * the prototype chain alone.
 */
export class CatalogValidationError extends Error {
  override readonly name = 'CatalogValidationError' as const;
  /** Every problem found, errors and warnings. */
  readonly problems: readonly CatalogProblem[];

  constructor(lng: string, problems: readonly CatalogProblem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(`The ${lng} catalog has ${errors.length} error(s):\n${errors.map((problem) => `- ${problem.message}`).join('\n')}`);
    this.problems = problems;
    Object.defineProperty(this, CATALOG_ERROR_MARK, { value: true });
  }

  /** Whether `value` is a `CatalogValidationError` of any copy of this package. Never throws. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    try {
      return Object.hasOwn(value as object, CATALOG_ERROR_MARK); // null and undefined throw: not one
    } catch {
      return false;
    }
  }
}
