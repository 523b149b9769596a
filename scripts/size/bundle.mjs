// The bundles the size check measures: a package or a locale module on its own (esbuild, minified,
// tree-shaken) and a page as Vite builds one (Rollup 4, code-split, each chunk minified with
// esbuild), both resolving workspace packages through their published `exports` and `dist`.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';
import { discoverPackages, workspaceRoot as root } from '../release/workspace.mjs';

/** Gzip size in bytes of `code` (a string or bytes) at level 9, as every budget counts. */
export function gzipSize(code) {
  return gzipSync(code, { level: 9 }).byteLength;
}

/** Minifies one page chunk with esbuild, as Vite does after Rollup has rendered it. */
export async function minifyChunk(code) {
  return (await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' })).code;
}

/** The publishable workspace packages, by name. */
export const packages = discoverPackages();
const ENTRY_NAMESPACE = 'size-entry';

/** Splits `@scope/name/sub/path` into the package name and `./sub/path` (or `.`). */
export function splitSpecifier(specifier) {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(nameLength).join('/');
  return { name: parts.slice(0, nameLength).join('/'), subpath: rest ? `./${rest}` : '.' };
}

/** Throws a readable error when a workspace package is missing or has not been built. */
export function assertBuilt(name) {
  const pkg = packages.get(name);
  if (!pkg) throw new Error(`${name} is not a publishable package under packages/`);
  if (!existsSync(path.join(pkg.dir, 'dist'))) {
    throw new Error(`${name} has no dist/ (${path.relative(root, pkg.dir)}): run \`pnpm build\` first`);
  }
}

/** `i18next` matches `i18next` and `i18next/sub`. */
function matchesExternal(pattern, specifier) {
  return specifier === pattern || specifier.startsWith(`${pattern}/`);
}

/**
 * esbuild plugin: resolves a workspace package through its own `exports` map (a package
 * self-reference from its folder), so the built `dist` files that get published are what is
 * measured. Other bare imports are external unless `bundle(name)` says otherwise.
 */
function workspacePlugin({ bundle, external }) {
  return {
    name: 'workspace-packages',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.selfReference) return undefined;
        if (external.some((pattern) => matchesExternal(pattern, args.path))) return { path: args.path, external: true };
        const { name } = splitSpecifier(args.path);
        if (!bundle(name)) return { path: args.path, external: true };
        const pkg = packages.get(name);
        if (!pkg) return undefined;
        assertBuilt(name);
        const result = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: pkg.dir, pluginData: { selfReference: true } });
        if (result.errors.length > 0) return { errors: result.errors };
        return { path: result.path, sideEffects: result.sideEffects };
      });
    },
  };
}

/** Serves the generated entry module to esbuild (code splitting needs an entry point, not stdin). */
function entryPlugin(contents) {
  return {
    name: ENTRY_NAMESPACE,
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^size-entry$/ }, () => ({ path: 'entry.js', namespace: ENTRY_NAMESPACE }));
      pluginBuild.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, () => ({ contents, resolveDir: root, loader: 'js' }));
    },
  };
}

/** The entry module: `export { a, b } from 'x'` for named imports, `export * as nN from 'x'` for "*". */
function entrySource(imports) {
  return Object.entries(imports)
    .map(([specifier, names], index) =>
      names === '*' ? `export * as n${index} from ${JSON.stringify(specifier)};` : `export { ${names.join(', ')} } from ${JSON.stringify(specifier)};`,
    )
    .join('\n');
}

/**
 * Bundles `imports` into one minified, tree-shaken ES module with esbuild (a package or a locale
 * module on its own: other packages are external, so nothing is split off) and returns its size.
 */
export async function measure({ imports, platform, bundle, external = [] }) {
  const result = await build({
    entryPoints: ['size-entry'],
    absWorkingDir: root,
    outfile: path.join(root, 'scripts/size/.out/entry.js'),
    write: false,
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    // No tsconfig.json: a package's `paths` (to its src, for its own tests) must not reroute
    // resolution away from the dist that is published.
    tsconfigRaw: {},
    plugins: [entryPlugin(entrySource(imports)), workspacePlugin({ bundle, external })],
  });
  const [output] = result.outputFiles;
  if (result.outputFiles.length !== 1 || !output) throw new Error(`expected one output file, found ${result.outputFiles.length}`);
  return { minified: output.contents.byteLength, gzip: gzipSize(output.contents) };
}

/** The file an `exports` entry maps `subpath` to (`./locales/*` patterns included), or undefined. */
function exportedFile({ dir, manifest }, subpath) {
  const exportsMap = manifest.exports ?? {};
  let target = exportsMap[subpath];
  if (target === undefined) {
    for (const [key, value] of Object.entries(exportsMap)) {
      const star = key.indexOf('*');
      if (star === -1 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
      const middle = subpath.slice(star, subpath.length - (key.length - star - 1));
      const pattern = importTarget(value);
      target = pattern?.replace('*', middle);
      break;
    }
  }
  const file = importTarget(target);
  return file === undefined ? undefined : path.join(dir, file);
}

/**
 * The code of one rendered module by the source file it comes from, as `[label, text]` pairs. A
 * package's dist file is one esbuild bundle that starts each source file's code with a
 * `// src/name.ts` comment (which Rollup keeps); the code before the first such comment, or of a
 * file without them, counts for the dist file itself. Approximate: when tree-shaking drops the
 * first statement of a source file, its comment goes with it and the rest of that file counts for
 * the file before it. Labels are relative to the repository, without `packages/`
 * (`i18n/src/validate.ts`, `locales/en-US/errors.json`).
 */
function sourceSegments(id, rendered) {
  const distDir = path.dirname(id);
  const packageDir = path.dirname(distDir);
  const markers = [...rendered.matchAll(/^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/gm)];
  const relative = (file) => path.relative(root, file).split(path.sep).join('/').replace(/^packages\//, '');
  const segments = [[relative(id), rendered.slice(0, markers[0]?.index ?? rendered.length)]];
  markers.forEach((marker, index) => {
    const end = markers[index + 1]?.index ?? rendered.length;
    segments.push([relative(path.resolve(packageDir, marker[1])), rendered.slice(marker.index, end)]);
  });
  return segments.filter(([, text]) => text.length > 0);
}

/**
 * Bundles `imports` as Vite builds a page for production: Rollup 4 with code splitting (a lazy
 * `import()` becomes its own chunk that imports what it shares from the entry chunk), package
 * `sideEffects` honoured, every chunk minified with esbuild. Returns what loads up front: the entry
 * chunk and the chunks it imports statically, each gzipped on its own; `inputs` are the bytes each
 * source file renders into those chunks before minification, `upFrontChunks` those chunks before
 * minification with each source file's code (for `inContextCosts`), `code` / `lazyCode` the
 * minified code loaded up front / on demand.
 */
export async function measurePage({ imports, external }) {
  const rawCode = new Map();
  const bundle = await rollup({
    input: ENTRY_NAMESPACE,
    external: (id) => external.some((pattern) => matchesExternal(pattern, id)),
    onwarn: () => {},
    plugins: [
      {
        name: 'size-entry',
        resolveId: (id) => (id === ENTRY_NAMESPACE ? id : null),
        load: (id) => (id === ENTRY_NAMESPACE ? entrySource(imports) : null),
      },
      {
        name: 'workspace-packages',
        resolveId(id) {
          const { name, subpath } = splitSpecifier(id);
          const pkg = packages.get(name);
          if (!pkg) return null;
          assertBuilt(name);
          const file = exportedFile(pkg, subpath);
          if (!file || !existsSync(file)) throw new Error(`${id} is not exported by ${name} (or not built)`);
          return { id: file, moduleSideEffects: pkg.manifest.sideEffects !== false };
        },
      },
      {
        name: 'minify',
        async renderChunk(code, chunk) {
          rawCode.set(chunk.fileName, code); // the preliminary name (hash placeholders), as in the output's preliminaryFileName
          return { code: await minifyChunk(code), map: null };
        },
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const upFront = new Set();
  const queue = [entries[0].fileName];
  while (queue.length > 0) {
    const fileName = queue.shift();
    if (upFront.has(fileName)) continue;
    upFront.add(fileName);
    queue.push(...chunks.get(fileName).imports.filter((imported) => chunks.has(imported)));
  }
  let minified = 0;
  let gzip = 0;
  let code = '';
  const inputs = {};
  const upFrontChunks = [];
  for (const fileName of upFront) {
    const chunk = chunks.get(fileName);
    const chunkGzip = gzipSize(chunk.code);
    code += chunk.code;
    minified += Buffer.byteLength(chunk.code);
    gzip += chunkGzip;
    const segments = new Map();
    for (const [id, { code: rendered }] of Object.entries(chunk.modules)) {
      for (const [label, text] of sourceSegments(id, rendered ?? '')) {
        inputs[label] = (inputs[label] ?? 0) + Buffer.byteLength(text);
        segments.set(label, [...(segments.get(label) ?? []), text]);
      }
    }
    upFrontChunks.push({ raw: rawCode.get(chunk.preliminaryFileName), gzip: chunkGzip, segments });
  }
  const lazyCode = [...chunks.keys()].filter((fileName) => !upFront.has(fileName)).map((fileName) => chunks.get(fileName).code).join('\n');
  return { minified, gzip, inputs, upFrontChunks, code, lazyCode };
}

/**
 * The locales a package publishes under `./locales/<lng>`: explicit export keys, plus the files a
 * `./locales/*` pattern matches in the built package.
 */
export function localeNames(name) {
  const { dir, manifest } = packages.get(name);
  const locales = new Set();
  for (const [key, target] of Object.entries(manifest.exports ?? {})) {
    if (!key.startsWith('./locales/')) continue;
    if (!key.includes('*')) {
      locales.add(key.slice('./locales/'.length));
      continue;
    }
    const pattern = importTarget(target);
    if (!pattern) continue;
    const [before, after] = pattern.split('*');
    const slash = before.lastIndexOf('/');
    const folder = path.join(dir, before.slice(0, slash + 1));
    const prefix = before.slice(slash + 1);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (file.startsWith(prefix) && file.endsWith(after)) locales.add(file.slice(prefix.length, file.length - after.length));
    }
  }
  return [...locales].sort();
}

/** The `import` (or `browser`/`default`) target of an exports entry. */
function importTarget(target) {
  if (typeof target === 'string') return target;
  if (target && typeof target === 'object') {
    for (const condition of ['import', 'browser', 'default']) {
      if (condition in target) return importTarget(target[condition]);
    }
  }
  return undefined;
}
