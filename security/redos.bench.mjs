#!/usr/bin/env node
// ReDoS benchmark: feeds 16, 32 and 64 KiB adversarial inputs to every function of the shipped
// source that runs a regular expression (found by lib/regex-inventory.mjs, reached through the
// entry points of lib/redos-targets.mjs), and to each regex literal on its own. Records the worst
// time per function against the 5 ms goal.
//
//   node security/redos.bench.mjs            measure, print, write security/reports/redos.json
//   node security/redos.bench.mjs --record   also rewrite the table in SECURITY.md
//
// Exit codes: 0 ok; 1 when a regex-using function is not covered by a target, a call threw, an
// entry point grows super-linearly (its worst time at 64 KiB is over the 5 ms goal and more than
// SUPERLINEAR_RATIO times its worst at 16 KiB: linear work grows 4x, quadratic 16x), or a worst
// time is over the hard limit (REDOS_FAIL_MS, default 1000 ms). Linear entry points over the 5 ms
// goal are warnings: a shared 2-core CI machine adds noise, and they are listed in SECURITY.md.
// KNOWN_SUPERLINEAR entries (each with its reason and fix) are reported but never fail the run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADVERSARIAL_FAMILIES, KNOWN_SUPERLINEAR, SIZES, loadTargets } from './lib/redos-targets.mjs';
import { regexInventory, regexUsingFunctions, repositoryRoot } from './lib/regex-inventory.mjs';

const GOAL_MS = 5;
const FAIL_MS = Number(process.env.REDOS_FAIL_MS ?? 1000);
const SUPERLINEAR_RATIO = 8;
const REPEATS = 3;
const record = process.argv.includes('--record');

/** Regex-using functions that only run in a browser (DOM classes at module scope): measured as bare regexes. */
const BROWSER_ONLY = (key) => key.startsWith('packages/browser/');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timeCall(run, payload) {
  const samples = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const start = performance.now();
    await run(payload);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A regex literal of the inventory as a RegExp, or undefined when it is built at run time. */
function literalRegex(text) {
  const match = /^\/(.+)\/([dgimsuvy]*)$/s.exec(text);
  if (!match) return undefined;
  try {
    return new RegExp(match[1], match[2]);
  } catch {
    return undefined;
  }
}

function runRegex(regex, input) {
  if (regex.global) return input.replace(regex, '');
  regex.lastIndex = 0;
  return regex.exec(input);
}

const problems = [];
const inventory = regexInventory();
const targets = await loadTargets();
const covered = new Set(targets.flatMap((target) => target.covers));
const uncovered = regexUsingFunctions().filter((key) => !covered.has(key) && !BROWSER_ONLY(key));
for (const key of uncovered) problems.push(`no benchmark target runs ${key}: add it to security/lib/redos-targets.mjs`);

const families = Object.entries(ADVERSARIAL_FAMILIES);
const functionResults = [];
for (const target of targets) {
  await target.run('warm up 1,000 {{x}} da-DK'); // JIT and lazy caches, outside the measurement
  let worst = { ms: 0, family: '', size: 0 };
  const bySize = new Map(SIZES.map((size) => [size, 0]));
  for (const [family, make] of families) {
    for (const size of SIZES) {
      const payload = make(size);
      let ms;
      try {
        ms = await timeCall(target.run, payload);
      } catch (error) {
        problems.push(`${target.name} threw on "${family}" (${size} chars): ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      bySize.set(size, Math.max(bySize.get(size), ms));
      if (ms > worst.ms) worst = { ms, family, size };
    }
  }
  const growth = bySize.get(SIZES.at(-1)) / Math.max(bySize.get(SIZES[0]), 0.001);
  const superlinear = bySize.get(SIZES.at(-1)) > GOAL_MS && growth > SUPERLINEAR_RATIO;
  functionResults.push({ name: target.name, covers: target.covers, worst, worstBySize: Object.fromEntries(bySize), growth, superlinear, known: KNOWN_SUPERLINEAR[target.name] });
}

const regexResults = [];
for (const entry of inventory) {
  const regex = literalRegex(entry.source);
  if (!regex) continue;
  let worst = { ms: 0, family: '' };
  for (const [family, make] of families) {
    const payload = make(SIZES.at(-1));
    const ms = await timeCall((input) => runRegex(regex, input), payload);
    if (ms > worst.ms) worst = { ms, family };
  }
  regexResults.push({ where: `${entry.file}:${entry.line}`, source: entry.source, users: entry.users, worst });
}

const format = (ms) => `${ms.toFixed(3)} ms`;
console.log(`ReDoS benchmark: ${targets.length} entry points covering ${covered.size} regex-using functions, ${families.length} input families x ${SIZES.map((size) => `${size / 1024} KiB`).join('/')} (median of ${REPEATS}), Node ${process.version}`);
console.log('\nWorst time per entry point (all its inputs):');
for (const result of functionResults) {
  const flag = result.known ? 'KNOWN' : result.worst.ms > FAIL_MS || result.superlinear ? 'FAIL' : result.worst.ms > GOAL_MS ? 'over goal' : 'ok';
  console.log(`  ${flag.padEnd(9)} ${format(result.worst.ms).padStart(11)}  ${result.name}  (worst: "${result.worst.family}", ${result.worst.size / 1024} KiB; 16/32/64 KiB worst: ${SIZES.map((size) => result.worstBySize[size].toFixed(2)).join(' / ')} ms, growth x${result.growth.toFixed(1)})`);
  if (result.known) console.log(`            known: ${result.known}`);
  else if (result.worst.ms > FAIL_MS) problems.push(`${result.name}: ${format(result.worst.ms)} on "${result.worst.family}" is over the ${FAIL_MS} ms limit`);
  else if (result.superlinear) problems.push(`${result.name}: grows x${result.growth.toFixed(1)} from 16 to 64 KiB (super-linear; worst "${result.worst.family}")`);
}
const slowestRegex = regexResults.reduce((slowest, result) => (result.worst.ms > slowest.worst.ms ? result : slowest), regexResults[0]);
console.log(`\nEach of the ${regexResults.length} regex literals on its own, 64 KiB inputs: worst ${format(slowestRegex.worst.ms)} (${slowestRegex.source} at ${slowestRegex.where}, "${slowestRegex.worst.family}")`);
for (const result of regexResults) {
  if (result.worst.ms > FAIL_MS) problems.push(`regex ${result.source} at ${result.where}: ${format(result.worst.ms)} on "${result.worst.family}"`);
}
const overGoal = functionResults.filter((result) => result.worst.ms > GOAL_MS && result.worst.ms <= FAIL_MS && !result.superlinear);
if (overGoal.length > 0) console.log(`\nwarning: ${overGoal.length} entry point(s) over the ${GOAL_MS} ms goal (not a failure below ${FAIL_MS} ms): ${overGoal.map((result) => result.name).join('; ')}`);

const report = {
  node: process.version,
  date: new Date().toISOString(),
  goalMs: GOAL_MS,
  failMs: FAIL_MS,
  sizes: SIZES,
  families: families.map(([name]) => name),
  functions: functionResults,
  regexes: regexResults,
  uncovered,
};
const reportDir = path.join(repositoryRoot, 'security', 'reports');
mkdirSync(reportDir, { recursive: true });
writeFileSync(path.join(reportDir, 'redos.json'), `${JSON.stringify(report, null, 2)}\n`);

if (record) {
  const file = path.join(repositoryRoot, 'SECURITY.md');
  const text = readFileSync(file, 'utf8');
  const verdict = (result) => (result.superlinear ? (result.known ? 'super-linear (known)' : 'super-linear') : result.worst.ms > GOAL_MS ? 'over goal (linear)' : 'ok');
  const rows = functionResults.map((result) => `| ${result.name} | ${result.worst.ms.toFixed(2)} | ${SIZES.map((size) => result.worstBySize[size].toFixed(2)).join(' / ')} | x${result.growth.toFixed(1)} | ${result.worst.family} | ${verdict(result)} |`);
  const table = [
    `<!-- redos:start (written by \`node security/redos.bench.mjs --record\`, ${report.date.slice(0, 10)}, Node ${process.version}) -->`,
    '| Entry point (regex-using functions it runs: see security/lib/redos-targets.mjs) | Worst ms | Worst ms at 16 / 32 / 64 KiB | Growth 16 -> 64 KiB | Worst input family | Verdict |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
    '',
    `Every regex literal on its own (${regexResults.length}), 64 KiB inputs: worst ${slowestRegex.worst.ms.toFixed(2)} ms (\`${slowestRegex.source}\`, ${slowestRegex.where}).`,
    '<!-- redos:end -->',
  ].join('\n');
  const updated = text.replace(/<!-- redos:start[\s\S]*?<!-- redos:end -->/, () => table);
  if (updated === text && !text.includes(table)) problems.push('SECURITY.md has no <!-- redos:start --> ... <!-- redos:end --> block to record into');
  writeFileSync(file, updated);
  console.log('\nrecorded in SECURITY.md');
}

if (problems.length > 0) {
  console.error(`\nReDoS benchmark FAILED:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
const unknownWorst = Math.max(...functionResults.filter((result) => !result.known).map((result) => result.worst.ms));
console.log(`\nReDoS benchmark passed: worst ${format(unknownWorst)} outside the known issues (goal ${GOAL_MS} ms, limit ${FAIL_MS} ms).`);
