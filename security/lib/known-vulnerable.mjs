// The offline half of the dependency audit: pnpm's audit endpoint does not answer on every machine
// (HTTP 405 from some registries), so the lockfile is also checked against a list of known-vulnerable
// ranges kept in the repository. This part needs no network and cannot be skipped.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Compares two `x.y.z` versions (a pre-release tag sorts before its release). */
export function compareVersions(left, right) {
  const [leftCore, leftPre] = String(left).split('-', 2);
  const [rightCore, rightPre] = String(right).split('-', 2);
  const a = leftCore.split('.').map(Number);
  const b = rightCore.split('.').map(Number);
  for (let index = 0; index < 3; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (leftPre === rightPre) return 0;
  if (leftPre === undefined) return 1;
  if (rightPre === undefined) return -1;
  return leftPre < rightPre ? -1 : 1;
}

/** `name@version(peer…)` -> `{ name, version }` (scoped names keep their leading `@`). */
function splitKey(key) {
  const at = key.indexOf('@', 1);
  const peers = key.indexOf('(', at);
  const version = key.slice(at + 1, peers === -1 ? undefined : peers);
  return { name: key.slice(0, at), version };
}

/**
 * Every `name@version` installed for `roots` (the runtime dependencies of the published packages),
 * with their own dependencies followed through the lockfile's `snapshots`.
 */
export function runtimeClosure(lockfile, roots) {
  const snapshots = lockfile.snapshots ?? {};
  const byName = new Map();
  for (const key of Object.keys(snapshots)) {
    const { name } = splitKey(key);
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  const seen = new Set();
  const queue = roots.flatMap((name) => byName.get(name) ?? []);
  while (queue.length > 0) {
    const key = queue.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = snapshots[key] ?? {};
    for (const [name, version] of Object.entries({ ...entry.dependencies, ...entry.optionalDependencies })) {
      if (name === 'typescript') continue; // an optional peer of i18next, not shipped to users
      queue.push(`${name}@${version}`);
    }
  }
  return [...new Set([...seen].map((key) => {
    const { name, version } = splitKey(key);
    return `${name}@${version}`;
  }))].sort();
}

/** The names of the `dependencies` and `peerDependencies` (not workspace ones) of every published package. */
export function publishedRuntimeDependencies(root) {
  const names = new Set();
  const packagesDir = path.join(root, 'packages');
  for (const folder of readdirSync(packagesDir)) {
    const manifestPath = path.join(packagesDir, folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (!String(range).startsWith('workspace:')) names.add(name);
    }
  }
  return [...names].sort();
}

/** The entries of `advisories` that match one of `installed` (`name@version` strings). */
export function knownVulnerable(installed, advisories) {
  const findings = [];
  for (const entry of installed) {
    const { name, version } = splitKey(entry);
    for (const advisory of advisories) {
      if (advisory.package !== name) continue;
      if (compareVersions(version, advisory.introduced) >= 0 && compareVersions(version, advisory.fixed) < 0) {
        findings.push({ installed: entry, ...advisory });
      }
    }
  }
  return findings;
}

/** Runs the whole offline check for a repository: what is installed, and what of it is known to be vulnerable. */
export function checkKnownVulnerable(root, { lockfilePath = path.join(root, 'pnpm-lock.yaml'), listPath = path.join(root, 'security', 'known-vulnerable.json') } = {}) {
  const lockfile = parse(readFileSync(lockfilePath, 'utf8'));
  const { advisories } = JSON.parse(readFileSync(listPath, 'utf8'));
  const roots = publishedRuntimeDependencies(root);
  const installed = runtimeClosure(lockfile, roots);
  return { roots, installed, findings: knownVulnerable(installed, advisories) };
}
