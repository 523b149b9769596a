#!/usr/bin/env node
// The benchmark suite of issue 7 (`pnpm bench` builds the packages first, then runs this). Each
// suite runs in a fresh `node` process, one after the other; at the end every goal is listed with
// its measured value. BENCHMARKS.md records a run and the goals.
//
// Usage: node bench/run.mjs [--quick] [--only=throughput,throughput-warm,parse,cold-start,scale,size,react,import-scale]
//                           [--json=file] [--markdown=file] [--strict]
//   --quick     shorter runs (numbers are noisier; for checking that the suite works)
//   --only      run only the named suites
//   --json      also write every table, goal and note as JSON to that file
//   --markdown  also write every table, goal and note as Markdown (the tables of BENCHMARKS.md)
//   --strict  exit 1 when a goal is missed (by default only a suite that fails exits non-zero)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './lib/harness.mjs';
import { round } from './lib/report.mjs';

const SUITES = {
  throughput: { file: 'throughput.mjs', nodeArgs: [] },
  'throughput-warm': { file: 'throughput.mjs', nodeArgs: [], args: ['--warm'] },
  parse: { file: 'parse.mjs', nodeArgs: [] },
  'cold-start': { file: 'cold-start.mjs', nodeArgs: [] },
  scale: { file: 'scale.mjs', nodeArgs: ['--expose-gc'] },
  size: { file: 'size.mjs', nodeArgs: [] },
  react: { file: 'react.mjs', nodeArgs: [] },
  'import-scale': { file: 'import-scale.mjs', nodeArgs: [] },
};

const args = process.argv.slice(2);
const option = (name) => args.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const only = option('only')?.split(',').map((name) => name.trim()) ?? Object.keys(SUITES);
const unknown = only.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`bench: unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'defender-errors-bench-'));
const startedAt = new Date();
console.log(`defender-errors benchmarks — ${startedAt.toISOString()}\n${machine()}\nsuites: ${only.join(', ')}${quick ? ' (quick)' : ''}`);

const results = [];
const failures = [];
try {
  for (const name of only) {
    const suite = SUITES[name];
    const resultFile = join(scratch, `${name}.json`);
    console.log(`\n━━ ${name} ━━`);
    const child = spawnSync(process.execPath, [...suite.nodeArgs, join(benchDir, suite.file), ...(suite.args ?? []), ...(quick ? ['--quick'] : [])], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_RESULT_FILE: resultFile },
    });
    if (child.status !== 0) {
      failures.push(`${name} exited with ${child.status ?? child.signal}`);
      continue;
    }
    results.push(JSON.parse(readFileSync(resultFile, 'utf8')));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const goals = results.flatMap((result) => result.goals.map((goal) => ({ suite: result.suite, ...goal })));
console.log('\n━━ goals ━━');
for (const goal of goals) {
  const sign = goal.better === 'lower' ? '≤' : '≥';
  console.log(`${goal.ok ? 'PASS' : 'MISS'}  [${goal.suite}] ${goal.description}: ${round(goal.measured)}${goal.unit} (goal ${sign} ${round(goal.limit)}${goal.unit})`);
}
for (const failure of failures) console.log(`FAIL  ${failure}`);
const missed = goals.filter((goal) => !goal.ok).length;
console.log(`\n${goals.length - missed} of ${goals.length} goals met${failures.length > 0 ? `; ${failures.length} suite(s) failed` : ''}.`);

const jsonFile = option('json');
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ startedAt: startedAt.toISOString(), machine: machine(), quick, results, failures }, null, 2));
  console.log(`results written to ${jsonFile}`);
}
const markdownFile = option('markdown');
if (markdownFile) {
  writeFileSync(markdownFile, markdown());
  console.log(`Markdown written to ${markdownFile}`);
}
process.exitCode = failures.length > 0 || (strict && missed > 0) ? 1 : 0;

/** Every table, note and goal of the run as Markdown. */
function markdown() {
  const escape = (text) => String(text).replaceAll('|', '\\|');
  const lines = [`Run of ${startedAt.toISOString()} on ${machine()}${quick ? ' (quick)' : ''}.`, ''];
  for (const result of results) {
    lines.push(`### ${result.suite}`, '');
    for (const note of result.notes) lines.push(`- ${escape(note)}`);
    lines.push('');
    for (const table of result.tables) {
      lines.push(`**${escape(table.title)}**`, '');
      lines.push(`| ${table.header.map(escape).join(' | ')} |`);
      lines.push(`|${table.header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
      for (const cells of table.cells) lines.push(`| ${cells.map(escape).join(' | ')} |`);
      lines.push('');
    }
  }
  lines.push('### goals', '', '| result | suite | goal | measured | limit |', '| --- | --- | --- | ---: | ---: |');
  for (const goal of goals) {
    const sign = goal.better === 'lower' ? '≤' : '≥';
    lines.push(`| ${goal.ok ? 'met' : '**missed**'} | ${goal.suite} | ${escape(goal.description)} | ${round(goal.measured)}${goal.unit} | ${sign} ${round(goal.limit)}${goal.unit} |`);
  }
  lines.push('');
  return lines.join('\n');
}
