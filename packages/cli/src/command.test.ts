import { Readable } from 'node:stream';
import { createErrorTranslator } from '@defender-errors/i18n';
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, UsageError, defineCommand, defineCommandGroup, type CliContext } from './command';
import { COMMANDS } from './commands/index';
import { splitRawResponse } from './commands/explain';
import { runCli } from './run';

function context(input = ''): CliContext & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  const translator = createErrorTranslator();
  return {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([input]),
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    translator: () => translator,
    out: () => stdout,
    err: () => stderr,
  };
}

/** A made-up command group (`catalog check|add`): proves that the registration point takes groups of subcommands. */
const calls: string[][] = [];
const check = defineCommand({
  name: 'check',
  synopsis: 'check [options]',
  summary: 'Check the catalogs',
  help: 'Usage: defender-errors catalog check [--strict]',
  options: { strict: { type: 'boolean' } },
  handle(values) {
    calls.push(['check', String(values.strict === true)]);
    return values.strict === true ? EXIT_PROBLEM : EXIT_OK;
  },
});
const add = defineCommand({
  name: 'add',
  synopsis: 'add <lng>',
  summary: 'Add a locale',
  help: 'Usage: defender-errors catalog add <lng>',
  options: {},
  maxPositionals: 1,
  handle(_values, positionals) {
    if (positionals[0] === undefined) throw new UsageError('missing <lng>');
    calls.push(['add', positionals[0]]);
    return EXIT_OK;
  },
});
const catalog = defineCommandGroup({ name: 'catalog', summary: 'Manage the message catalogs', subcommands: [check, add] });
const withGroup = [...COMMANDS, catalog];

describe('command table', () => {
  it('a new command group shows up in help and runs, with usage errors naming the full command', async () => {
    const help = context();
    expect(await runCli(['--help'], help, withGroup)).toBe(EXIT_OK);
    expect(help.out()).toMatch(/^ {2}catalog <check\|add> \[options\] +Manage the message catalogs$/m);

    const groupHelp = context();
    expect(await runCli(['catalog', '--help'], groupHelp, withGroup)).toBe(EXIT_OK);
    expect(groupHelp.out()).toContain('Usage: defender-errors catalog <command>');
    expect(groupHelp.out()).toMatch(/^ {2}add <lng> +Add a locale$/m);

    const subHelp = context();
    expect(await runCli(['catalog', 'check', '-h'], subHelp, withGroup)).toBe(EXIT_OK);
    expect(subHelp.out()).toBe('Usage: defender-errors catalog check [--strict]\n');

    calls.length = 0;
    expect(await runCli(['catalog', 'check', '--strict'], context(), withGroup)).toBe(EXIT_PROBLEM);
    expect(await runCli(['catalog', 'add', 'sv-SE'], context(), withGroup)).toBe(EXIT_OK);
    expect(calls).toEqual([
      ['check', 'true'],
      ['add', 'sv-SE'],
    ]);

    const missing = context();
    expect(await runCli(['catalog', 'add'], missing, withGroup)).toBe(EXIT_USAGE);
    expect(missing.err()).toBe("defender-errors catalog add: missing <lng> (see 'defender-errors catalog add --help')\n");

    const unknown = context();
    expect(await runCli(['catalog', 'import'], unknown, withGroup)).toBe(EXIT_USAGE);
    expect(unknown.err()).toBe("defender-errors catalog: unknown command 'import' (one of: check, add) (see 'defender-errors catalog --help')\n");
  });

  it('every registered command has a unique name, a summary and a working --help', async () => {
    const names = COMMANDS.map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(['render', 'explain']));
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(command.summary.length).toBeGreaterThan(0);
      const io = context();
      expect(await runCli([command.name, '--help'], io)).toBe(EXIT_OK);
      expect(io.out()).toContain(`defender-errors ${command.name}`);
      expect(io.out()).not.toMatch(/coming soon|not implemented/i);
    }
  });

  it('runs explain in-process on a given stdin', async () => {
    const io = context('{"error":{"code":"Forbidden","message":"Forbidden","target":"t-1"}}');
    expect(await runCli(['explain', '--lng', 'da'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('t-1');
  });
});

describe('splitRawResponse', () => {
  it.each([
    ['a plain body', '{"error":{}}', undefined, undefined, undefined, '{"error":{}}'],
    ['a raw response', 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n\r\n{}', 429, 'Too Many Requests', '7', '{}'],
    ['LF line ends and header case', 'HTTP/2 503\nretry-after:  Wed, 21 Oct 2099 07:28:00 GMT\n\nbody', 503, undefined, 'Wed, 21 Oct 2099 07:28:00 GMT', 'body'],
    ['headers only', 'HTTP/1.1 404 Not Found\r\nX: y', 404, 'Not Found', undefined, ''],
    ['interim responses', 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved\r\nRetry-After: 1\r\n\r\nHTTP/1.1 400 Bad Request\r\n\r\n{}', 400, 'Bad Request', undefined, '{}'],
    ['a BOM and leading blank lines', '\uFEFF\r\n\r\nHTTP/1.1 401 Unauthorized\r\n\r\n{}', 401, 'Unauthorized', undefined, '{}'],
    ['a blank reason', 'HTTP/1.1 502 \r\n\r\n<html>', 502, undefined, undefined, '<html>'],
    ['not a status line', 'HTTPS/1.1 400\r\n\r\n{}', undefined, undefined, undefined, 'HTTPS/1.1 400\r\n\r\n{}'],
  ])('%s', (_label, input, status, reason, retryAfter, body) => {
    expect(splitRawResponse(input)).toEqual(reason === undefined ? { status, retryAfter, body } : { status, reason, retryAfter, body });
  });
});
