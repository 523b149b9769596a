import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SOURCE_LOCALE } from '@defender-errors/i18n';

/** The locale every other locale is checked against. */
export { SOURCE_LOCALE };

/** The file name of the `errors` namespace inside a locale folder (i18next layout `locales/{lng}/{ns}.json`). */
export const CATALOG_FILE = 'errors.json';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `dir` holds `en-US/errors.json`, i.e. is a locales folder. */
export function isLocalesDir(dir: string): boolean {
  return isFile(join(dir, SOURCE_LOCALE, CATALOG_FILE));
}

/**
 * The repository's `locales/` folder: walks up from `cwd` to the first directory holding
 * `locales/en-US/errors.json`. `undefined` when there is none up to the root.
 */
export function findLocalesDir(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (isLocalesDir(join(dir, 'locales'))) return join(dir, 'locales');
    if (dirname(dir) === dir) return undefined;
  }
}

/** The outcome of {@link resolveLocalesDir}: the folder, or why there is none. */
export type LocalesDirResult = { readonly dir: string } | { readonly error: string };

/**
 * The locales folder a command works on: `given` (relative to `cwd`), which may be the locales
 * folder itself or a folder holding `locales/`; without `given`, {@link findLocalesDir}.
 */
export function resolveLocalesDir(given: string | undefined, cwd: string): LocalesDirResult {
  if (given === undefined) {
    const found = findLocalesDir(cwd);
    return found === undefined
      ? { error: `no locales/${SOURCE_LOCALE}/${CATALOG_FILE} found in ${cwd} or any folder above it; give the locales folder as an argument` }
      : { dir: found };
  }
  const dir = resolve(cwd, given);
  if (isLocalesDir(dir)) return { dir };
  if (isLocalesDir(join(dir, 'locales'))) return { dir: join(dir, 'locales') };
  return {
    error: existsSync(dir)
      ? `'${given}' is not a locales folder: it has no ${SOURCE_LOCALE}/${CATALOG_FILE} (nor locales/${SOURCE_LOCALE}/${CATALOG_FILE})`
      : `'${given}' does not exist`,
  };
}

/** `path` as the user should read it: relative to `cwd` when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === '' ? '.' : fromCwd.startsWith(`..${sep}`) || fromCwd === '..' || isAbsolute(fromCwd) ? path : fromCwd;
}

/** Whether `child` is strictly inside `parent` (both absolute; compare real paths to see through symlinks). */
export function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/**
 * The namespaces besides `errors` that en-US has (`demo.json`: the demo's interface text), as file
 * names; every locale must have each of them with the same keys and placeholders.
 */
export async function otherNamespaceFiles(localesDir: string): Promise<string[]> {
  const names = await readdir(join(localesDir, SOURCE_LOCALE)).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.json') && name !== CATALOG_FILE).sort();
}
