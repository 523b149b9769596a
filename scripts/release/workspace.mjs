// Shared by the release and size scripts: where the workspace is and which packages it publishes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/release/). */
export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The publishable workspace packages: every `packages/<dir>/package.json` that is not private,
 * sorted by folder name.
 * @param {string} [root] the workspace to look in
 * @returns {Map<string, { dir: string, manifest: Record<string, any> }>} package name -> folder and manifest
 */
export function discoverPackages(root = workspaceRoot) {
  const packagesDir = path.join(root, 'packages');
  const found = new Map();
  const folders = readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const manifestPath = path.join(packagesDir, folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private === true) continue;
    found.set(manifest.name, { dir: path.join(packagesDir, folder), manifest });
  }
  return found;
}
