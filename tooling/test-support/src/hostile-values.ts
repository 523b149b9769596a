/** The names hostile objects answer to: error fields, parameters and options that code under test reads. */
const FIELDS = ['error', 'code', 'message', 'target', 'status', 'statusCode', 'known', 'fallbackCode', 'raw', 'params', 'retryAfter', 'lng', 'url', 'hash', 'response', 'headers', 'data', 'body'] as const;

function thrower(): never {
  throw new Error('hostile');
}

/** An object whose every field in {@link FIELDS} is an enumerable getter that throws. */
function throwingGetters(): object {
  const value: Record<string, unknown> = {};
  for (const name of FIELDS) Object.defineProperty(value, name, { enumerable: true, get: thrower });
  return value;
}

/** A Proxy whose every trap throws (the handler itself is a Proxy that answers every trap with a thrower). */
function throwingProxy(): object {
  return new Proxy({}, new Proxy({}, { get: () => thrower }));
}

/** A revoked Proxy: every operation on it but `typeof` throws a TypeError. */
function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** An error body that contains itself, at every level a reader might walk. */
function cyclicBody(): object {
  const body: Record<string, unknown> = { code: 'InvalidUrl', message: 'URL u is invalid.' };
  body['error'] = body;
  body['params'] = body;
  body['innerError'] = body;
  return body;
}

/** A frozen body: a reader that writes to what it was given fails loudly in strict mode. */
function frozenBody(): object {
  return Object.freeze({ error: Object.freeze({ code: 'InvalidUrl', message: 'URL u is invalid.', target: 't' }) });
}

/** A body with no prototype (no `toString`, no `hasOwnProperty`). */
function nullPrototypeBody(): object {
  const error = Object.assign(Object.create(null) as object, { code: 'InvalidHashValue', message: 'Hash value h is invalid.', target: 't' });
  return Object.assign(Object.create(null) as object, { error });
}

/** What `parseErrorBody` returns, but with a `target` getter that throws. */
function parsedLookingBody(): object {
  return Object.defineProperty({ code: 'InvalidUrl', known: true, fallbackCode: 'InvalidUrl', status: 400, message: 'URL u is invalid.', raw: {}, details: [] }, 'target', {
    enumerable: true,
    get: thrower,
  });
}

/** A list whose iterator throws after one entry, and whose `length` getter throws. */
function throwingList(): object {
  return {
    get length(): number {
      return thrower();
    },
    *[Symbol.iterator]() {
      yield 'da';
      thrower();
    },
  };
}

/** A Proxy around a plain object whose `getPrototypeOf` trap throws (as `instanceof` runs it). */
function prototypeTrapProxy(): object {
  return new Proxy({ error: { code: 'InvalidUrl' } }, { getPrototypeOf: thrower });
}

/**
 * Factories of hostile values, each call a fresh one: throwing getters, revoked and throwing
 * proxies, cyclic, frozen and null-prototype objects, a parsed-looking body with a throwing
 * `target`, a throwing iterable. Feed them as values, parameters and options to every function
 * documented never to throw (with fast-check: `fc.constantFrom(...HOSTILE_VALUE_FACTORIES).map((make) => make())`).
 */
export const HOSTILE_VALUE_FACTORIES: readonly (() => unknown)[] = [
  throwingGetters,
  throwingProxy,
  revokedProxy,
  cyclicBody,
  frozenBody,
  nullPrototypeBody,
  parsedLookingBody,
  throwingList,
  prototypeTrapProxy,
];
