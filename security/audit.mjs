#!/usr/bin/env node
// Dependency audit for the test command:
//   1. Offline, always, and never skipped: the lockfile's versions of the published packages' runtime
//      dependencies (followed through their own dependencies) against security/known-vulnerable.json
//      (i18next < 26.3.5, negotiator < 0.6.1, ...). A match fails.
//   2. `pnpm audit --audit-level high` (all dependencies) and `pnpm audit --prod --audit-level high`:
//      any high or critical finding fails. When the audit endpoint cannot be reached or does not
//      answer audits (offline, a proxy or mirror without the audit API: pnpm's
//      ERR_PNPM_AUDIT_BAD_RESPONSE, HTTP 405, ENOTFOUND, ECONNREFUSED, ETIMEDOUT...), that is a loud
//      WARNING, not a failure: that half cannot be made here, and says so. `--offline` skips it;
//      `--lockfile=FILE` checks another lockfile (the tests use it).
// Exit code 0 = pass (possibly with the warning), 1 = fail.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkKnownVulnerable } from './lib/known-vulnerable.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UNREACHABLE = /ERR_PNPM_AUDIT_BAD_RESPONSE|\b405\b|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ERR_PNPM_FETCH|network|socket hang up/i;
const failures = [];
const warnings = [];

function audit(args) {
  const run = spawnSync('pnpm', ['audit', '--audit-level', 'high', '--json', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const label = `pnpm audit --audit-level high${args.length > 0 ? ` ${args.join(' ')}` : ''}`;
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  if (report?.error || run.error || (report === undefined && run.status !== 0)) {
    const reason = report?.error?.message ?? run.error?.message ?? output.trim().split('\n')[0];
    if (UNREACHABLE.test(`${report?.error?.code ?? ''} ${reason}`)) {
      warnings.push(`${label}: the audit endpoint could not be used, so this check was NOT made here (${reason.trim()})`);
      return undefined;
    }
    failures.push(`${label} failed: ${reason}`);
    return undefined;
  }
  const counts = report?.metadata?.vulnerabilities ?? {};
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`${label}: ${JSON.stringify(counts)}`);
  if (high > 0) {
    const advisories = Object.values(report.advisories ?? {})
      .filter((advisory) => advisory.severity === 'high' || advisory.severity === 'critical')
      .map((advisory) => `${advisory.module_name} ${advisory.vulnerable_versions}: ${advisory.title} (${advisory.url})`);
    failures.push(`${label}: ${high} high or critical finding(s):\n      ${advisories.join('\n      ')}`);
  }
  return counts;
}

const lockfileArgument = process.argv.find((argument) => argument.startsWith('--lockfile='));
const { roots, installed, findings } = checkKnownVulnerable(root, lockfileArgument ? { lockfilePath: path.resolve(lockfileArgument.slice('--lockfile='.length)) } : {});
console.log(`runtime dependencies in pnpm-lock.yaml (from ${roots.join(', ')}): ${installed.join(', ')}`);
if (installed.length === 0) failures.push('pnpm-lock.yaml resolves none of the runtime dependencies: the offline check would see nothing');
for (const finding of findings) failures.push(`${finding.installed} is in a known-vulnerable range (${finding.id}: ${finding.summary}; fixed in ${finding.fixed})`);
if (!process.argv.includes('--offline')) {
  audit(['--prod']);
  audit([]);
}

for (const warning of warnings) console.warn(`WARNING: ${warning}`);
if (failures.length > 0) {
  console.error(`dependency audit FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log(warnings.length > 0 ? 'dependency audit: no known-vulnerable runtime dependency; the registry audit could not be run here (see the warning).' : 'dependency audit passed: no known-vulnerable runtime dependency, no high or critical finding.');
