import type * as PoisoningModule from '@fast-check/poisoning';
import { afterAll, beforeAll } from 'vitest';

type Poisoning = typeof PoisoningModule;

/** Vitest keeps its own state on globalThis while a file runs; that is not the code under test. */
export const POISONING_OPTIONS = { ignoredRootRegex: /^__vitest|^__VITEST|^__vite/ } as const;

/**
 * Reads every global once. Node defines some (AbortController, fetch, crypto …) as lazy accessors
 * that replace themselves with plain values on first read; doing it before `@fast-check/poisoning`
 * records the globals keeps that one-time change out of its report.
 */
export function settleGlobals(): void {
  for (const name of Reflect.ownKeys(globalThis)) {
    try {
      void (globalThis as Record<PropertyKey, unknown>)[name];
    } catch {
      // a global whose getter throws has nothing to settle
    }
  }
}

/** What {@link guardGlobals} gives a test file. */
export interface GlobalsGuard {
  /** Throws when a global or a built-in prototype differs from when the file started. */
  assertUnchanged(): void;
}

/**
 * Makes the calling test file fail when its tests change a global or a built-in prototype (for
 * example an `Object.prototype.hash` set through a parsed `__proto__`): the globals are recorded
 * before the file's first test and compared (then restored) after its last one.
 */
export function guardGlobals(): GlobalsGuard {
  let poisoning: Poisoning | undefined;
  beforeAll(async () => {
    settleGlobals();
    // The module records the pristine globals when it is first loaded, so it is loaded only now.
    poisoning = await import('@fast-check/poisoning');
  });
  afterAll(() => {
    if (!poisoning) return;
    try {
      poisoning.assertNoPoisoning(POISONING_OPTIONS);
    } finally {
      poisoning.restoreGlobals(POISONING_OPTIONS);
    }
  });
  return {
    assertUnchanged() {
      if (!poisoning) throw new Error('guardGlobals: call assertUnchanged() inside a test, after beforeAll has run.');
      poisoning.assertNoPoisoning(POISONING_OPTIONS);
    },
  };
}
