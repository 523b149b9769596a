// Browser bytes. The budgets live in scripts/size/check.mjs (part of the test command); this suite
// records its numbers and adds reference points for i18next itself, measured the same way
// (esbuild, minified, tree-shaken, ESM, gzip level 9).
//
//   node bench/size.mjs            (after `pnpm build`)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT, i18nextUrl, loadCatalog } from './lib/paths.mjs';
import { SuiteReport, formatBytes } from './lib/report.mjs';

const report = new SuiteReport('size');
const checkScript = join(ROOT, 'scripts', 'size', 'check.mjs');
const budgetsFile = join(ROOT, 'scripts', 'size', 'budgets.json');
const bytes = (value) => (Number.isFinite(value) ? formatBytes(value) : '-');

/** Minified and gzipped bytes of an ESM entry bundled for the browser. */
async function bundleSize(contents, resolveDir) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const i18next = i18nextUrl();
const catalog = JSON.stringify(loadCatalog('en-US'));
const keyCount = Object.keys(loadCatalog('en-US')).length;
const references = [
  { label: `i18next ${i18next.version} alone (createInstance + init + t)`, ...(await bundleSize(`import { createInstance } from 'i18next'; const i = createInstance(); i.init({ lng: 'en-US' }); export const t = i.t;`, i18next.dir)) },
  {
    label: `i18next ${i18next.version} + the en-US catalog (${keyCount} keys)`,
    ...(await bundleSize(
      `import { createInstance } from 'i18next'; const i = createInstance(); i.init({ lng: 'en-US', resources: { 'en-US': { errors: ${catalog} } } }); export const t = i.t;`,
      i18next.dir,
    )),
  },
  { label: `the en-US catalog alone (${keyCount} keys, as an ES module)`, ...(await bundleSize(`export default ${catalog};`, ROOT)) },
];

if (existsSync(checkScript)) {
  let rows;
  let failed = false;
  try {
    rows = parseRows(execFileSync(process.execPath, [checkScript, '--json'], { encoding: 'utf8', cwd: ROOT }));
  } catch (error) {
    // check.mjs exits 1 when a budget is exceeded; its JSON is still on stdout.
    failed = true;
    rows = parseRows(String(error.stdout ?? ''));
  }
  report.table('scripts/size/check.mjs --json (gzip level 9; pages as Vite builds them, packages and locales with esbuild; i18next external in pages)', [
    { key: 'label', label: 'bundle' },
    { key: 'minified', label: 'minified', format: bytes },
    { key: 'gzip', label: 'gzip', format: bytes },
    { key: 'budget', label: 'budget', format: bytes },
    { key: 'result', label: 'result' },
  ], rows.map((row) => ({ ...row, result: row.ok ? 'ok' : row.error ? `FAIL: ${row.error}` : `over by ${row.gzip - row.budget} B` })));
  // The goals are the `goal` fields of budgets.json; its budgets are regression guards.
  const budgets = existsSync(budgetsFile) ? JSON.parse(readFileSync(budgetsFile, 'utf8')) : {};
  const pageScenario = budgets.pages?.scenarios?.find((scenario) => scenario.name.startsWith('page, typical use'));
  const pageGoal = pageScenario?.goal ?? 4000;
  const localeGoal = budgets.pages?.furtherLocaleGoal ?? budgets.locales?.goal ?? 1000;
  const page = rows.find((row) => row.label.startsWith('page, typical use'));
  const furtherLocales = rows.filter((row) => row.label.trim().startsWith('+ '));
  if (page) report.goal('page-bytes', 'page: core + i18n/lite + browser, one locale, i18next external (gzip)', page.gzip, pageGoal, { unit: ' B' });
  for (const row of furtherLocales) report.goal(`further-locale-${row.label.trim()}`, `each further locale (${row.label.trim()}) (gzip)`, row.gzip, localeGoal, { unit: ' B' });
  report.note(`info: goals from budgets.json (the typical page ${pageGoal} B, issue 14; each further locale ${localeGoal} B, issue 7); the budgets in the table are scripts/size's regression guards.`);
  if (failed) report.note('scripts/size/check.mjs reported a budget it does not meet (see the table).');
} else {
  report.note('scripts/size/check.mjs is missing: only the i18next reference points are measured.');
}
report.table('reference points (the same esbuild settings, i18next bundled)', [
  { key: 'label', label: 'bundle' },
  { key: 'minified', label: 'minified', format: bytes },
  { key: 'gzip', label: 'gzip', format: bytes },
], references);
report.finish();

/** The JSON array that check.mjs prints before its summary line. */
function parseRows(output) {
  const start = output.indexOf('[');
  const end = output.lastIndexOf(']');
  if (start === -1 || end === -1) throw new Error(`scripts/size/check.mjs printed no JSON:\n${output.slice(0, 500)}`);
  return JSON.parse(output.slice(start, end + 1));
}
