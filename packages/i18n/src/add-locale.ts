import type { Catalog } from './translator';
import { CatalogValidationError, canonicalLocale, validateCatalog, type CatalogProblem } from './validate';
import { SOURCE_LOCALE } from './locale';

/**
 * One reading of `messages`: its own enumerable string-keyed data properties, each read once from
 * its property descriptor (no getter is called, no inherited `toJSON` counts, a Proxy's traps run
 * once and never again), in a null-prototype object. An array stays an array and anything that
 * cannot be read becomes `null`, so that the validator reports it as not a catalog.
 */
export function snapshotCatalog(messages: unknown): unknown {
  if (typeof messages !== 'object' || messages === null) return messages;
  try {
    if (Array.isArray(messages)) return [];
    const snapshot: Record<string, unknown> = Object.create(null);
    for (const key of Reflect.ownKeys(messages)) {
      if (typeof key !== 'string') continue;
      const descriptor = Reflect.getOwnPropertyDescriptor(messages, key);
      if (descriptor?.enumerable === true && 'value' in descriptor) snapshot[key] = descriptor.value;
      else if (descriptor?.enumerable === true) snapshot[key] = undefined;
    }
    return snapshot;
  } catch {
    return null;
  }
}

/**
 * The translator's `addLocale`: validates one snapshot of `messages` against the source catalog and,
 * when it has no errors, hands that same snapshot (as a plain object of strings, which i18next's
 * deep copy cannot change) to `register`. Returns the warnings; throws `CatalogValidationError`.
 */
export function createAddLocale(source: Catalog, register: (lng: string, messages: Catalog) => void) {
  return (lng: string, messages: unknown): CatalogProblem[] => {
    // A tag that is not a string is reported as the empty tag (it may be a hostile object).
    const tag = typeof lng === 'string' ? (canonicalLocale(lng) ?? lng) : '';
    const snapshot = snapshotCatalog(messages);
    const problems = validateCatalog(tag, snapshot, source, { warnIdentical: tag !== SOURCE_LOCALE });
    if (problems.some((problem) => problem.severity === 'error')) throw new CatalogValidationError(tag, problems);
    register(tag, { ...(snapshot as Catalog) });
    return problems;
  };
}
