// Internal: the results core's readers made, recognised by identity rather than by their shape.

const RESULTS = new WeakSet<object>();

/** Marks `result` as one of core's own results and returns it. */
export function markResult<T extends object>(result: T): T {
  RESULTS.add(result);
  return result;
}

/** Whether `value` is a result one of core's readers made (a look-alike object is not). */
export function isMarkedResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && RESULTS.has(value);
}
