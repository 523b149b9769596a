import type { ErrorCode } from '@defender-errors/core';
import { compileTemplate } from './template';

/** Parameter values as a caller passed them (typed or not, possibly hostile). */
export type Values = Readonly<Record<string, unknown>>;

/** The values of a call that gives none. */
export const NO_VALUES: Values = Object.freeze({});

/**
 * A catalog entry compiled for one locale: literal texts around parameter slots, rendered by one
 * function for every entry (so that the call stays monomorphic and is inlined), or, for
 * `compile: false` and syntax the fast path leaves to i18next, i18next's own rendering.
 */
export interface CompiledEntry {
  readonly lng: string;
  /** The number of parameter slots, or -1 when i18next renders the entry. */
  readonly slots: number;
  /** The text before the first slot (all of it when there is no slot). */
  readonly head: string;
  /** The parameter of the first slot, and the text after it, for the common one-slot entry. */
  readonly name: string;
  readonly tail: string;
  /** Every slot: `texts[i]` comes before `names[i]`; the last text follows the last name. */
  readonly texts: readonly string[];
  readonly names: readonly string[];
  readonly viaI18next: ((values: Values, code: ErrorCode) => string) | undefined;
}

/** A code's entries in one locale; `null` marks one that neither the locale nor the fallback has. */
export interface CodeEntries {
  readonly code: ErrorCode;
  readonly message: CompiledEntry | null;
  readonly title: CompiledEntry | null;
  readonly hint: CompiledEntry | null;
  /** The code's parameter names (from the registry). */
  readonly params: readonly string[];
}

/**
 * A plain copy of `values` made without trusting it: each own enumerable value read once, one that
 * throws (a getter, a Proxy trap) left out, and nothing at all when the keys cannot be listed (a
 * revoked Proxy). Rendering reads `values` directly on the fast path and, only when that throws,
 * renders again from this copy, so such a value is shown as the missing stand-in.
 */
export function readableValues(values: unknown): Values {
  const copy: Record<string, unknown> = Object.create(null);
  let keys: string[];
  try {
    keys = typeof values === 'object' && values !== null ? Object.keys(values) : [];
  } catch {
    return copy;
  }
  for (const key of keys) {
    try {
      copy[key] = (values as Values)[key];
    } catch {
      // unreadable: shown as missing
    }
  }
  return copy;
}

/** An entry rendered by its literal texts and slots; undefined when the fast path leaves it to i18next. */
export function compileSlots(lng: string, template: string): CompiledEntry | undefined {
  const compiled = compileTemplate(template);
  if (!compiled) return undefined;
  const texts: string[] = [''];
  const names: string[] = [];
  for (const part of compiled.parts) {
    if ('text' in part) {
      texts[texts.length - 1] += part.text;
    } else {
      names.push(part.param);
      texts.push('');
    }
  }
  return { lng, slots: names.length, head: texts[0] as string, name: names[0] ?? '', tail: texts[1] ?? '', texts, names, viaI18next: undefined };
}

/** An entry that i18next's `t()` renders. */
export function i18nextEntry(lng: string, viaI18next: (values: Values, code: ErrorCode) => string): CompiledEntry {
  return { lng, slots: -1, head: '', name: '', tail: '', texts: [], names: [], viaI18next };
}
