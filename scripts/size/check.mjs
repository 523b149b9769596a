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
//   --why   also print, for each page scenario, what each source file costs it: its rendered bytes and
//           the gzip bytes the page would lose without it (in context)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot as root } from '../release/workspace.mjs';
import { assertBuilt, localeNames, measure, measurePage, packages, splitSpecifier } from './bundle.mjs';
import { inContextCosts } from './contribution.mjs';

const budgets = JSON.parse(readFileSync(path.join(root, 'scripts/size/budgets.json'), 'utf8'));
const printJson = process.argv.includes('--json');
const explain = process.argv.includes('--why');

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
    rows.push({ label, minified: size.minified, gzip: size.gzip, budget, ok, inputs: size.inputs, costs: size.costs, error: size.problem });
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
    const costs = explain ? Object.fromEntries(await inContextCosts(pageSize.upFrontChunks)) : undefined;
    return { ...pageSize, costs, problem: contentProblem(scenario, pageSize.code, pageSize.lazyCode) };
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
    console.log(`\n${row.label}: what each source file costs the page`);
    console.log('  rendered: its bytes as Rollup renders them, before minification (approximate, see sourceSegments in scripts/size/bundle.mjs)');
    console.log('  in context: the gzip bytes the page loses without it (see scripts/size/contribution.mjs)');
    console.log(`  ${'rendered'.padStart(8)}  ${'in context'.padStart(10)}  source`);
    const sorted = Object.entries(row.inputs).sort((a, b) => (row.costs?.[b[0]] ?? b[1]) - (row.costs?.[a[0]] ?? a[1]));
    for (const [input, bytes] of sorted) {
      const cost = row.costs?.[input];
      const inContext = cost === undefined || Number.isNaN(cost) ? '-' : `${cost} B`;
      console.log(`  ${`${bytes} B`.padStart(8)}  ${inContext.padStart(10)}  ${input}`);
    }
  }
}
