// Internal: the guarded reads every reader of untrusted values uses. Not exported from the package.

/** A plain record, as the readers see any object. */
export type JsonObject = Record<string, unknown>;

/** Runs a read of untrusted input; a throwing getter or Proxy trap counts as "not there". */
export function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// `isObject` and `own` run for every member of every body: a try/catch of their own, rather than
// `safely` and a closure, keeps them about twice as fast.
/** Whether `value` is an object and not an array; a revoked Proxy (`Array.isArray` throws) is not. */
export function isObject(value: unknown): value is JsonObject {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** An own member of `object`; `undefined` when it is inherited, missing or its read throws. */
export function own(object: JsonObject, key: string): unknown {
  try {
    return Object.hasOwn(object, key) ? object[key] : undefined;
  } catch {
    return undefined;
  }
}

/** A member of `object`, own or inherited (class getters such as `Response.status`); never throws. */
export function member(object: unknown, key: string): unknown {
  try {
    return (object as JsonObject)[key];
  } catch {
    return undefined;
  }
}

/** An own string member of `object`, else `undefined`. */
export function ownString(object: JsonObject, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

/** The first of `keys` whose own value is an object. */
export function ownObject(object: JsonObject, ...keys: string[]): JsonObject | undefined {
  for (const key of keys) {
    const value = own(object, key);
    if (isObject(value)) return value;
  }
  return undefined;
}

/** Whether `value`'s prototype is `Object.prototype` or `null` (a literal, or `JSON.parse` output). */
export function isPlainObject(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const prototype = safely(() => Object.getPrototypeOf(value));
  return prototype === Object.prototype || prototype === null;
}
