import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createErrorTranslator } from '@defender-errors/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as node from './index';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = new Map(
  [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => {
    const code = match[1] ?? '';
    return [/^\/\/ example: ([\w-]+)/.exec(code)?.[1] ?? '', code] as const;
  }),
);
const translator = createErrorTranslator();
const UUID = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/;
const started: ChildProcessWithoutNullStreams[] = [];

function example(name: string): string {
  const code = examples.get(name);
  if (code === undefined) throw new Error(`README has no \`// example: ${name}\` block`);
  return code;
}

/** Runs a README block in a fresh node process from the package folder (so it imports the build by name). */
function runExample(name: string, env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--input-type=module', '--eval', example(name)], {
    cwd: packageDir,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env },
  });
  started.push(child);
  return child;
}

/** Starts a server example on a free port and resolves to its origin once it says it listens. */
function startExample(name: string): Promise<{ origin: string; stderr: () => string }> {
  const child = runExample(name, { PORT: '0' });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${stderr}`)), 15_000);
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}: ${stderr}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolve({ origin: listening[1], stderr: () => stderr });
      }
    });
  });
}

describe('README', () => {
  let express: { origin: string; stderr: () => string };
  let plain: { origin: string; stderr: () => string };
  let fastify: { origin: string; stderr: () => string };

  beforeAll(async () => {
    if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
      throw new Error('dist/ is missing: run `pnpm --filter @defender-errors/node build` before the tests.');
    }
    [express, plain, fastify] = await Promise.all([startExample('express'), startExample('node-http'), startExample('fastify')]);
  }, 30_000);

  afterAll(() => {
    for (const child of started) if (child.exitCode === null) child.kill();
  });

  it('mentions every export of the package', () => {
    const missing = Object.keys(node).filter((name) => !new RegExp(`\\b${name}\\b`).test(readme));
    expect(missing).toEqual([]);
  });

  it('the Express example answers in the client’s language and hides a crash', async () => {
    const response = await fetch(`${express.origin}/machines/123`, { headers: { 'accept-language': 'da' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-language')).toBe('da-DK');
    const body = (await response.json()) as { error: { code: string; message: string; target: string } };
    expect(body.error.code).toBe('ResourceNotFound');
    expect(body.error.message).toBe(translator.format('ResourceNotFound', { resource: 'Machine 123' }, { lng: 'da-DK' }));

    const crash = await fetch(`${express.origin}/crash`);
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(text).not.toContain('db-7');
    const { target } = (JSON.parse(text) as { error: { target: string } }).error;
    await expect.poll(() => express.stderr()).toContain(`tracking ID ${target}:`);
    expect(express.stderr()).toContain('connection to db-7 refused');
  });

  it('the node:http example answers errors and successes', async () => {
    const bad = await fetch(`${plain.origin}/?hash=abc`, { headers: { 'accept-language': 'da-DK, en;q=0.5' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-language')).toBe('da-DK');
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da-DK' }));
    const good = await fetch(`${plain.origin}/?hash=${'a'.repeat(64)}`);
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ hash: 'a'.repeat(64), verdict: 'clean' });
  });

  it('the Fastify example answers through reply, a schema validation error at 400', async () => {
    const missing = await fetch(`${fastify.origin}/machines/9`, { headers: { 'accept-language': 'da' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-language')).toBe('da-DK');
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(translator.format('ResourceNotFound', { resource: 'Machine 9' }, { lng: 'da-DK' }));
    const invalid = await fetch(`${fastify.origin}/search`);
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
  });

  it('the fetch client example prints the error for a terminal and sets exit code 1', async () => {
    const child = runExample('fetch-client', { API_URL: `${express.origin}/machines/123` });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const labels = translator.labels('da-DK');
    expect(stderr.split('\n')[0]).toBe(translator.format('ResourceNotFound', { resource: 'Machine 123' }, { lng: 'da-DK' }));
    expect(stderr).toContain(`${labels.code}:`);
    expect(stderr).toContain('ResourceNotFound');
    expect(stderr).toContain(`404 ${translator.describe({ error: { code: 'ResourceNotFound' } }, { lng: 'da' }).title}`);
    expect(stderr).toMatch(new RegExp(`${labels.trackingId}:\\s+${UUID.source}`));
    expect(stderr).not.toContain('\u001b');
  });
});
