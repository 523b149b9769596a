import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createErrorTranslator } from '@defender-errors/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import * as http from './index';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = new Map(
  [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => {
    const code = match[1] ?? '';
    return [/^\/\/ example: ([\w-]+)/.exec(code)?.[1] ?? '', code] as const;
  }),
);
const translator = createErrorTranslator();

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Runs a README block in a fresh node process from the package folder (so it imports the build by
 * name), between `before` (stand-ins for the `Bun` / `Deno` globals this machine lacks) and `after`,
 * which produces a fetch `Response` as `answer`; resolves to that response.
 */
async function runExample(name: string, before: string, after: string): Promise<Answer> {
  const code = examples.get(name);
  if (code === undefined) throw new Error(`README has no \`// example: ${name}\` block`);
  const script = `${before}\n${code.replace(/^export default /m, 'const exported = ')}\n${after}
    console.log(JSON.stringify({ status: answer.status, headers: Object.fromEntries(answer.headers), body: await answer.text() }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: packageDir, timeout: 30_000 });
  return JSON.parse(stdout) as Answer;
}

const danish = `new Request('http://127.0.0.1/api/machines/123', { headers: { 'accept-language': 'da' } })`;

describe('README', () => {
  beforeAll(() => {
    if (!existsSync(new URL('../dist/index.js', import.meta.url))) throw new Error('dist/ is missing: run `pnpm --filter @defender-errors/http build` first.');
  });

  it('mentions every export of the package', () => {
    expect(Object.keys(http).filter((name) => !new RegExp(`\\b${name}\\b`).test(readme))).toEqual([]);
  });

  it('the route handler answers in the client’s language', async () => {
    const answer = await runExample('route-handler', '', `const answer = await GET(${danish});`);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-language']).toBe('da-DK');
    expect((JSON.parse(answer.body) as { error: { message: string } }).error.message).toBe(translator.format('ResourceNotFound', { resource: 'Machine 123' }, { lng: 'da-DK' }));
  });

  it('the Hono example answers problem+json through app.onError', async () => {
    const answer = await runExample('hono', '', `const answer = await exported.fetch(new Request('http://127.0.0.1/machines/7', { headers: { 'accept-language': 'da' } }));`);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'ResourceNotFound', detail: translator.format('ResourceNotFound', { resource: 'Machine 7' }, { lng: 'da-DK' }) });
  });

  it('the Bun example answers from its error handler', async () => {
    const answer = await runExample(
      'bun',
      'let served; globalThis.Bun = { serve: (options) => { served = options; } };',
      `let answer; try { served.fetch(${danish}); } catch (error) { answer = served.error(error); }`,
    );
    expect(answer.status).toBe(403);
    expect(answer.headers['content-language']).toBe('en-US');
  });

  it('the Deno example answers from its handler and its onError', async () => {
    const stub = 'let served; globalThis.Deno = { serve: (options) => { served = options; } };';
    const handled = await runExample('deno', stub, `const answer = served.handler(${danish});`);
    expect(handled.status).toBe(403);
    expect(handled.headers['content-language']).toBe('da-DK');
    const escaped = await runExample('deno', stub, `const answer = served.onError(new Error('db-7 password=hunter2'));`);
    expect(escaped.status).toBe(500);
    expect(escaped.body).not.toContain('hunter2');
  });

  it('the Workers example answers 429 with Retry-After', async () => {
    const answer = await runExample('workers', '', `const answer = await exported.fetch(${danish});`);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('30');
    expect(answer.headers['content-language']).toBe('da-DK');
  });
});
