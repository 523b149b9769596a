#!/usr/bin/env node
// Size budgets (pnpm size): bundles each published package and each locale module with esbuild
// (minified, tree-shaken) and the page scenarios of issue 7 as Vite builds a page (Rollup 4,
// code-split, each chunk minified with esbuild), gzips what loads up front with node:zlib and
// compares it with scripts/size/budgets.json. A page scenario's `contains` / `excludes` name
// markers (budgets.json `pages.markers`) its up-front code must or must not hold: the page that
// calls only renderError holds neither the custom element nor its stylesheet. Prints a table;
// exits 1 when a budget is exceeded, a marker check fails or a bundle fails. Needs the packages'
// dist/ (run `pnpm build` first).
//
// Usage: node scripts/size/check.mjs [--json] [--why]
//   --json  print the rows as JSON instead of a table
//   --why   also print, for each page scenario, the bytes each source file contributes
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';
import { discoverPackages, workspaceRoot as root } from '../release/workspace.mjs';

const budgets = JSON.parse(readFileSync(path.join(root, 'scripts/size/budgets.json'), 'utf8'));
const printJson = process.argv.includes('--json');
const explain = process.argv.includes('--why');
const packages = discoverPackages();
const ENTRY_NAMESPACE = 'size-entry';

/** Splits `@scope/name/sub/path` into the package name and `./sub/path` (or `.`). */
function splitSpecifier(specifier) {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(nameLength).join('/');
  return { name: parts.slice(0, nameLength).join('/'), subpath: rest ? `./${rest}` : '.' };
}

/** Throws a readable error when a workspace package is missing or has not been built. */
function assertBuilt(name) {
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
async function measure({ imports, platform, bundle, external = [] }) {
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
  return { minified: output.contents.byteLength, gzip: gzipSync(output.contents, { level: 9 }).byteLength };
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
 * The bytes of one rendered module by the source file they come from. A package's dist file is
 * one esbuild bundle that starts each source file's code with a `// src/name.ts` comment (which
 * Rollup keeps); the code before the first such comment, or of a file without them, counts for
 * the dist file itself. Approximate: when tree-shaking drops the first statement of a source file,
 * its comment goes with it and the rest of that file counts for the file before it. Labels are
 * relative to the repository, without `packages/` (`i18n/src/validate.ts`, `locales/en-US/errors.json`).
 */
function sourceShares(id, rendered) {
  const distDir = path.dirname(id);
  const packageDir = path.dirname(distDir);
  const shares = new Map();
  const add = (label, bytes) => shares.set(label, (shares.get(label) ?? 0) + bytes);
  const markers = [...rendered.matchAll(/^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/gm)];
  const relative = (file) => path.relative(root, file).split(path.sep).join('/').replace(/^packages\//, '');
  add(relative(id), Buffer.byteLength(rendered.slice(0, markers[0]?.index ?? rendered.length)));
  markers.forEach((marker, index) => {
    const end = markers[index + 1]?.index ?? rendered.length;
    add(relative(path.resolve(packageDir, marker[1])), Buffer.byteLength(rendered.slice(marker.index, end)));
  });
  return shares;
}

/**
 * Bundles `imports` as Vite builds a page for production: Rollup 4 with code splitting (a lazy
 * `import()` becomes its own chunk that imports what it shares from the entry chunk), package
 * `sideEffects` honoured, every chunk minified with esbuild. Returns what loads up front: the entry
 * chunk and the chunks it imports statically, each gzipped on its own; `inputs` are the bytes each
 * module renders into those chunks before minification.
 */
async function measurePage({ imports, external }) {
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
        async renderChunk(code) {
          const result = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
          return { code: result.code, map: null };
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
  for (const fileName of upFront) {
    const chunk = chunks.get(fileName);
    code += chunk.code;
    minified += Buffer.byteLength(chunk.code);
    gzip += gzipSync(chunk.code, { level: 9 }).byteLength;
    for (const [id, { code: rendered }] of Object.entries(chunk.modules)) {
      for (const [label, bytes] of sourceShares(id, rendered ?? '')) inputs[label] = (inputs[label] ?? 0) + bytes;
    }
  }
  const lazyCode = [...chunks.keys()].filter((fileName) => !upFront.has(fileName)).map((fileName) => chunks.get(fileName).code).join('\n');
  return { minified, gzip, inputs, code, lazyCode };
}

/**
 * The locales a package publishes under `./locales/<lng>`: explicit export keys, plus the files a
 * `./locales/*` pattern matches in the built package.
 */
function localeNames(name) {
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

const rows = [];

/**
 * The names of `markers` (budgets.json `pages.markers`: a name -> a string only that code holds
 * after minification) whose presence in `code` differs from `expected`.
 */
function markerMismatches(code, names, expected) {
  return names.filter((name) => {
    const marker = pages.markers[name];
    if (typeof marker !== 'string') throw new Error(`no marker "${name}" in budgets.json pages.markers`);
    return code.includes(marker) !== expected;
  });
}

/**
 * What a page scenario's `contains` / `excludes` say it must or must not hold, checked on the code
 * that loads up front, and what `lazyContains` says its on-demand chunks hold; returns the problem,
 * or undefined.
 */
function contentProblem(scenario, code, lazyCode) {
  const notLazy = markerMismatches(lazyCode, scenario.lazyContains ?? [], true);
  if (notLazy.length > 0) return `loads no ${notLazy.join(', ')} on demand`;
  const missing = markerMismatches(code, scenario.contains ?? [], true);
  if (missing.length > 0) return `does not contain ${missing.join(', ')} (a marker in budgets.json is out of date?)`;
  const present = markerMismatches(code, scenario.excludes ?? [], false);
  if (present.length > 0) return `contains ${present.join(', ')}`;
  return undefined;
}

/** Records one measurement as a table row; a bundle that fails is a failed row. */
async function check(label, budget, run) {
  try {
    const size = await run();
    const ok = size.gzip <= budget && size.problem === undefined;
    rows.push({ label, minified: size.minified, gzip: size.gzip, budget, ok, inputs: size.inputs, error: size.problem });
  } catch (error) {
    rows.push({ label, minified: NaN, gzip: NaN, budget, ok: false, error: String(error.errors?.[0]?.text ?? error.message).split('\n')[0] });
  }
}

function failedRow(label, budget, error) {
  rows.push({ label, minified: NaN, gzip: NaN, budget, ok: false, error });
}

const budgetedNames = Object.keys(budgets.packages).filter((key) => !key.startsWith('$'));
// A package without a `.` export (a bin only, such as @defender-errors/cli) ships no code that an app imports.
const importable = (name) => Object.hasOwn(packages.get(name).manifest.exports ?? {}, '.') || packages.get(name).manifest.main !== undefined;
for (const name of packages.keys()) {
  if (!budgetedNames.includes(name) && importable(name)) failedRow(name, NaN, 'no budget in scripts/size/budgets.json');
}
for (const name of budgetedNames) {
  const { platform, budget } = budgets.packages[name];
  if (!packages.has(name)) {
    failedRow(name, budget, 'budgeted package not found under packages/');
    continue;
  }
  await check(`${name} (own code, ${platform})`, budget, () =>
    measure({ imports: { [name]: '*' }, platform, bundle: (candidate) => candidate === name }),
  );
}

const localePackage = budgets.locales.package;
let locales = [];
try {
  assertBuilt(localePackage);
  locales = localeNames(localePackage);
  if (locales.length === 0) failedRow(`${localePackage}/locales/*`, budgets.locales.budget, 'the package exports no locale modules');
} catch (error) {
  failedRow(`${localePackage}/locales/*`, budgets.locales.budget, error.message);
}
for (const lng of locales) {
  await check(`${localePackage}/locales/${lng}`, budgets.locales.budget, () =>
    measure({ imports: { [`${localePackage}/locales/${lng}`]: ['lng', 'messages'] }, platform: 'browser', bundle: () => true, external: budgets.locales.external ?? [] }),
  );
}

const pages = budgets.pages;
for (const scenario of pages.scenarios) {
  const options = { external: pages.external };
  let pageSize;
  const bundlesLocales = Object.keys(scenario.imports).some((specifier) => splitSpecifier(specifier).name === localePackage);
  const setting = bundlesLocales ? `${pages.bundledLocales.join(', ')}; ${pages.external.join(', ')} external` : `${pages.external.join(', ')} external`;
  await check(`${scenario.name} (${setting})`, scenario.budget, async () => {
    pageSize = await measurePage({ imports: scenario.imports, ...options });
    return { ...pageSize, problem: contentProblem(scenario, pageSize.code, pageSize.lazyCode) };
  });
  if (!scenario.furtherLocales) continue;
  for (const lng of locales.filter((candidate) => !pages.bundledLocales.includes(candidate))) {
    await check(`  + ${lng} bundled into that page`, pages.furtherLocaleBudget, async () => {
      if (!pageSize) throw new Error('the page itself did not bundle');
      const withLocale = await measurePage({ imports: { ...scenario.imports, [`${localePackage}/locales/${lng}`]: ['messages'] }, ...options });
      return { minified: withLocale.minified - pageSize.minified, gzip: withLocale.gzip - pageSize.gzip };
    });
  }
}

if (printJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  printTable(rows);
  if (explain) printInputs(rows.filter((row) => row.label.startsWith('page') && row.inputs));
}
const failed = rows.filter((row) => !row.ok);
console.log(`size: ${rows.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;

function printTable(tableRows) {
  const header = ['bundle', 'minified', 'gzip', 'budget', 'result'];
  const body = tableRows.map((row) => [
    row.label,
    Number.isNaN(row.minified) ? '-' : `${row.minified} B`,
    Number.isNaN(row.gzip) ? '-' : `${row.gzip} B`,
    Number.isNaN(row.budget) ? '-' : `${row.budget} B`,
    row.ok ? 'ok' : row.error ? `FAIL: ${row.error}` : `FAIL: ${row.gzip - row.budget} B over`,
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((line) => line[column].length)));
  const format = (line) =>
    line
      .map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of body) console.log(format(line));
}

function printInputs(pageRows) {
  for (const row of pageRows) {
    console.log(`\n${row.label}: bytes per source file as Rollup renders them (before minification; approximate, see sourceShares)`);
    const sorted = Object.entries(row.inputs).sort((a, b) => b[1] - a[1]);
    for (const [input, bytes] of sorted) if (bytes > 0) console.log(`  ${String(bytes).padStart(7)}  ${input}`);
  }
}
