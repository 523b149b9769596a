import type { ErrorCode } from '@defender-errors/core';
import type { CompiledCatalog } from './compiled-catalog';
import { NO_VALUES, readableValues, type Values } from './compiled-entry';
import { optionsLanguage } from './language-resolver';
import type { FormatArgs } from './types';

/** The translator's `format`: a code's message in the call's language, every placeholder filled. */
export function createFormat(catalog: CompiledCatalog, resolveLanguage: (lng?: unknown) => string) {
  const { tableOf, entriesForAnyCode, renderMessage } = catalog;
  // Declared without a rest parameter so that a call allocates nothing before the lookup.
  const format = (code: unknown, params?: unknown, options?: unknown): string => {
    const table = tableOf(resolveLanguage(options === undefined ? undefined : optionsLanguage(options)));
    const values = typeof params === 'object' && params !== null ? (params as Values) : NO_VALUES;
    // The table has own slots for registered codes only, so a hit means `code` is one.
    const entries = (typeof code === 'string' ? table.codes[code] : undefined) ?? entriesForAnyCode(table, code);
    try {
      return renderMessage(entries, values);
    } catch {
      // a getter or Proxy trap of `params` threw: render from what can be read of them
      return renderMessage(entries, readableValues(params));
    }
  };
  return format as <C extends ErrorCode>(code: C, ...args: FormatArgs<C>) => string;
}
