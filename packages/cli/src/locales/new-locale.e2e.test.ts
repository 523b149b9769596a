import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { wireMessage } from '@defender-errors/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_LOCALES, REPO_ROOT } from './fixtures/io';

// A new locale needs no code change: `locales add <tag>`, translate, build, and every package speaks
// it. The tag is chosen at run time among the reserved ones (qaa-qtz, "for local use") so that it is
// never a real language and never one locales/ already has. This builds @defender-errors/i18n from a
// temporary copy (never the real dist) with the repository's own build command, then runs the built
// http, node, cli (and browser) packages against it.

const run = promisify(execFile);
const danish = JSON.parse(readFileSync(join(REPO_LOCALES, 'da-DK', 'errors.json'), 'utf8')) as Record<string, string>;
const REAL_I18N = join(REPO_ROOT, 'packages', 'i18n');
const REAL_NODE = join(REPO_ROOT, 'packages', 'node');
const REAL_CLI = join(REPO_ROOT, 'packages', 'cli');
const REAL_BROWSER = join(REPO_ROOT, 'packages', 'browser');
const TSUP = join(REPO_ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js');
const REAL_HTTP = join(REPO_ROOT, 'packages', 'http');

/** A reserved language tag (qaa-qtz) that locales/ does not have: the new locale of this test. */
const TAG = ['qaa', 'qab', 'qac', 'qad', 'qae'].find((tag) => !readdirSync(REPO_LOCALES).some((name) => name.toLowerCase() === tag)) ?? 'qaf';
/** What the "translation" puts before each en-US text, so that every test can tell the new locale's text. */
const PREFIX = `«${TAG}» `;
const SOURCE = JSON.parse(readFileSync(join(REPO_LOCALES, 'en-US', 'errors.json'), 'utf8')) as Record<string, string>;
const EXPECTED_LOCALES = ['en-US', ...readdirSync(REPO_LOCALES).filter((name) => name !== 'en-US' && existsSync(join(REPO_LOCALES, name, 'errors.json'))).sort(), TAG];

/** A message of the new locale: the en-US text with the prefix, parameters filled in. */
function expected(key: string, params: Readonly<Record<string, string>> = {}): string {
  return PREFIX + (SOURCE[key] ?? '').replace(/\{\{(\w+)\}\}/g, (match, name: string) => params[name] ?? match);
}

let tmp = '';
let realDistHash = '';

function hashOf(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';
}

/** A package folder in the temporary tree whose node_modules link each dependency to `targets`. */
function linkDependencies(packageDir: string, targets: Readonly<Record<string, string>>): void {
  for (const [name, target] of Object.entries(targets)) {
    const link = join(packageDir, 'node_modules', ...name.split('/'));
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
}

function dependencyOf(packageDir: string, name: string): string {
  return realpathSync(join(packageDir, 'node_modules', ...name.split('/')));
}

/** Every runtime and peer dependency of a workspace package, as the real folders it has installed. */
function installedDependencies(packageDir: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const names = Object.keys({ ...manifest['dependencies'], ...manifest['peerDependencies'] });
  return Object.fromEntries(names.map((name) => [name, dependencyOf(packageDir, name)]));
}

/** Runs an ES module script placed in `dir` (so that its bare imports resolve from there) and parses its JSON output. */
async function runScript(dir: string, source: string): Promise<Record<string, unknown>> {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  const { stdout } = await run(process.execPath, [file], { cwd: dir, timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  realDistHash = hashOf(join(REAL_I18N, 'dist', 'index.js'));
  tmp = mkdtempSync(join(tmpdir(), 'defender-new-locale-'));
  cpSync(REPO_LOCALES, join(tmp, 'locales'), { recursive: true });
  // The doc's steps: `locales add`, then translate every entry (here: the prefix instead of the marker).
  await run(process.execPath, [join(REAL_CLI, 'dist', 'cli.js'), 'locales', 'add', TAG], { cwd: join(tmp, 'locales'), env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, timeout: 60_000 });
  // Every namespace it scaffolded (errors.json, demo.json) is translated.
  const scaffolded = readdirSync(join(tmp, 'locales', TAG));
  expect(scaffolded.sort()).toEqual(readdirSync(join(REPO_LOCALES, 'en-US')).filter((name) => name.endsWith('.json')).sort());
  for (const name of scaffolded) {
    const draftFile = join(tmp, 'locales', TAG, name);
    const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as Record<string, string>;
    const filled = Object.fromEntries(Object.entries(draft).map(([key, text]) => [key, text.replace(`[TODO ${TAG}] `, PREFIX)]));
    writeFileSync(draftFile, `${JSON.stringify(filled, null, 2)}\n`);
  }

  for (const file of ['tsup.base.ts', 'tsconfig.base.json']) copyFileSync(join(REPO_ROOT, file), join(tmp, file));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
  const i18n = join(tmp, 'packages', 'i18n');
  for (const folder of ['src', 'scripts']) {
    cpSync(join(REAL_I18N, folder), join(i18n, folder), { recursive: true, filter: (path) => !path.includes(`${sep}generated`) });
  }
  for (const file of ['package.json', 'tsconfig.json', 'tsup.config.ts']) copyFileSync(join(REAL_I18N, file), join(i18n, file));
  symlinkSync(realpathSync(join(REAL_I18N, 'node_modules')), join(i18n, 'node_modules'), 'dir');

  // The package's own build script: generate from locales/, then tsup.
  const env = { ...process.env, DEFENDER_ERRORS_LOCALES_DIR: join(tmp, 'locales') };
  const generated = await run(process.execPath, [join(i18n, 'scripts', 'generate-locales.mjs')], { cwd: i18n, env, timeout: 60_000 });
  expect(generated.stdout).toContain(TAG);
  // Generous: in CI this build shares two cores with every other package's tests.
  await run(process.execPath, [TSUP], { cwd: i18n, env, timeout: 240_000 });

  // node answers through http, which renders with i18n: both are linked to the temporary build.
  const http = join(tmp, 'packages', 'http');
  cpSync(join(REAL_HTTP, 'dist'), join(http, 'dist'), { recursive: true });
  copyFileSync(join(REAL_HTTP, 'package.json'), join(http, 'package.json'));
  linkDependencies(http, { ...installedDependencies(REAL_HTTP), '@defender-errors/i18n': i18n });
  const node = join(tmp, 'packages', 'node');
  cpSync(join(REAL_NODE, 'dist'), join(node, 'dist'), { recursive: true });
  copyFileSync(join(REAL_NODE, 'package.json'), join(node, 'package.json'));
  linkDependencies(node, { ...installedDependencies(REAL_NODE), '@defender-errors/i18n': i18n, '@defender-errors/http': http });

  const cli = join(tmp, 'packages', 'cli');
  cpSync(join(REAL_CLI, 'dist'), join(cli, 'dist'), { recursive: true });
  copyFileSync(join(REAL_CLI, 'package.json'), join(cli, 'package.json'));
  linkDependencies(cli, {
    ...installedDependencies(REAL_CLI),
    '@defender-errors/i18n': i18n,
    '@defender-errors/node': node,
    '@defender-errors/http': http,
  });

  if (existsSync(join(REAL_BROWSER, 'dist', 'index.js'))) {
    const browser = join(tmp, 'packages', 'browser');
    cpSync(join(REAL_BROWSER, 'dist'), join(browser, 'dist'), { recursive: true });
    copyFileSync(join(REAL_BROWSER, 'package.json'), join(browser, 'package.json'));
    linkDependencies(browser, { '@defender-errors/i18n': i18n, '@defender-errors/core': dependencyOf(REAL_BROWSER, '@defender-errors/core') });
  }
}, 300_000);

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('a locale added as a folder, with no code change', () => {
  it('is bundled by @defender-errors/i18n: SUPPORTED_LOCALES, resources, its subpath module, ESM and CJS', async () => {
    const result = await runScript(
      join(tmp, 'packages', 'i18n'),
      `import { createRequire } from 'node:module';
       import { SUPPORTED_LOCALES, createErrorTranslator, resources } from '@defender-errors/i18n';
       import { lng, messages } from '@defender-errors/i18n/locales/${TAG}';
       const cjs = createRequire(import.meta.url)('@defender-errors/i18n');
       const translator = createErrorTranslator();
       const described = translator.describe({ error: { code: 'ResourceNotFound', message: "Resource Machine 42 wasn't found", target: 't-1' } }, { lng: '${TAG}-FI' });
       console.log(JSON.stringify({
         supported: SUPPORTED_LOCALES,
         cjsSupported: cjs.SUPPORTED_LOCALES,
         resources: Object.keys(resources),
         subpath: { lng, message: messages['InvalidHashValue.message'] },
         format: translator.format('MaximumBatchSizeExceeded', { received: 1500, allowed: 1000 }, { lng: '${TAG}' }),
         described: { lng: described.lng, title: described.title, message: described.message, target: described.target },
         labels: translator.labels('${TAG}').trackingId,
         retry: [1, 30].map((seconds) => translator.labels('${TAG}').retryAfter(seconds)),
       }));`,
    );
    const number = (value: number) => new Intl.NumberFormat(TAG).format(value);
    const rules = new Intl.PluralRules(TAG);
    expect(result).toEqual({
      supported: EXPECTED_LOCALES,
      cjsSupported: EXPECTED_LOCALES,
      resources: EXPECTED_LOCALES,
      subpath: { lng: TAG, message: expected('InvalidHashValue.message') },
      format: expected('MaximumBatchSizeExceeded.message', { received: number(1500), allowed: number(1000) }),
      described: { lng: TAG, title: expected('ResourceNotFound.title'), message: expected('ResourceNotFound.message', { resource: 'Machine 42' }), target: 't-1' },
      labels: expected('label.trackingId'),
      retry: [1, 30].map((seconds) =>
        `${PREFIX}${(SOURCE[`label.retryAfter_${rules.select(seconds)}`] ?? SOURCE['label.retryAfter_other'] ?? '').replace('{{count}}', number(seconds))}`,
      ),
    });
  });

  it('is served by @defender-errors/node over real HTTP, negotiated from Accept-Language', async () => {
    const result = await runScript(
      join(tmp, 'packages', 'node'),
      `import http from 'node:http';
       import { DefenderApiError } from '@defender-errors/core';
       import { errorHandler, negotiateLocale } from '@defender-errors/node';
       const handle = errorHandler();
       const server = http.createServer((req, res) => handle(new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' }, target: 'track-1' }), req, res, () => res.destroy()));
       await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
       const { port } = server.address();
       const answers = [];
       for (const language of ['${TAG}-FI, en;q=0.5', 'da', 'fi']) {
         const response = await fetch('http://127.0.0.1:' + port + '/', { headers: { 'Accept-Language': language } });
         answers.push({ status: response.status, language: response.headers.get('content-language'), body: await response.json() });
       }
       server.close();
       console.log(JSON.stringify({ negotiated: negotiateLocale('${TAG};q=0.9, de'), answers }));`,
    );
    expect(result['negotiated']).toBe(TAG);
    const answers = result['answers'] as { status: number; language: string; body: { error: { code: string; message: string; target: string } } }[];
    expect(answers.map((answer) => [answer.status, answer.language, answer.body.error.code, answer.body.error.message, answer.body.error.target])).toEqual([
      [400, TAG, 'InvalidHashValue', expected('InvalidHashValue.message', { hash: 'abc' }), 'track-1'],
      [400, 'da-DK', 'InvalidHashValue', danish['InvalidHashValue.message']?.replace('{{hash}}', 'abc'), 'track-1'],
      [400, 'en-US', 'InvalidHashValue', wireMessage('InvalidHashValue', { hash: 'abc' }), 'track-1'],
    ]);
  });

  it('is rendered by the CLI, and passes locales check', async () => {
    const cli = join(tmp, 'packages', 'cli', 'dist', 'cli.js');
    const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'C' };
    const rendered = await run(process.execPath, [cli, 'render', 'InvalidHashValue', '--param', 'hash=abc', '--lng', TAG], { cwd: tmp, env, timeout: 60_000 });
    expect(rendered.stdout).toContain(expected('InvalidHashValue.message', { hash: 'abc' }));
    const checked = await run(process.execPath, [cli, 'locales', 'check'], { cwd: join(tmp, 'locales', TAG), env, timeout: 60_000 });
    expect(checked.stdout).toContain(`${EXPECTED_LOCALES.length} locales checked (${EXPECTED_LOCALES.join(', ')}): 0 errors, 0 warnings.`);
  });

  it.runIf(existsSync(join(REAL_BROWSER, 'dist', 'index.js')))('is detected and loadable by @defender-errors/browser (DOM-free)', async () => {
    const result = await runScript(
      join(tmp, 'packages', 'browser'),
      `import { detectLocale, loadLocale, resolveLoadableLocale } from '@defender-errors/browser';
       import { AVAILABLE_LOCALES, createErrorTranslator } from '@defender-errors/i18n/lite';
       const translator = createErrorTranslator();
       const loaded = await loadLocale(translator, '${TAG}', { loaders: { '${TAG}': () => import('@defender-errors/i18n/locales/${TAG}') } });
       console.log(JSON.stringify({
         available: AVAILABLE_LOCALES,
         detected: detectLocale(['${TAG}-FI', 'en'], AVAILABLE_LOCALES),
         resolved: resolveLoadableLocale('${TAG}'),
         loaded,
         message: translator.describe({ error: { code: 'Forbidden', target: 't-2' } }, { lng: loaded }).message,
       }));`,
    );
    // resolveLoadableLocale knows the locales of the real build (the browser's generated loaders).
    expect(result).toEqual({ available: EXPECTED_LOCALES, detected: TAG, resolved: result['resolved'], loaded: TAG, message: expected('Forbidden.message') });
  });

  it('left the real build and the real locales untouched', () => {
    expect(hashOf(join(REAL_I18N, 'dist', 'index.js'))).toBe(realDistHash);
    expect(readFileSync(join(REAL_I18N, 'src', 'generated', 'catalogs.ts'), 'utf8')).not.toContain(`"${TAG}"`);
    expect(existsSync(join(REPO_LOCALES, TAG))).toBe(false);
  });
});
