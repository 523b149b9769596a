import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKnownVulnerable, compareVersions, knownVulnerable, runtimeClosure } from '../lib/known-vulnerable.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const list = JSON.parse(readFileSync(path.join(root, 'security', 'known-vulnerable.json'), 'utf8')) as {
  advisories: { package: string; introduced: string; fixed: string; id: string }[];
};
const temp = mkdtempSync(path.join(tmpdir(), 'defender-errors-audit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A lockfile in pnpm's v9 layout with i18next at `version` (and its dependency) as the only runtime package. */
function lockfileWithI18next(version: string): string {
  const file = path.join(temp, `pnpm-lock-${version}.yaml`);
  writeFileSync(
    file,
    [
      "lockfileVersion: '9.0'",
      'snapshots:',
      `  i18next@${version}(typescript@5.9.3):`,
      '    dependencies:',
      "      '@babel/runtime': 7.27.0",
      "  '@babel/runtime@7.27.0': {}",
      '  negotiator@1.1.0: {}',
      '',
    ].join('\n'),
  );
  return file;
}

describe('the offline check of known-vulnerable runtime dependencies', () => {
  it('orders versions numerically, pre-releases before their release', () => {
    expect(compareVersions('26.10.0', '26.9.9')).toBeGreaterThan(0);
    expect(compareVersions('26.3.5', '26.3.5')).toBe(0);
    expect(compareVersions('26.3.5-beta.1', '26.3.5')).toBeLessThan(0);
  });

  it('keeps i18next below 26.3.5 in its list', () => {
    expect(knownVulnerable(['i18next@26.3.4'], list.advisories).length).toBeGreaterThan(0);
    expect(knownVulnerable(['i18next@26.3.5'], list.advisories)).toEqual([]);
  });

  it('follows runtime dependencies through the lockfile and finds a vulnerable version', () => {
    const result = checkKnownVulnerable(root, { lockfilePath: lockfileWithI18next('26.3.4') });
    expect(result.installed).toEqual(expect.arrayContaining(['i18next@26.3.4', '@babel/runtime@7.27.0']));
    expect(result.findings.map((finding: { id: string }) => finding.id)).toContain('i18next-26.3.5-skipOnVariables');
  });

  it('finds every runtime dependency of the published packages in the real lockfile, and none vulnerable', () => {
    const result = checkKnownVulnerable(root);
    for (const name of result.roots) expect(result.installed.some((entry: string) => entry.startsWith(`${name}@`))).toBe(true);
    expect(result.findings).toEqual([]);
  });

  it('does not follow what a package is not given at run time', () => {
    const closure = runtimeClosure({ snapshots: { 'a@1.0.0': { dependencies: { b: '2.0.0' } }, 'b@2.0.0': {}, 'c@3.0.0': {} } }, ['a']);
    expect(closure).toEqual(['a@1.0.0', 'b@2.0.0']);
  });

  it('fails the audit script on a vulnerable lockfile and passes it on the real one (offline)', () => {
    const script = path.join(root, 'security', 'audit.mjs');
    const bad = spawnSync(process.execPath, [script, '--offline', `--lockfile=${lockfileWithI18next('26.2.0')}`], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('i18next@26.2.0 is in a known-vulnerable range');
    const good = spawnSync(process.execPath, [script, '--offline'], { encoding: 'utf8' });
    expect(good.status, good.stderr).toBe(0);
  });
});
