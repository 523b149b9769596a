import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefenderApiError } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BINARY, runBuiltCli, type CliRun } from './fixtures/run-cli';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const translator = createErrorTranslator();
const TRACKING_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';

type Run = CliRun;

/** Runs the built `defender-errors` binary in a fresh node process, with NO_COLOR and a C locale unless told otherwise. */
function cli(args: readonly string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  return runBuiltCli(args, { ...options, cwd: options.cwd ?? packageRoot });
}

function expectUsageError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

let workDir: string;
beforeAll(() => {
  if (!existsSync(CLI_BINARY)) throw new Error(`${CLI_BINARY} is missing: run \`pnpm --filter @defender-errors/node build\` first`);
  workDir = mkdtempSync(join(tmpdir(), 'defender-errors-cli-'));
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('defender-errors (the built binary)', () => {
  it('starts with a shebang and prints the package version', async () => {
    expect(readFileSync(CLI_BINARY, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    const run = await cli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists its commands in --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: defender-errors <command>/);
    expect(run.stdout).toMatch(/^ {2}render <code>/m);
    expect(run.stdout).toMatch(/^ {2}explain \[file\|-\]/m);
    expect(run.stdout).not.toMatch(/coming|todo/i);
  });

  it.each(['render', 'explain'])('%s --help', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: defender-errors ${command}`);
    expect(run.stdout).toContain('--lng <tag>');
    expect(run.stderr).toBe('');
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['rendr', 'Forbidden'], /^defender-errors: unknown command 'rendr' .*; did you mean 'render'\?/],
    [['locales', 'chek'], /^defender-errors locales: unknown command 'chek' .*; did you mean 'check'\?/],
    [['--verbose'], /^defender-errors: unknown option '--verbose'/],
    [['explain', '--verbose'], /^defender-errors explain: unknown option '--verbose'/],
    [['render'], /^defender-errors render: missing <code>/],
    [['render', 'Forbidden', 'extra'], /unexpected argument 'extra'/],
    [['render', 'Forbidden', '--bogus'], /^defender-errors render: unknown option '--bogus'/],
    [['render', 'Forbidden', '--lng'], /--lng/],
    [['render', 'Forbidden', '--lng', 'not a tag!'], /invalid language tag 'not a tag!'/],
    [['render', 'InvalidHashValue', '--param', 'hash'], /--param expects name=value/],
    [['render', 'InvalidHashValue', '--param', 'sha=abc'], /InvalidHashValue has no parameter 'sha' \(its parameters: hash\)/],
    [['render', 'Forbidden', '--param', 'x=1'], /Forbidden has no parameter 'x' \(it has no parameters\)/],
    [['render', 'MaximumBatchSizeExceeded', '--param', 'received=many'], /parameter 'received' .* must be a number/],
    [['explain', 'a', 'b'], /unexpected argument 'b'/],
    [['explain', 'does-not-exist.json'], /cannot read 'does-not-exist.json' \(ENOENT\)/],
  ])('bad usage %j exits 2 with a one-line reason', async (args, pattern) => {
    expectUsageError(await cli(args), pattern);
  });

  it('starts every usage reason in lower case', async () => {
    for (const args of [['render', '--bogus'], ['render', 'Forbidden', '--lng'], ['locales', 'import', 'x.md', '--lng'], ['--verbose'], ['nope']]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^defender-errors(?: [a-z]+)*: [a-z'-]/);
    }
  });

  it('escapes hostile text in usage errors', async () => {
    const run = await cli(['\u001b[2J\u202Eevil']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('\\x1b[2J\\u202eevil');
    expect(run.stderr).not.toContain('\u001b');
  });

  describe('render', () => {
    it('prints the en-US message by default', async () => {
      const run = await cli(['render', 'InvalidHashValue', '--param', 'hash=abc']);
      expect(run).toEqual({ code: 0, stdout: `${translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'en-US' })}\n`, stderr: '' });
    });

    it.each(['da', 'da-DK', 'DA-dk'])('--lng %s gives Danish', async (lng) => {
      const run = await cli(['render', 'InvalidHashValue', '--param', 'hash=abc', '--lng', lng]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da-DK' })}\n`);
    });

    it('takes the language from LANG when --lng is not given', async () => {
      const run = await cli(['render', 'Forbidden'], { env: { LANG: 'da_DK.UTF-8' } });
      expect(run.stdout).toBe(`${translator.format('Forbidden', {}, { lng: 'da-DK' })}\n`);
      const overridden = await cli(['render', 'Forbidden'], { env: { LANG: 'da_DK.UTF-8', LC_ALL: 'C' } });
      expect(overridden.stdout).toBe(`${translator.format('Forbidden', {}, { lng: 'en-US' })}\n`);
    });

    it('formats numbers for the locale and gives JSON with --json', async () => {
      const run = await cli(['render', 'MaximumBatchSizeExceeded', '--param', 'received=1200', '--param', 'allowed=500', '--lng', 'da', '--json']);
      expect(run.code).toBe(0);
      const description = translator.describe(new DefenderApiError('MaximumBatchSizeExceeded', { params: { received: 1200, allowed: 500 } }), { lng: 'da-DK' });
      expect(JSON.parse(run.stdout)).toEqual({
        code: 'MaximumBatchSizeExceeded',
        status: 400,
        title: description.title,
        message: description.message,
        hint: description.hint ?? null,
        params: { received: 1200, allowed: 500 },
        lng: 'da-DK',
      });
    });

    it('without --param shows what the library shows and warns which parameter is missing', async () => {
      const run = await cli(['render', 'InvalidHashValue', '--lng', 'da-DK']);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${translator.format('InvalidHashValue', {} as never, { lng: 'da-DK' })}\n`);
      expect(run.stdout).not.toBe(`${translator.describe(new DefenderApiError('BadRequest'), { lng: 'da-DK' }).message}\n`);
      expect(run.stderr).toBe("warning: no value for the parameter 'hash' of InvalidHashValue; give --param hash=<value>\n");
      const json = await cli(['render', 'MaximumBatchSizeExceeded', '--param', 'allowed=500', '--json']);
      expect(json.code).toBe(0);
      expect((JSON.parse(json.stdout) as { message: string }).message).toBe(translator.format('MaximumBatchSizeExceeded', { allowed: 500 } as never, { lng: 'en-US' }));
      expect(json.stderr).toContain("'received'");
    });

    it('notes an unsupported language on stderr and uses en-US', async () => {
      const run = await cli(['render', 'Forbidden', '--lng', 'fr-FR']);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${translator.format('Forbidden', {}, { lng: 'en-US' })}\n`);
      expect(run.stderr).toMatch(/no messages in 'fr-FR'; using en-US/);
    });

    it.each([
      ['InvalidHashVaule', 'InvalidHashValue'],
      ['invalidhashvalue', 'InvalidHashValue'],
      ['Uautoriseret', 'Unauthorized'],
      ['NotFund', 'NotFound'],
    ])('an unknown code %s exits 1 and suggests %s', async (code, suggestion) => {
      const run = await cli(['render', code]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`defender-errors render: unknown error code '${code}'. Did you mean '${suggestion}'?\n`);
    });

    it('escapes control characters in parameters', async () => {
      const run = await cli(['render', 'InvalidHashValue', '--param', 'hash=\u001b[2J\u202E']);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('\u001b');
      expect(run.stdout).not.toContain('\u202E');
      expect(run.stdout).toContain('\\x1b[2J\\u202e');
    });
  });

  describe('explain', () => {
    const body = JSON.stringify({ error: { code: 'InvalidHashValue', message: 'Hash value abc is invalid.', target: TRACKING_ID } });

    it('explains a body from a file, localized, with the tracking ID', async () => {
      writeFileSync(join(workDir, 'body.json'), body);
      const run = await cli(['explain', 'body.json', '--lng', 'da'], { cwd: workDir });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const description = translator.describe(JSON.parse(body), { lng: 'da-DK' });
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe(description.message);
      expect(run.stdout).toContain(description.message);
      expect(run.stdout).toMatch(new RegExp(`${translator.labels('da-DK').trackingId}:\\s+${TRACKING_ID}`));
      expect(run.stdout).toContain(`400 ${description.title}`);
      expect(run.stdout).not.toContain('\u001b');
    });

    it.each([[['-']], [[]]])('reads stdin with %j', async (args) => {
      const run = await cli(['explain', ...args], { input: body });
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'en-US' }));
      expect(run.stdout).toContain(TRACKING_ID);
    });

    it('takes status and Retry-After from a raw HTTP response', async () => {
      const response = ['HTTP/1.1 429 Too Many Requests', 'Content-Type: application/json', 'Retry-After: 30', '', JSON.stringify({ error: { code: 'TooManyRequests', message: 'Rate limit exceeded.', target: TRACKING_ID } })].join('\r\n');
      const run = await cli(['explain', '--lng', 'da'], { input: response });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(translator.labels('da-DK').retryAfter(30));
      expect(run.stdout).toContain(`429 ${translator.describe(new DefenderApiError('TooManyRequests'), { lng: 'da' }).title}`);
      expect(run.stdout).toContain(TRACKING_ID);
    });

    it('skips interim responses (curl -i with 100 Continue) and uses the last status', async () => {
      const response = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/2 404\r\ncontent-type: application/json\r\n\r\n{"error":{"code":"ResourceNotFound","message":"Resource Machine 7 wasn\'t found.","target":"t-7"}}';
      const run = await cli(['explain', '--json'], { input: response });
      expect(run.code).toBe(0);
      const description = JSON.parse(run.stdout) as { code: string; status: number; target: string; params: Record<string, string> };
      expect(description).toMatchObject({ code: 'ResourceNotFound', status: 404, target: 't-7', params: { resource: 'Machine 7' } });
    });

    it('an HTML error page from a proxy: explained by its status, exit 1', async () => {
      const run = await cli(['explain'], { input: 'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html><body>Bad gateway</body></html>' });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/ 502 Bad Gateway$/m);
      expect(run.stdout).not.toContain(translator.describe(new DefenderApiError('InternalServerError'), { lng: 'en-US' }).title);
      expect(run.stdout.split('\n')[0]).toBe(translator.format('InternalServerError', {}, { lng: 'en-US' }));
      expect(run.stderr).toBe('defender-errors explain: the input is not an error body; shown: the generic text for HTTP 502\n');
    });

    it('an unknown code: shown with the fallback text and the tracking ID, exit 1 with a suggestion', async () => {
      const run = await cli(['explain'], { input: JSON.stringify({ error: { code: 'InvalidIPAddress', message: 'IP 1.2.3 bad', target: TRACKING_ID } }) });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('InvalidIPAddress');
      expect(run.stdout).toContain('IP 1.2.3 bad');
      expect(run.stdout).toContain(TRACKING_ID);
      expect(run.stderr).toBe("defender-errors explain: unknown error code 'InvalidIPAddress'. Did you mean 'InvalidIpAddress'?\n");
    });

    it('--json is valid JSON with the whole description, safe for a terminal', async () => {
      const hostile = JSON.stringify({ error: { code: 'Forbidden', message: 'no\u001b[31m\u202Eway\u0085', target: TRACKING_ID } });
      const run = await cli(['explain', '--json', '--lng', 'da'], { input: hostile });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/[\u0085\u202E]/);
      expect(run.stdout).not.toContain('\u001b');
      const description = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(description).toMatchObject({ code: 'Forbidden', status: 403, target: TRACKING_ID, serverMessage: 'no\u001b[31m\u202Eway\u0085', lng: 'da-DK' });
    });

    it('escapes hostile server text in the text output', async () => {
      const hostile = JSON.stringify({ error: { code: 'Forbidden', message: 'ok\r\u001b[1A\u001b[2KTracking ID: fake\u202E', target: 'id\u0007' } });
      const run = await cli(['explain'], { input: hostile });
      expect(run.code).toBe(0);
      for (const raw of ['\r', '\u0007', '\u202E', '\u001b']) expect(run.stdout).not.toContain(raw);
      expect(run.stdout).toContain('ok\\r\\x1b[1A\\x1b[2KTracking ID: fake\\u202e');
      expect(run.stdout).toContain('id\\x07');
    });

    it('colors with FORCE_COLOR, never with NO_COLOR', async () => {
      const colored = await cli(['explain'], { input: body, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
      expect(colored.stdout).toContain('\u001b[');
      const plain = await cli(['explain'], { input: body, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
      expect(plain.stdout).not.toContain('\u001b');
    });

    it('a body without a code says so, not "did you mean" its fallback code', async () => {
      const run = await cli(['explain'], { input: '{"error":{}}' });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('defender-errors explain: the body has no error code; shown: the generic text for its status\n');
    });

    it.runIf(process.platform !== 'win32')('refuses a named pipe with no writer (exit 2) instead of waiting for it', async () => {
      const fifo = join(workDir, 'no-writer.fifo');
      execFileSync('mkfifo', [fifo]);
      try {
        const run = await runBuiltCli(['explain', fifo], { cwd: workDir, timeout: 20_000 });
        expectUsageError(run, /^defender-errors explain: '.*no-writer\.fifo' is a named pipe: give a regular file, or '-' to read stdin/);
      } finally {
        rmSync(fifo);
      }
    }, 30_000);

    it('refuses a folder (exit 2)', async () => {
      mkdirSync(join(workDir, 'folder'));
      expectUsageError(await cli(['explain', 'folder'], { cwd: workDir }), /'folder' is a folder: give a regular file/);
    });

    it('empty input is not an error body (exit 1), a BOM is fine (exit 0)', async () => {
      expect((await cli(['explain'], { input: '' })).code).toBe(1);
      const withBom = await cli(['explain'], { input: `\uFEFF${body}` });
      expect(withBom.code).toBe(0);
      expect(withBom.stdout).toContain(TRACKING_ID);
    });
  });
});
