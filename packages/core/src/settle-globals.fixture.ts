/**
 * Node defines some globals (AbortController, fetch, crypto...) as lazy accessors that replace
 * themselves with plain values on first read. Reading every global once, before
 * `@fast-check/poisoning` records them, keeps that one-time change out of its report.
 */
for (const name of Reflect.ownKeys(globalThis)) {
  try {
    void (globalThis as Record<PropertyKey, unknown>)[name];
  } catch {
    // A global whose getter throws has nothing to settle.
  }
}
