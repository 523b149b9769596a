#!/usr/bin/env node
// End-to-end release test (pnpm test:release), with real parts only:
//   1. starts Verdaccio on 127.0.0.1 (a free port, temporary storage; @defender-errors/* is
//      local only, everything else is proxied to the upstream npm registry);
//   2. copies the workspace (without node_modules) to a temporary folder, adds a sample
//      changeset, runs `changeset version` and `changeset publish` there against Verdaccio with
//      a throwaway user's token, and checks what the registry got (versions, rewritten
//      workspace: ranges, tarball integrity and sizes);
//   3. in a fresh project outside the workspace: `npm install @defender-errors/node
//      @defender-errors/browser @defender-errors/cli`, runs an ESM and a CJS script, tsc over the
//      typed API with moduleResolution node16 and bundler (and a file that must fail), the
//      `defender-errors` CLI through npx (by its bin and by its package name), and the browser
//      adapter bundled by esbuild in headless Chromium;
//   4. stops Verdaccio and deletes every temporary folder, whatever happens.
// Needs every package built (`pnpm build`); `pnpm test:release` builds first.
// RELEASE_E2E_KEEP=1 leaves the temporary folder for inspection (Verdaccio is still stopped).
/* global fetch, AbortSignal */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import assert from 'node:assert/strict';
import { discoverPackages, workspaceRoot } from './workspace.mjs';

/** The packages the consumer uses; the test fails clearly when one of them is missing. */
const REQUIRED_PACKAGES = ['@defender-errors/core', '@defender-errors/i18n', '@defender-errors/http', '@defender-errors/node', '@defender-errors/browser', '@defender-errors/cli'];
/** The packages the consumer installs by name (core and i18n must come along as their dependencies). */
const INSTALLED_BY_CONSUMER = ['@defender-errors/node', '@defender-errors/browser', '@defender-errors/cli'];
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OVERALL_TIMEOUT_MS = 6 * 60 * 1000;
const COMMAND_TIMEOUT_MS = 3 * 60 * 1000;

const startedAt = Date.now();
const requireFromRoot = createRequire(path.join(workspaceRoot, 'package.json'));
const children = new Set();
let tempRoot;
let passed = 0;
let failed = 0;

// ---------------------------------------------------------------------------------------------
// Plumbing: progress lines, child processes, cleanup.

function elapsed() {
  return `${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)}s`;
}

function log(message) {
  console.log(`[${elapsed()}] ${message}`);
}

/** Runs one step; a failing step is reported and ends the test (later steps depend on it). */
async function step(name, run) {
  const stepStart = Date.now();
  log(`${name} ...`);
  try {
    const result = await run();
    passed += 1;
    log(`ok   ${name} (${((Date.now() - stepStart) / 1000).toFixed(1)}s)`);
    return result;
  } catch (error) {
    failed += 1;
    log(`FAIL ${name}`);
    throw error;
  }
}

/** The environment for every child: no npm_* variables inherited from a `pnpm run`, ours instead. */
function childEnvironment(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'PNPM_SCRIPT_SRC_DIR' || key === 'FORCE_COLOR') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', NO_UPDATE_NOTIFIER: '1', COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', ...extra };
}

/**
 * Runs a command and collects its output. Rejects when it exits otherwise than `expectExit`
 * (default 0) or outlives `timeoutMs`, with the command's output in the message.
 */
function run(command, args, { cwd, env, expectExit = 0, timeoutMs = COMMAND_TIMEOUT_MS, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? childEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`${command} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      const shown = `${command} ${args.join(' ')}`;
      const matches = expectExit === 'nonzero' ? code !== 0 && code !== null : code === expectExit;
      if (matches) resolve({ code, stdout, stderr });
      else reject(new Error(`\`${shown}\` (in ${cwd}) exited with ${signal ?? code}, expected ${expectExit}\n--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`));
    });
  });
}

function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

/**
 * Children run in process groups of their own (`detached`), so that a command's own children
 * (pnpm's workers, npm's scripts) are stopped with it.
 */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Kills what is still running and deletes the temporary folders; safe to call more than once. */
function cleanUpNow() {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
  if (!tempRoot) return;
  const folder = tempRoot;
  tempRoot = undefined;
  if (process.env.RELEASE_E2E_KEEP === '1') {
    console.log(`release e2e: RELEASE_E2E_KEEP=1, left ${folder}`);
    return;
  }
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  } catch (error) {
    process.exitCode = 1;
    console.error(`release e2e: could not delete ${folder}: ${error.message}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nrelease e2e: ${signal}, cleaning up`);
    cleanUpNow();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1));
  });
}
process.on('exit', cleanUpNow);

// ---------------------------------------------------------------------------------------------
// The registry.

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function upstreamRegistry() {
  if (process.env.RELEASE_E2E_UPSTREAM) return process.env.RELEASE_E2E_UPSTREAM;
  const { stdout } = await run('npm', ['config', 'get', 'registry'], { cwd: tempRoot });
  const url = stdout.trim();
  return /^https?:\/\//.test(url) ? url : 'https://registry.npmjs.org/';
}

/** Starts Verdaccio and resolves with its URL once it answers /-/ping. */
async function startVerdaccio(registryDir) {
  const port = await freePort();
  const upstream = await upstreamRegistry();
  mkdirSync(registryDir, { recursive: true });
  const configPath = path.join(registryDir, 'config.yaml');
  // JSON is YAML; quoting every value keeps the $-names literal.
  const config = {
    storage: path.join(registryDir, 'storage'),
    auth: { htpasswd: { file: path.join(registryDir, 'htpasswd'), max_users: 1 } },
    uplinks: { upstream: { url: upstream, timeout: '60s' } },
    packages: {
      // Never proxied: what the consumer gets under this scope is what this test published.
      '@defender-errors/*': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated', proxy: 'upstream' },
    },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const manifestPath = requireFromRoot.resolve('verdaccio/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = path.join(path.dirname(manifestPath), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.verdaccio);
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [bin, '--config', configPath, '--listen', `127.0.0.1:${port}`], {
    cwd: registryDir,
    env: childEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  let exited = false;
  child.on('exit', () => {
    exited = true;
    children.delete(child);
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Verdaccio exited before it answered:\n${tail(output)}`);
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { url, port, child, version: manifest.version, upstream };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Verdaccio did not answer on ${url} within 30 s:\n${tail(output)}`);
}

async function stopProcess(child) {
  if (!children.has(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Registers a throwaway user (as `npm adduser` does) and returns its token. */
async function createPublisher(url) {
  const name = `release-e2e-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(24).toString('base64url');
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password, type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, `adduser answered ${response.status}: ${JSON.stringify(body)}`);
  assert.equal(typeof body.token, 'string', 'adduser returned no token');
  const whoami = await fetch(`${url}-/whoami`, { headers: { authorization: `Bearer ${body.token}` } });
  assert.deepEqual(await whoami.json(), { username: name }, 'the token does not authenticate');
  return { name, token: body.token };
}

async function packument(url, name) {
  const response = await fetch(`${url}${name.replace('/', '%2f')}`, { headers: { accept: 'application/json' } });
  assert.equal(response.status, 200, `${name}: the registry answered ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------
// Checks on the workspace before anything starts.

function preflight() {
  const packages = discoverPackages();
  const missing = REQUIRED_PACKAGES.filter((name) => !packages.has(name));
  if (missing.length > 0) {
    throw new Error(`required package(s) not found under packages/ (or private): ${missing.join(', ')}`);
  }
  const unbuilt = [...packages].filter(([, { dir }]) => !existsSync(path.join(dir, 'dist'))).map(([name, { dir }]) => `${name} (${path.relative(workspaceRoot, dir)}/dist)`);
  if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.join(', ')}; run \`pnpm build\` first`);
  const cliPackage = packages.get('@defender-errors/cli');
  const cli = typeof cliPackage.manifest.bin === 'string' ? cliPackage.manifest.bin : cliPackage.manifest.bin?.['defender-errors'];
  if (!cli) throw new Error('@defender-errors/cli declares no `defender-errors` bin');
  if (!existsSync(path.join(cliPackage.dir, cli))) throw new Error(`@defender-errors/cli: bin ${cli} is not built`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);
  return packages;
}

// ---------------------------------------------------------------------------------------------
// Copy, version, publish.

const NOT_COPIED = new Set(['node_modules', '.git', '.turbo', 'coverage', 'reports', '.stryker-tmp']);

function copyWorkspace(target) {
  cpSync(workspaceRoot, target, {
    recursive: true,
    filter: (source) => {
      const name = path.basename(source);
      return !NOT_COPIED.has(name) && !name.endsWith('.tgz');
    },
  });
}

function readVersions(root) {
  return new Map([...discoverPackages(root)].map(([name, { manifest }]) => [name, manifest.version]));
}

function compareVersions(a, b) {
  const parse = (version) => version.split(/[.+-]/).slice(0, 3).map(Number);
  const [left, right] = [parse(a), parse(b)];
  for (let index = 0; index < 3; index += 1) if (left[index] !== right[index]) return left[index] - right[index];
  return 0;
}

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

async function checkPublished(url, packages, version) {
  const sizes = [];
  for (const [name] of packages) {
    const document = await packument(url, name);
    assert.equal(document['dist-tags']?.latest, version, `${name}: dist-tag latest`);
    const published = document.versions?.[version];
    assert.ok(published, `${name}@${version} is not in the registry`);
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dependency, range] of Object.entries(published[field] ?? {})) {
        assert.ok(!String(range).startsWith('workspace:'), `${name}: ${field}.${dependency} is still ${range}`);
        if (packages.has(dependency) && field === 'dependencies') {
          assert.equal(range, `^${version}`, `${name}: ${field}.${dependency} should be ^${version}`);
        }
      }
    }
    const tarball = await fetch(published.dist.tarball);
    assert.equal(tarball.status, 200, `${name}: tarball answered ${tarball.status}`);
    const bytes = Buffer.from(await tarball.arrayBuffer());
    const [algorithm, digest] = published.dist.integrity.split('-');
    assert.equal(createHash(algorithm).update(bytes).digest('base64'), digest, `${name}: tarball integrity`);
    sizes.push({ name, version, packed: bytes.byteLength, ...tarballContents(bytes) });
  }
  return sizes;
}

/** File count and unpacked bytes of a .tgz (ustar headers: name at 0, octal size at 124, type at 156). */
function tarballContents(gzipped) {
  const tar = gunzipSync(gzipped);
  let files = 0;
  let unpacked = 0;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const sizeField = header.subarray(124, 136);
    const sizeEnd = sizeField.indexOf(0);
    const size = Number.parseInt(sizeField.subarray(0, sizeEnd === -1 ? sizeField.length : sizeEnd).toString('latin1').trim() || '0', 8);
    const type = String.fromCharCode(header[156]);
    if (type === '0' || type === '\0') {
      files += 1;
      unpacked += size;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { files, unpacked };
}

// ---------------------------------------------------------------------------------------------
// Expected text, read from the catalogs (never written into this test).

function catalogMessage(lng, code, params) {
  const catalog = JSON.parse(readFileSync(path.join(workspaceRoot, 'locales', lng, 'errors.json'), 'utf8'));
  const template = catalog[`${code}.message`];
  assert.equal(typeof template, 'string', `locales/${lng}/errors.json has no ${code}.message`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(params[name]));
}

function catalogLocales() {
  return readdirSync(path.join(workspaceRoot, 'locales'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(workspaceRoot, 'locales', entry.name, 'errors.json')))
    .map((entry) => entry.name)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// The consumer.

const FIXTURES = path.join(workspaceRoot, 'scripts/release/consumer');

function writeConsumer(consumerDir) {
  mkdirSync(consumerDir, { recursive: true });
  writeFileSync(path.join(consumerDir, 'package.json'), `${JSON.stringify({ name: 'release-e2e-consumer', version: '1.0.0', private: true }, null, 2)}\n`);
  for (const file of readdirSync(FIXTURES)) cpSync(path.join(FIXTURES, file), path.join(consumerDir, file));
  cpSync(path.join(FIXTURES, 'typed.mts'), path.join(consumerDir, 'typed.cts'));
  const common = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'dom'], types: ['node'] };
  const configs = {
    'tsconfig.node16.json': { compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' }, files: ['typed.mts', 'typed.cts', 'bad.mts'] },
    'tsconfig.bundler.json': { compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler' }, files: ['typed.mts', 'bad.mts'] },
  };
  for (const [file, config] of Object.entries(configs)) writeFileSync(path.join(consumerDir, file), `${JSON.stringify(config, null, 2)}\n`);
}

/** The lines of bad.mts marked `expect-error` (1-based). */
function expectedErrorLines() {
  return readFileSync(path.join(FIXTURES, 'bad.mts'), 'utf8')
    .split('\n')
    .flatMap((line, index) => (/\/\/ expect-error\b/.test(line) ? [index + 1] : []));
}

/** The lines of `file` that tsc reported errors on; any error elsewhere (or without a place) fails. */
function tscErrorLines(output, file) {
  const lines = new Set();
  const located = [...output.matchAll(/^(.+?)\((\d+),\d+\): error TS\d+/gm)];
  assert.equal(located.length, output.match(/error TS\d+/g)?.length ?? 0, `tsc reported an error without a file:\n${output}`);
  for (const match of located) {
    assert.equal(path.basename(match[1]), file, `tsc reported an error outside ${file}:\n${output}`);
    lines.add(Number(match[2]));
  }
  return [...lines].sort((a, b) => a - b);
}

async function runInChromium(consumerDir, cases) {
  const { build } = requireFromRoot('esbuild');
  const bundle = await build({
    entryPoints: [path.join(consumerDir, 'page.mjs')],
    absWorkingDir: consumerDir,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const { chromium } = requireFromRoot('playwright-core');
  // Chromium's own temporary files go into the test's folder, which the clean-up removes.
  const chromiumTmp = path.join(tempRoot, 'chromium-tmp');
  mkdirSync(chromiumTmp, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000, env: { ...process.env, TMPDIR: chromiumTmp } });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>release e2e</title></head><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const results = [];
    for (const [body, lng] of cases) results.push(await page.evaluate(([b, l]) => globalThis.renderForTest(b, l), [body, lng]));
    assert.deepEqual(pageErrors, [], 'errors on the page');
    return results;
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`release e2e: still running after ${OVERALL_TIMEOUT_MS / 1000} s, giving up`);
    cleanUpNow();
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  watchdog.unref();

  const packages = await step('preflight: the publishable packages are built', () => {
    const found = preflight();
    log(`     packages: ${[...found.keys()].join(', ')}`);
    return found;
  });

  tempRoot = mkdtempSync(path.join(tmpdir(), 'defender-errors-release-e2e-'));
  const registryDir = path.join(tempRoot, 'registry');
  const workspaceCopy = path.join(tempRoot, 'workspace');
  const consumerDir = path.join(tempRoot, 'consumer');
  const npmrc = path.join(tempRoot, 'npmrc');
  log(`     temporary folder: ${tempRoot}`);

  const registry = await step('start Verdaccio on 127.0.0.1', () => startVerdaccio(registryDir));
  log(`     verdaccio ${registry.version} at ${registry.url} (proxying ${registry.upstream})`);
  try {
    const publisher = await step('register a throwaway publisher and write a temporary .npmrc', async () => {
      const user = await createPublisher(registry.url);
      writeFileSync(npmrc, `registry=${registry.url}\n//127.0.0.1:${registry.port}/:_authToken=${user.token}\n`, { mode: 0o600 });
      return user;
    });
    const env = childEnvironment({
      npm_config_userconfig: npmrc,
      npm_config_registry: registry.url,
      npm_config_cache: path.join(tempRoot, 'npm-cache'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    });
    const before = await step('copy the workspace without node_modules; pnpm install --frozen-lockfile there', async () => {
      copyWorkspace(workspaceCopy);
      // pnpm publish reads each workspace dependency's version from the installed links; the
      // store already holds every package, and no install script is needed to version or publish.
      await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--ignore-scripts', '--reporter=append-only'], { cwd: workspaceCopy, env });
      return readVersions(workspaceCopy);
    });
    const changesetBin = createRequire(path.join(workspaceCopy, 'package.json')).resolve('@changesets/cli/bin.js');

    const version = await step('add a sample changeset and run `changeset version`', async () => {
      const [firstPackage] = before.keys();
      const summary = `Release e2e sample change ${randomBytes(4).toString('hex')}.`;
      writeFileSync(path.join(workspaceCopy, '.changeset', 'release-e2e-sample.md'), `---\n'${firstPackage}': patch\n---\n\n${summary}\n`);
      await run(process.execPath, [changesetBin, 'version'], { cwd: workspaceCopy, env });
      const after = readVersions(workspaceCopy);
      const versions = new Set(after.values());
      assert.equal(versions.size, 1, `fixed versioning: every package should share one version, got ${[...after].join(', ')}`);
      const [next] = versions;
      for (const [name, old] of before) assert.ok(compareVersions(next, old) > 0, `${name} was not bumped (${old} -> ${after.get(name)})`);
      const changelog = readFileSync(path.join(discoverPackages(workspaceCopy).get(firstPackage).dir, 'CHANGELOG.md'), 'utf8');
      assert.ok(changelog.includes(summary), `${firstPackage}/CHANGELOG.md lacks the sample changeset`);
      const left = readdirSync(path.join(workspaceCopy, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
      assert.deepEqual(left, [], 'changeset version left changesets behind');
      log(`     ${[...before].map(([name, old]) => `${name} ${old} -> ${next}`).join(', ')}`);
      return next;
    });

    const sizes = await step(`\`changeset publish\` to Verdaccio as ${publisher.name}`, async () => {
      const result = await run(process.execPath, [changesetBin, 'publish', '--no-git-tag'], { cwd: workspaceCopy, env });
      const output = result.stdout + result.stderr;
      for (const name of packages.keys()) assert.ok(output.includes(name), `changeset publish did not mention ${name}:\n${tail(output)}`);
      return checkPublished(registry.url, packages, version);
    });
    console.log('');
    console.log('  package                     version   packed (tgz)   unpacked   files');
    for (const size of sizes) {
      console.log(`  ${size.name.padEnd(26)}  ${size.version.padEnd(8)}  ${`${size.packed} B`.padStart(12)}  ${`${size.unpacked ?? '?'} B`.padStart(9)}  ${String(size.files ?? '?').padStart(5)}`);
    }
    console.log('');

    await step(`fresh consumer: npm install ${INSTALLED_BY_CONSUMER.join(' ')}`, async () => {
      writeConsumer(consumerDir);
      // @types/node for the tsc step (the node adapter's types use node:http), as a Node app has it.
      await run('npm', ['install', '--no-audit', '--no-fund', ...INSTALLED_BY_CONSUMER.map((name) => `${name}@${version}`), '@types/node@20'], { cwd: consumerDir, env });
      for (const name of REQUIRED_PACKAGES) {
        const manifestPath = path.join(consumerDir, 'node_modules', name, 'package.json');
        assert.ok(existsSync(manifestPath), `${name} was not installed`);
        assert.equal(JSON.parse(readFileSync(manifestPath, 'utf8')).version, version, `${name}: installed version`);
      }
    });

    const locales = catalogLocales();
    // The server speaks the API's English wire text (reference/error-codes.md), not the en-US display catalog.
    const body = JSON.stringify({ error: { code: 'InvalidHashValue', message: 'Hash value abc is invalid.', target: `e2e-${randomBytes(6).toString('hex')}` } });
    const expected = Object.fromEntries(locales.map((lng) => [lng, catalogMessage(lng, 'InvalidHashValue', { hash: 'abc' })]));
    const acceptLanguage = 'da;q=0.9, en;q=0.8';
    const outputs = {};
    for (const [label, file] of [
      ['ESM', 'render.mjs'],
      ['CJS', 'render.cjs'],
    ]) {
      await step(`${label} script renders the error in ${locales.join(' and ')}`, async () => {
        const { stdout } = await run(process.execPath, [file, JSON.stringify([body, locales, acceptLanguage])], { cwd: consumerDir, env });
        const result = JSON.parse(stdout);
        assert.equal(result.code, 'InvalidHashValue');
        assert.equal(result.known, true);
        assert.equal(result.target, JSON.parse(body).error.target);
        for (const lng of locales) {
          const rendered = result.rendered[lng];
          assert.equal(rendered.format, expected[lng], `${lng}: format()`);
          assert.equal(rendered.defaultFormat, expected[lng], `${lng}: getDefaultTranslator().format()`);
          assert.equal(rendered.lite, expected[lng], `${lng}: i18n/lite with @defender-errors/i18n/locales/${lng}`);
          assert.equal(rendered.onDemand, expected[lng], `${lng}: createOnDemandTranslator (its check imported from @defender-errors/i18n/tooling)`);
          assert.equal(rendered.describe, expected[lng], `${lng}: describe() re-renders the English server message`);
          assert.ok(rendered.terminal.startsWith(expected[lng]), `${lng}: formatForTerminal() starts with the message:\n${rendered.terminal}`);
          assert.ok(rendered.terminal.includes(result.target), `${lng}: formatForTerminal() shows the tracking ID`);
          assert.ok(!rendered.terminal.includes('\u001b'), `${lng}: color codes with color: false`);
        }
        assert.equal(result.onDemandRejects, true, 'createOnDemandTranslator rejects a broken catalog with the CatalogValidationError the app imported');
        assert.notEqual(expected['da-DK'], expected['en-US'], 'the da-DK catalog should differ from en-US');
        assert.equal(result.negotiated, 'da-DK', `negotiateLocale(${acceptLanguage})`);
        assert.equal(result.detected, 'da-DK', 'detectLocale([da])');
        assert.deepEqual(result.http, { status: 400, lng: 'da-DK', body: { error: { code: 'InvalidHashValue', message: expected['da-DK'], target: result.target } } }, '@defender-errors/http createErrorResponse()');
        outputs[label] = result;
      });
    }
    await step('ESM and CJS builds give the same results', () => assert.deepEqual(outputs.CJS, outputs.ESM));

    const tsc = requireFromRoot.resolve('typescript/bin/tsc');
    for (const resolution of ['node16', 'bundler']) {
      await step(`tsc --noEmit, moduleResolution ${resolution}: the typed API compiles and the marked type errors in bad.mts fail`, async () => {
        const { stdout } = await run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: consumerDir, env, expectExit: 'nonzero' });
        assert.deepEqual(tscErrorLines(stdout, 'bad.mts'), expectedErrorLines(), `tsc should report exactly the marked lines of bad.mts:\n${stdout}`);
      });
    }

    await step('@defender-errors/cli: npx defender-errors render|explain, npx -- @defender-errors/cli --help, npx @defender-errors/cli render', async () => {
      const { stdout } = await run('npx', ['--no', 'defender-errors', 'render', 'InvalidHashValue', '--lng', 'da-DK', '--param', 'hash=abc'], { cwd: consumerDir, env });
      assert.ok(stdout.includes(expected['da-DK']), `the CLI should print "${expected['da-DK']}":\n${stdout}`);
      assert.ok(!stdout.includes('\u001b'), 'no color codes with NO_COLOR');
      const usage = await run('npx', ['--no', 'defender-errors', 'render'], { cwd: consumerDir, env, expectExit: 2 });
      assert.match(usage.stderr, /code/i, 'a missing code is explained');
      const explained = await run('npx', ['--no', 'defender-errors', 'explain', '-', '--lng', 'da-DK'], { cwd: consumerDir, env, input: body });
      assert.ok(explained.stdout.includes(expected['da-DK']), `explain - should print "${expected['da-DK']}":\n${explained.stdout}`);
      assert.ok(explained.stdout.includes(JSON.parse(body).error.target), 'explain shows the tracking ID');
      // After `--`: npm reads a `--help` anywhere before it as its own.
      const help = await run('npx', ['--no', '--', '@defender-errors/cli', '--help'], { cwd: consumerDir, env });
      assert.match(help.stdout, /^Usage: defender-errors <command>/, `npx -- @defender-errors/cli --help:\n${help.stdout}`);
      for (const command of ['render', 'explain', 'locales']) assert.match(help.stdout, new RegExp(`^ {2}${command} `, 'm'), `--help lists ${command}`);
      const byName = await run('npx', ['--no', '@defender-errors/cli', 'render', 'InvalidHashValue', '--lng', 'da-DK', '--param', 'hash=abc'], { cwd: consumerDir, env });
      assert.ok(byName.stdout.includes(expected['da-DK']), `npx @defender-errors/cli render should print "${expected['da-DK']}":\n${byName.stdout}`);
    });

    await step('Chromium: the published browser adapter renders the error (esbuild bundle, locale loaded on demand)', async () => {
      const hostileHash = '<img src=x onerror="document.title=1">';
      const hostileBody = JSON.stringify({ error: { code: 'InvalidHashValue', message: `Hash value ${hostileHash} is invalid.`, target: 'e2e-hostile' } });
      const [danish, hostile] = await runInChromium(consumerDir, [
        [body, 'da-DK'],
        [hostileBody, 'da-DK'],
      ]);
      assert.equal(danish.loaded, 'da-DK');
      assert.equal(danish.role, 'alert');
      assert.equal(danish.lang, 'da-DK');
      assert.equal(danish.code, 'InvalidHashValue');
      assert.ok(danish.text.includes(expected['da-DK']), `the page shows "${expected['da-DK']}": ${danish.text}`);
      assert.ok(danish.text.includes(JSON.parse(body).error.target), 'the page shows the tracking ID');
      assert.ok(hostile.text.includes(catalogMessage('da-DK', 'InvalidHashValue', { hash: hostileHash })), `markup from the server is shown as text: ${hostile.text}`);
      assert.equal(hostile.elementsWithHtmlFromServer, 0, 'markup from the server must not become elements');
    });

    await step('stop Verdaccio', () => stopProcess(registry.child));
  } finally {
    cleanUpNow();
    log('     cleaned up');
  }
}

try {
  await main();
} catch (error) {
  console.error(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (failed === 0) failed += 1;
  process.exitCode = 1;
} finally {
  cleanUpNow();
  console.log(`\nrelease e2e: total wall time ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(`release e2e: ${passed} passed, ${failed} failed`);
}
