import type { ErrorCode } from '@defender-errors/core';
import type { CompiledCatalog } from './compiled-catalog';
import { NO_VALUES, readableValues, type Values } from './compiled-entry';
import { optionsLanguage } from './language-resolver';
import type { FormatArgs } from './types';

/** The translator's `format`: a code's message in the call's language, every placeholder filled. */
export function createFormat(catalog: CompiledCatalog, resolveLanguage: (lng?: unknown) => string) {
  const { tableOf, entriesForAnyCode, renderMessage } = catalog;
  const render = (code: unknown, values: Values, lng: unknown): string => {
    const table = tableOf(resolveLanguage(lng));
    // The table has own slots for registered codes only, so a hit means `code` is one.
    const entries = (typeof code === 'string' ? table.codes[code] : undefined) ?? entriesForAnyCode(table, code);
    return renderMessage(entries, values);
  };
  // Declared without a rest parameter so that a call allocates nothing before the lookup. The
  // fast path reads the options and parameters directly; only when a getter or Proxy trap of
  // theirs throws does the call render again from what can be read of them.
  const format = (code: unknown, params?: unknown, options?: { readonly lng?: unknown }): string => {
    const values = typeof params === 'object' && params !== null ? (params as Values) : NO_VALUES;
    try {
      return render(code, values, options === undefined ? undefined : options.lng);
    } catch {
      return render(code, readableValues(params), optionsLanguage(options));
    }
  };
  return format as <C extends ErrorCode>(code: C, ...args: FormatArgs<C>) => string;
}
