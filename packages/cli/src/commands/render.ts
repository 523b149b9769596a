import { DefenderApiError, getErrorDefinition, isErrorCode } from '@defender-errors/core';
import { escapeTerminalText } from '@defender-errors/node';
import { EXIT_OK, UsageError, defineCommand, reportProblem } from '../command';
import { resolveLanguageOption, toTerminalSafeJson, unknownCodeMessage } from '../shared';

const HELP = `Usage: defender-errors render <code> [--lng <tag>] [--param name=value ...] [--json]

Prints the localized message of a Defender XDR REST API error code.

Arguments:
  <code>                 An error code, e.g. InvalidHashValue (case-sensitive)

Options:
  --lng <tag>            Language (BCP 47, e.g. da-DK or da); default from LC_ALL/LC_MESSAGES/LANG, else en-US
  --param name=value     A parameter of the message; repeat for several
  --json                 Print { code, status, title, message, hint, params, lng } as JSON
  -h, --help             Show this help

Exit codes: 0 ok, 1 unknown code (with a suggestion), 2 bad usage.

Example:
  defender-errors render InvalidHashValue --param hash=abc --lng da`;

function readParams(code: string, entries: readonly string[]): Record<string, string | number> {
  const definition = getErrorDefinition(code);
  const names = definition?.params ?? [];
  const params: Record<string, string | number> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--param expects name=value, got '${entry}'`);
    const name = entry.slice(0, equals);
    const value = entry.slice(equals + 1);
    if (!names.includes(name)) {
      const known = names.length === 0 ? 'it has no parameters' : `its parameters: ${names.join(', ')}`;
      throw new UsageError(`${code} has no parameter '${name}' (${known})`);
    }
    if (definition?.paramKinds[name] === 'number') {
      const number = Number(value);
      if (value.trim().length === 0 || !Number.isFinite(number)) throw new UsageError(`parameter '${name}' of ${code} must be a number, got '${value}'`);
      params[name] = number;
    } else {
      params[name] = value;
    }
  }
  return params;
}

/** `defender-errors render <code>`: the localized message of a code. */
export const renderCommand = defineCommand({
  name: 'render',
  synopsis: 'render <code> [options]',
  summary: 'Print the localized message of an error code',
  help: HELP,
  maxPositionals: 1,
  options: {
    lng: { type: 'string' },
    param: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  handle(values, positionals, context) {
    const code = positionals[0];
    if (code === undefined) throw new UsageError('missing <code> (e.g. render InvalidHashValue)');
    const lng = resolveLanguageOption(values.lng, context);
    if (!isErrorCode(code)) return reportProblem(context, 'render', unknownCodeMessage(code));
    const params = readParams(code, values.param ?? []);
    const translator = context.translator();
    const description = translator.describe(new DefenderApiError<string>(code, { params }), { lng });
    const missing = (getErrorDefinition(code)?.params ?? []).filter((name) => !Object.hasOwn(params, name));
    // What the library shows for a message whose parameter is unknown, not the generic text describe() falls back to.
    const message = missing.length === 0 ? description.message : translator.format(code, params as never, { lng });
    if (missing.length > 0) {
      const list = missing.map((name) => `'${name}'`).join(', ');
      context.stderr.write(`warning: no value for the parameter${missing.length === 1 ? '' : 's'} ${list} of ${code}; give --param ${missing[0] ?? ''}=<value>\n`);
    }
    if (values.json === true) {
      const { status, title, hint } = description;
      context.stdout.write(`${toTerminalSafeJson({ code, status, title, message, hint: hint ?? null, params: description.params, lng: description.lng })}\n`);
    } else {
      context.stdout.write(`${escapeTerminalText(message)}\n`);
    }
    return EXIT_OK;
  },
});
