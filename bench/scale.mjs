// Scale: defineErrorRegistry over 1 000 / 10 000 / 100 000 codes, and validateCatalog (what
// `defender-errors locales check` runs) over 50 locales of 100 / 1 000 / 10 000 keys. Prints the
// time per item at each size and its ratio to the smallest size: linear growth keeps that ratio
// near 1. Even plain allocation and iteration get slower per item as the data outgrows the CPU
// caches, so each curve is printed next to a floor that does the same memory work unchecked, and
// the goals compare the growth with the floor's.
//
// Times are the fastest of several runs (noise from other processes only adds time).
//
//   node --expose-gc bench/scale.mjs            (after `pnpm build`)
import { strictEqual } from 'node:assert/strict';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { requireDist } from './lib/paths.mjs';
import { machine } from './lib/harness.mjs';
import { SuiteReport, formatNs, round } from './lib/report.mjs';

const { defineErrorRegistry } = await import(requireDist('core'));
const { validateCatalog } = await import(requireDist('i18n', 'tooling.js'));

const quick = process.argv.includes('--quick');
const report = new SuiteReport('scale');
report.note(`scale: ${machine()}${globalThis.gc ? '' : ' (run with --expose-gc for steadier numbers)'}`);

const gcPauses = [];
new PerformanceObserver((list) => gcPauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Runs `run()` `repeats` times after one warm-up. Returns the fastest wall time (on a shared machine
 * other processes only add time), the garbage-collection pauses inside that run, and the fastest CPU
 * time (user + system of the whole process, so background compilation and GC threads count too;
 * shown for information), all in ms.
 */
async function timeRuns(run, repeats) {
  let best;
  let bestCpu = Infinity;
  for (let index = 0; index <= repeats; index += 1) {
    globalThis.gc?.();
    await nextTick();
    const cpuStart = cpuNow();
    const start = performance.now();
    const result = run();
    const end = performance.now();
    const cpu = cpuNow() - cpuStart;
    await nextTick();
    await nextTick();
    const inside = gcPauses.filter((pause) => pause.startTime >= start && pause.startTime + pause.duration <= end + 1);
    const gcMs = inside.reduce((sum, pause) => sum + pause.duration, 0);
    gcPauses.length = 0;
    if (result === undefined) throw new Error('the run returned nothing');
    if (index === 0) continue;
    if (best === undefined || end - start < best.ms) best = { ms: end - start, gcMs };
    bestCpu = Math.min(bestCpu, cpu);
  }
  return { ...best, cpuMs: bestCpu };
}

// --- defineErrorRegistry -------------------------------------------------------------------
const KINDS = ['string', 'number'];
function registryDefinitions(count) {
  const definitions = {};
  for (let index = 0; index < count; index += 1) {
    const params = {};
    for (let param = 0; param < index % 3; param += 1) params[`param${param}`] = KINDS[(index + param) % 2];
    definitions[`ErrorCode${index}`] = index % 3 === 0 ? { status: 400 + (index % 100) } : { status: 400 + (index % 100), params };
  }
  return definitions;
}

// Warm-up: every size below is then measured with optimized code.
for (let round = 0; round < 30; round += 1) defineErrorRegistry(registryDefinitions(1_000));

/**
 * The allocation floor: the same objects and Map, built without any checking or freezing. Its
 * per-code time grows with size too (CPU caches, garbage collection of a larger heap); the
 * registry scales linearly when its growth stays close to this floor's.
 */
function allocationFloor(definitions) {
  const table = new Map();
  for (const code of Object.keys(definitions)) {
    const input = definitions[code];
    const paramKinds = { ...input.params };
    table.set(code, { code, status: input.status, params: Object.keys(paramKinds), retryable: input.status >= 500, paramKinds });
  }
  return table;
}
for (let round = 0; round < 30; round += 1) allocationFloor(registryDefinitions(1_000));

const registrySizes = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000];
const registryRows = [];
const floorRows = [];
for (const size of registrySizes) {
  const repeats = size >= 100_000 ? (quick ? 3 : 7) : quick ? 5 : 15;
  const definitions = registryDefinitions(size);
  const check = defineErrorRegistry(definitions);
  strictEqual(check.codes.length, size);
  strictEqual(check.getErrorDefinition(`ErrorCode${size - 1}`).code, `ErrorCode${size - 1}`);
  const { ms, gcMs, cpuMs } = await timeRuns(() => defineErrorRegistry(definitions), repeats);
  registryRows.push({ size, ms, gcMs, cpuMs, perItem: (ms * 1e6) / size, perItemCpu: (cpuMs * 1e6) / size });
  const floor = await timeRuns(() => allocationFloor(definitions), repeats);
  floorRows.push({ size, ms: floor.ms, gcMs: floor.gcMs, cpuMs: floor.cpuMs, perItem: (floor.ms * 1e6) / size, perItemCpu: (floor.cpuMs * 1e6) / size });
}

// --- validateCatalog -----------------------------------------------------------------------
const LOCALES = [
  'da-DK', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'sv-SE', 'nb-NO', 'fi-FI', 'pl-PL',
  'pt-BR', 'pt-PT', 'cs-CZ', 'sk-SK', 'hu-HU', 'ro-RO', 'bg-BG', 'el-GR', 'tr-TR', 'ru-RU',
  'uk-UA', 'he-IL', 'ar-SA', 'hi-IN', 'th-TH', 'vi-VN', 'id-ID', 'ms-MY', 'ja-JP', 'ko-KR',
  'zh-CN', 'zh-TW', 'et-EE', 'lv-LV', 'lt-LT', 'sl-SI', 'hr-HR', 'sr-Latn-RS', 'ca-ES', 'eu-ES',
  'gl-ES', 'is-IS', 'ga-IE', 'cy-GB', 'mt-MT', 'de-AT', 'de-CH', 'fr-CA', 'fr-BE', 'es-MX',
];
strictEqual(new Set(LOCALES).size, 50);

function sourceCatalog(keys) {
  const catalog = {};
  for (let index = 0; index < keys; index += 1) {
    catalog[`Code${index}.title`] = `Title number ${index}`;
    catalog[`Code${index}.message`] = index % 2 === 0 ? `Value {{value${index % 7}}} of item ${index} is invalid.` : `Received {{received}}, allowed {{allowed}} (entry ${index}).`;
  }
  return catalog;
}

function translatedCatalog(source, lng) {
  const catalog = {};
  for (const [key, value] of Object.entries(source)) catalog[key] = `[${lng}] ${value.replace('is invalid', 'er ugyldig')}`;
  return catalog;
}

/**
 * The iteration floor: visits what validateCatalog visits (every key both ways, every value once,
 * looking for `{{`), with no checks worth the name. Like the allocation floor above, it shows how
 * per-entry time grows with size on its own.
 */
function iterationFloor(catalogs, source) {
  let seen = 0;
  for (const [, messages] of catalogs) {
    for (const key of Object.keys(source)) if (Object.hasOwn(messages, key)) seen += 1;
    for (const key of Object.keys(messages)) {
      const value = messages[key];
      if (Object.hasOwn(source, key) && typeof value === 'string' && value.includes('{{')) seen += 1;
    }
  }
  return seen;
}

const keySizes = quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000];
const catalogRows = [];
const catalogFloorRows = [];
for (const pairs of keySizes) {
  const source = sourceCatalog(pairs / 2);
  const keys = Object.keys(source).length;
  const catalogs = LOCALES.map((lng) => [lng, translatedCatalog(source, lng)]);
  const validateAll = () => {
    let problems = 0;
    for (const [lng, messages] of catalogs) problems += validateCatalog(lng, messages, source).length;
    return problems;
  };
  strictEqual(validateAll(), 0, 'the generated catalogs are valid');
  if (pairs === keySizes[0]) for (let round = 0; round < 20; round += 1) validateAll();
  const repeats = keys >= 10_000 ? (quick ? 3 : 5) : quick ? 5 : 11;
  const { ms, gcMs, cpuMs } = await timeRuns(validateAll, repeats);
  const entries = 50 * keys;
  catalogRows.push({ size: `50 × ${keys}`, entries, ms, gcMs, cpuMs, perItem: (ms * 1e6) / entries, perItemCpu: (cpuMs * 1e6) / entries });
  if (pairs === keySizes[0]) for (let round = 0; round < 20; round += 1) iterationFloor(catalogs, source);
  const floor = await timeRuns(() => iterationFloor(catalogs, source), repeats);
  catalogFloorRows.push({ size: `50 × ${keys}`, entries, ms: floor.ms, gcMs: floor.gcMs, cpuMs: floor.cpuMs, perItem: (floor.ms * 1e6) / entries, perItemCpu: (floor.cpuMs * 1e6) / entries });
}

// A catalog with a problem in every entry: the report path must scale too.
const brokenSource = sourceCatalog(5_000);
const broken = Object.fromEntries(Object.keys(brokenSource).map((key) => [key, 'no placeholders here']));
const { ms: brokenMs } = await timeRuns(() => validateCatalog('da-DK', broken, brokenSource).length, quick ? 3 : 7);

const withRatio = (rows) => rows.map((row) => ({ ...row, ratio: row.perItem / rows[0].perItem, ratioCpu: row.perItemCpu / rows[0].perItemCpu }));
const registryTable = withRatio(registryRows);
const floorTable = withRatio(floorRows);
const catalogTable = withRatio(catalogRows);
const catalogFloorTable = withRatio(catalogFloorRows);
const ms = (value) => `${round(value)} ms`;
const times = (value) => `${round(value)}×`;
const curveColumns = (sizeLabel, itemLabel) => [
  { key: 'size', label: sizeLabel },
  { key: 'ms', label: 'total', format: ms },
  { key: 'perItem', label: `per ${itemLabel}`, format: formatNs },
  { key: 'ratio', label: '× smallest', format: times },
  { key: 'gcMs', label: 'GC pauses', format: ms },
  { key: 'perItemCpu', label: `per ${itemLabel} (CPU)`, format: formatNs },
  { key: 'ratioCpu', label: '× smallest (CPU)', format: times },
];
report.table('defineErrorRegistry(definitions)', curveColumns('codes', 'code'), registryTable);
report.table('allocation floor: the same Map and objects, unchecked and unfrozen', curveColumns('codes', 'code'), floorTable);
report.table('validateCatalog(lng, messages, en-US) over 50 locales', curveColumns('locales × keys', 'entry'), catalogTable);
report.table('iteration floor: the same keys and values visited, unchecked', curveColumns('locales × keys', 'entry'), catalogFloorTable);
report.note(`info: one locale of 10000 keys with a placeholder mismatch in every message entry: ${round(brokenMs)} ms`);

const last = (rows) => rows.at(-1);
/** The exponent k of time ∝ size^k between the smallest and the largest size (1 = linear, 2 = quadratic). */
const exponent = (rows, sizeOf) => Math.log(last(rows).ms / rows[0].ms) / Math.log(sizeOf(last(rows)) / sizeOf(rows[0]));
report.note(
  `info: growth exponent (time ∝ size^k): registry k = ${exponent(registryTable, (row) => row.size).toFixed(2)}, ` +
    `allocation floor k = ${exponent(floorTable, (row) => row.size).toFixed(2)}, validateCatalog k = ${exponent(catalogTable, (row) => row.entries).toFixed(2)}, ` +
    `iteration floor k = ${exponent(catalogFloorTable, (row) => row.entries).toFixed(2)}`,
);
report.goal(
  'registry-linear',
  'defineErrorRegistry: per-code time growth (largest ÷ smallest size) ÷ the allocation floor\'s growth',
  last(registryTable).ratio / last(floorTable).ratio,
  1.5,
  { unit: '×' },
);
report.goal(
  'catalog-linear',
  'validateCatalog: per-entry time growth (largest ÷ smallest size) ÷ the iteration floor\'s growth',
  last(catalogTable).ratio / last(catalogFloorTable).ratio,
  1.5,
  { unit: '×' },
);
report.finish();
