// Cold start: from import('@defender-errors/node') to the first localized message, in fresh `node`
// processes, against i18next's own import + init + first t() in fresh processes. Several runs,
// scenarios interleaved, medians. @defender-errors/i18n is measured the same way, to show what the
// node adapter adds; and each package also on top of an already loaded i18next, in one process.
//
//   node bench/cold-start.mjs [--runs=N] [--quick]            (after `pnpm build`)
import { strictEqual } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { installBuiltPackages } from './lib/installed.mjs';
import { distUrl } from './lib/paths.mjs';
import { machine, median } from './lib/harness.mjs';
import { SuiteReport, round } from './lib/report.mjs';

const quick = process.argv.includes('--quick');
const runsArgument = process.argv.find((argument) => argument.startsWith('--runs='));
const runs = runsArgument ? Number(runsArgument.slice('--runs='.length)) : quick ? 7 : 21;
const child = fileURLToPath(new URL('./lib/cold-child.mjs', import.meta.url));
const report = new SuiteReport('cold-start');
const packages = distUrl('node') === undefined ? ['i18n'] : ['node', 'node-negotiated', 'i18n'];
/** The goal is checked for the packages; `node-negotiated` (a server's first request) is shown beside them. */
const GOAL_PACKAGES = new Set(['node', 'i18n']);
const title = (name) => (name === 'node-negotiated' ? `import('@defender-errors/node') → negotiateLocale(header) → describe(body)` : `import('@defender-errors/${name}') → describe(body, da-DK)`);
const install = installBuiltPackages(packages.includes('node') ? ['core', 'i18n', 'http', 'node'] : ['core', 'i18n']);
process.on('exit', install.remove);
report.note(`cold start: ${machine()}, i18next ${install.installed.get('i18next')}, ${runs} fresh processes per scenario (+1 discarded warm-up each), medians`);
report.note('The built packages are imported from a consumer-style install (a temporary folder with a flat node_modules of copies, as npm lays it out), not from the pnpm workspace.');
if (!packages.includes('node')) report.note('packages/node/dist is missing: measuring @defender-errors/i18n only.');

/** One fresh process: `scenario` is i18next, ours or both; `ourPackage` node or i18n. */
function runChild(scenario, ourPackage) {
  const output = execFileSync(process.execPath, [child, install.root, scenario, ourPackage], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(output.trim().split('\n').at(-1));
}

const scenarios = [['i18next', 'i18n'], ...packages.flatMap((name) => [['ours', name], ['both', name]])];
const keyOf = ([scenario, name]) => `${scenario}:${name}`;
const samples = Object.fromEntries(scenarios.map((scenario) => [keyOf(scenario), []]));
for (const scenario of scenarios) runChild(...scenario); // fills the OS file cache
for (let run = 0; run < runs; run += 1) {
  // Rotate the order so that no scenario always follows another one.
  for (let index = 0; index < scenarios.length; index += 1) {
    const scenario = scenarios[(index + run) % scenarios.length];
    const result = runChild(...scenario);
    strictEqual(result.message, 'Hashværdien 9f86d081884c7d65 er ugyldig.', `${keyOf(scenario)} rendered the wrong message`);
    samples[keyOf(scenario)].push(result);
  }
}

const summarize = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const row = (name, wall, cpu) => ({ name, ...summarize(wall), cpu: median(cpu) });
const i18nextSamples = samples['i18next:i18n'];
const baseline = row('i18next: import + createInstance + init + t()', i18nextSamples.map((sample) => sample.ms), i18nextSamples.map((sample) => sample.cpu));
const rows = [baseline];
const beyond = {};
for (const name of packages) {
  const ours = samples[`ours:${name}`];
  const both = samples[`both:${name}`];
  const oursRow = row(title(name), ours.map((sample) => sample.ms), ours.map((sample) => sample.cpu));
  rows.push(oursRow);
  rows.push(row(`  same, after the app's own i18next is loaded (one process)`, both.map((sample) => sample.split.ours), both.map((sample) => sample.split.oursCpu)));
  beyond[name] = { wall: oursRow.median - baseline.median, cpu: oursRow.cpu - baseline.cpu, onTop: median(both.map((sample) => sample.split.ours)) };
}
const ms = (value) => `${round(value)} ms`;
report.table('cold start (ms from the first import() to the first localized message; CPU = user + system of the process)', [
  { key: 'name', label: 'fresh process, timed part' },
  { key: 'median', label: 'median', format: ms },
  { key: 'min', label: 'min', format: ms },
  { key: 'max', label: 'max', format: ms },
  { key: 'cpu', label: 'CPU (median)', format: ms },
], rows);
for (const name of packages) {
  const label = name === 'node-negotiated' ? '@defender-errors/node with negotiateLocale' : `@defender-errors/${name}`;
  if (GOAL_PACKAGES.has(name)) report.goal(`cold-start-${name}`, `${label}: cold start beyond i18next's own import + init (difference of medians)`, beyond[name].wall, 10, { unit: ' ms' });
  else report.note(`info: ${label}: ${round(beyond[name].wall)} ms beyond i18next's own import + init (a server's first request; not a goal of its own).`);
  report.note(`info: ${label}: ${round(beyond[name].cpu)} ms more CPU time than i18next alone; ${round(beyond[name].onTop)} ms on top of an already loaded i18next.`);
}
report.finish();
