#!/usr/bin/env node
// Dependency audit for the test command:
//   1. `pnpm audit --audit-level high` (all dependencies) and `pnpm audit --prod --audit-level high`:
//      any high or critical finding fails. When the audit endpoint cannot be reached or does not
//      answer audits (offline, a proxy or mirror without the audit API: pnpm's
//      ERR_PNPM_AUDIT_BAD_RESPONSE, ENOTFOUND, ECONNREFUSED, ETIMEDOUT...), that is a loud WARNING,
//      not a failure: the check cannot be made here, and says so.
//   2. Every i18next the lockfile resolves is at least 26.3.5 (GHSA-6jcc-5g8w-32mx was fixed in
//      26.3.4, the skipOnVariables/escapeValue variable leak in 26.3.5): checked offline, always.
// Exit code 0 = pass (possibly with the warning), 1 = fail.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_I18NEXT = [26, 3, 5];
const UNREACHABLE = /ERR_PNPM_AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ERR_PNPM_FETCH|network|socket hang up/i;
const failures = [];
const warnings = [];

function compareVersions(a, b) {
  for (let index = 0; index < 3; index += 1) if (a[index] !== b[index]) return a[index] - b[index];
  return 0;
}

/** Every `i18next@x.y.z` the lockfile resolves. */
function lockedI18nextVersions() {
  const lock = readFileSync(path.join(root, 'pnpm-lock.yaml'), 'utf8');
  return [...new Set([...lock.matchAll(/^ {2}'?i18next@(\d+)\.(\d+)\.(\d+)/gm)].map((match) => match.slice(1, 4).map(Number).join('.')))];
}

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

const versions = lockedI18nextVersions();
console.log(`i18next versions in pnpm-lock.yaml: ${versions.join(', ') || 'none'} (minimum ${MIN_I18NEXT.join('.')})`);
if (versions.length === 0) failures.push('pnpm-lock.yaml resolves no i18next at all');
for (const version of versions) {
  if (compareVersions(version.split('.').map(Number), MIN_I18NEXT) < 0) failures.push(`i18next ${version} is below ${MIN_I18NEXT.join('.')} (GHSA-6jcc-5g8w-32mx and the skipOnVariables variable leak)`);
}
audit(['--prod']);
audit([]);

for (const warning of warnings) console.warn(`WARNING: ${warning}`);
if (failures.length > 0) {
  console.error(`dependency audit FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log(warnings.length > 0 ? 'dependency audit: i18next versions ok; the registry audit could not be run here (see the warning).' : 'dependency audit passed: no high or critical findings; i18next versions ok.');
