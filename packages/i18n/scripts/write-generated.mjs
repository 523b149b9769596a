// Writes a folder of generated files atomically: everything goes into a temporary folder beside the
// target, which then replaces it by rename, so that a task reading the folder while another
// generates it sees either the old files or the new ones, never a half-written or missing file.
// A folder whose files are already exactly these is left untouched (no rebuild for watchers).
// Used by this package's generator and by @defender-errors/browser's (scripts/generate-loaders.mjs).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

/** Every file below `dir`, as forward-slash paths relative to it. */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function hasExactly(dir, files) {
  if (!existsSync(dir)) return false;
  const names = listFiles(dir);
  return names.length === Object.keys(files).length && names.every((name) => Object.hasOwn(files, name) && readFileSync(join(dir, name), 'utf8') === files[name]);
}

/**
 * Makes `outDir` hold exactly `files` (`{ "relative/path.ts": "content" }`). Returns whether it changed.
 */
export function writeGeneratedFolder(outDir, files) {
  if (hasExactly(outDir, files)) return false;
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const temp = mkdtempSync(join(parent, `.${basename(outDir)}-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(temp, name)), { recursive: true });
      writeFileSync(join(temp, name), content);
    }
    const previous = `${temp}-previous`;
    const hadPrevious = existsSync(outDir);
    if (hadPrevious) renameSync(outDir, previous);
    renameSync(temp, outDir);
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return true;
}
