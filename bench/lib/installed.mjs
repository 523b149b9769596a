// A consumer's install of the built packages for the cold-start suite: a temporary folder whose flat
// node_modules holds copies of the packages' package.json + dist and of every runtime dependency, as
// npm lays them out. Importing from the workspace instead would time Node resolving bare imports
// through pnpm's symlinked node_modules (≈2-3 ms more per package), which no installed app pays.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir } from './paths.mjs';

const WORKSPACE_SCOPE = '@defender-errors/';

function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** Where Node would find `name` from a package in `fromDir`: the nearest `node_modules/<name>` above it. */
function findDependency(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`cannot find ${name} from ${fromDir}`);
  }
}

/**
 * Installs the workspace packages `names` (`core`, `i18n`, `http`, `node`) and their dependencies and peers into a new
 * temporary folder. Returns the folder and `remove()`.
 */
export function installBuiltPackages(names) {
  const root = mkdtempSync(join(tmpdir(), 'defender-errors-bench-'));
  const modules = join(root, 'node_modules');
  const installed = new Map();
  const pending = [];
  for (const name of names) {
    const dir = packageDir(name);
    if (!existsSync(join(dir, 'dist'))) throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first.`);
    const manifest = readManifest(dir);
    const target = join(modules, manifest.name);
    mkdirSync(target, { recursive: true });
    cpSync(join(dir, 'package.json'), join(target, 'package.json'));
    cpSync(join(dir, 'dist'), join(target, 'dist'), { recursive: true });
    installed.set(manifest.name, manifest.version);
    pending.push({ dir, manifest });
  }
  while (pending.length > 0) {
    const { dir, manifest } = pending.shift();
    // Peers too, as npm 7 and later install them (i18next is a peer of i18n, http and node).
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (dependency.startsWith(WORKSPACE_SCOPE) || installed.has(dependency)) continue;
      const source = findDependency(dependency, dir);
      const dependencyManifest = readManifest(source);
      cpSync(source, join(modules, dependency), { recursive: true, dereference: true });
      installed.set(dependency, dependencyManifest.version);
      pending.push({ dir: source, manifest: dependencyManifest });
    }
  }
  return { root, installed, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The file URL of an installed package's ESM entry (`exports["."].import`), as `import(name)` resolves it. */
export function installedEntryUrl(root, name) {
  const dir = join(root, 'node_modules', name);
  const manifest = readManifest(dir);
  let target = manifest.exports?.['.'] ?? manifest.module ?? manifest.main;
  while (target && typeof target === 'object') target = target.import ?? target.default;
  if (typeof target !== 'string') throw new Error(`${name} has no ESM entry`);
  return pathToFileURL(join(dir, target)).href;
}
