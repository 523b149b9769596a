// Where the workspace packages' built files are. The bench folder is not a workspace package, so it
// loads each package's dist by path, exactly as a consumer would load the published files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder of a workspace package (`core`, `i18n`, `node`, `browser`). */
export function packageDir(name) {
  return join(ROOT, 'packages', name);
}

/** The file URL of a built entry point, or `undefined` when the package is not built. */
export function distUrl(name, entry = 'index.js') {
  const file = join(packageDir(name), 'dist', entry);
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

/** The built entry point of a package; throws a readable error when it is not built. */
export function requireDist(name, entry = 'index.js') {
  const url = distUrl(name, entry);
  if (!url) throw new Error(`packages/${name}/dist/${entry} is missing: run \`pnpm build\` first.`);
  return url;
}

/** The ESM entry of the i18next that @defender-errors/i18n resolves (the same file it imports). */
export function i18nextUrl() {
  const dir = join(packageDir('i18n'), 'node_modules', 'i18next');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = manifest.exports?.['.']?.import?.default ?? manifest.module;
  return { url: pathToFileURL(join(dir, entry)).href, version: manifest.version, dir };
}

/** The en-US and da-DK catalogs, as shipped in locales/. */
export function loadCatalog(lng) {
  return JSON.parse(readFileSync(join(ROOT, 'locales', lng, 'errors.json'), 'utf8'));
}
