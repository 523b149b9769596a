#!/usr/bin/env node
// Mutation testing (Stryker 9, vitest runner) of the parsing, readers, locale negotiation and
// placeholder filling modules, with the 85% goal checked per module. Slow on 2 cores (minutes to
// a quarter of an hour per module): not part of the test command. Run from the repository root.
//
//   node security/mutation.mjs                         run Stryker on every module, then summarize
//   node security/mutation.mjs --module locale         run only the modules whose name holds "locale"
//   node security/mutation.mjs --report-only           summarize the last run of each module
//
// Each module is its own Stryker run (`--mutate` of its files), and its report is kept as
// security/reports/mutation/<module>.json, so one module can be run again without the others.
// The summary goes to stdout, security/reports/mutation/summary.md and security/MUTATION.md (tracked).
//
// The summary gives, per module, the date of its run, the mutants, how many the tests detected
// (killed or timed out), the survivors and the score (detected / (detected + survived + no
// coverage)), then lists every survivor: those judged equivalent (security/mutation-equivalents.mjs
// says why) and the others, which need a test. Exit code 1 when a module scores under 85%, has no
// report, or Stryker fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EQUIVALENT_MUTANTS } from './mutation-equivalents.mjs';
import { MODULES } from './stryker.config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const reportsDir = path.join(here, 'reports', 'mutation');
const GOAL = 85;

/** The file name of a module's report: its name in lowercase letters, digits and dashes, at most 60 characters. */
const reportFileOf = (name) => path.join(reportsDir, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}.json`);

const args = process.argv.slice(2);
const wanted = args.flatMap((arg, index) => (args[index - 1] === '--module' ? [arg.toLowerCase()] : []));
const selected = Object.keys(MODULES).filter((name) => wanted.length === 0 || wanted.some((part) => name.toLowerCase().includes(part)));
if (selected.length === 0) {
  console.error(`no module matches ${wanted.map((part) => JSON.stringify(part)).join(', ')}; the modules are:\n${Object.keys(MODULES).join('\n')}`);
  process.exit(2);
}
if (!args.includes('--report-only')) {
  for (const name of selected) {
    console.log(`\n== Stryker: ${name}`);
    const run = spawnSync(path.join(here, 'node_modules', '.bin', 'stryker'), ['run', 'security/stryker.config.mjs', '--mutate', MODULES[name].join(',')], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`stryker exited with ${run.status ?? run.signal} on ${name}`);
      process.exit(1);
    }
    copyFileSync(path.join(reportsDir, 'mutation.json'), reportFileOf(name));
  }
}

/** A module's last report, or undefined when it was never run here. */
function reportOf(name) {
  const file = reportFileOf(name);
  if (!existsSync(file)) return undefined;
  return { ...JSON.parse(readFileSync(file, 'utf8')), ranOn: statSync(file).mtime.toISOString().slice(0, 10) };
}

/** The reason a survivor is judged equivalent, or undefined. Matched on file, mutator, replacement and the line's text (lines move). */
function equivalence(file, mutant, text) {
  const entry = EQUIVALENT_MUTANTS.find(
    (candidate) => candidate.file === file && candidate.mutator === mutant.mutatorName && (candidate.replacement === undefined || candidate.replacement === mutant.replacement) && text.includes(candidate.lineIncludes),
  );
  return entry?.reason;
}

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
let failed = false;
say(`# Mutation testing (Stryker 9, vitest runner), summarized ${new Date().toISOString().slice(0, 10)}`);
say();
say('Written by `pnpm mutation` (security/mutation.mjs), one Stryker run per module. Property suites are capped at 500 runs per property under mutation (security/stryker.setup.mjs), so these scores are a lower bound of what the 10 000-run suites detect. "equivalent" survivors are judged in security/mutation-equivalents.mjs; the others have no test that kills them yet.');
for (const [name, files] of Object.entries(MODULES)) {
  const report = reportOf(name);
  say();
  if (report === undefined) {
    failed = true;
    say(`## ${name}: not run (no ${path.relative(root, reportFileOf(name))}; run \`node security/mutation.mjs --module ...\`)`);
    continue;
  }
  const sourceLine = (file, line) => (report.files[file]?.source ?? '').split('\n')[line - 1]?.trim() ?? '';
  const counts = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
  const survivors = [];
  for (const file of files) {
    for (const mutant of report.files[file]?.mutants ?? []) {
      counts.mutants += 1;
      if (mutant.status === 'Killed') counts.killed += 1;
      else if (mutant.status === 'Timeout') counts.timeout += 1;
      else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        counts[mutant.status === 'Survived' ? 'survived' : 'noCoverage'] += 1;
        const text = sourceLine(file, mutant.location.start.line);
        survivors.push({ file, mutant, text, reason: equivalence(file, mutant, text) });
      } else counts.other += 1;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  const score = valid === 0 ? 0 : (100 * detected) / valid;
  const equivalents = survivors.filter((survivor) => survivor.reason !== undefined);
  const adjusted = valid - equivalents.length === 0 ? 100 : (100 * detected) / (valid - equivalents.length);
  if (counts.mutants === 0 || score < GOAL) failed = true;
  say(`## ${name}: ${score.toFixed(2)}% (${score >= GOAL ? 'meets' : 'UNDER'} the ${GOAL}% goal), run of ${report.ranOn}`);
  say(`${counts.mutants} mutants: ${counts.killed} killed, ${counts.timeout} timed out, ${counts.survived} survived, ${counts.noCoverage} without coverage, ${counts.other} not valid (compile or runtime errors, ignored). Without the ${equivalents.length} judged equivalent: ${adjusted.toFixed(2)}%.`);
  for (const { file, mutant, text, reason } of survivors) {
    const where = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
    const change = `${mutant.mutatorName}: ${JSON.stringify(text).slice(0, 140)} -> ${JSON.stringify(mutant.replacement ?? '').slice(0, 80)}`;
    say(`- ${reason === undefined ? 'NOT equivalent (needs a test)' : 'equivalent'} ${mutant.status === 'NoCoverage' ? '(no coverage) ' : ''}${where} ${change}${reason === undefined ? '' : `\n  why: ${reason}`}`);
  }
}
writeFileSync(path.join(reportsDir, 'summary.md'), `${lines.join('\n')}\n`);
// The tracked copy: the scores and every survivor with its verdict, for SECURITY.md to point to.
writeFileSync(path.join(here, 'MUTATION.md'), `${lines.join('\n')}\n`);
if (failed) {
  console.error(`\nmutation testing: a module is under the ${GOAL}% goal or was not run`);
  process.exit(1);
}
console.log(`\nmutation testing: every module meets the ${GOAL}% goal (summary in security/reports/mutation/summary.md)`);
