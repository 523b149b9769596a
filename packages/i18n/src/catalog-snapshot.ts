import { canonicalLocale } from './locale';

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

/** The tag `addLocale` registers a catalog under: canonical when it is one, the empty tag for a non-string (it may be a hostile object). */
export function addedLocaleTag(lng: unknown): string {
  return typeof lng === 'string' ? (canonicalLocale(lng) ?? lng) : '';
}
