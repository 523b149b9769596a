import { parseErrorBody, parseRetryAfter, type ErrorResponseInfo } from '@defender-errors/core';
import { formatForTerminal } from '@defender-errors/node';
import { EXIT_OK, defineCommand, reportProblem, type CliTranslator } from '../command';
import { resolveLanguageOption, toTerminalSafeJson, unknownCodeMessage } from '../shared';
import { readInput } from './read-input';

const HELP = `Usage: defender-errors explain [file|-] [--lng <tag>] [--json]

Explains a Defender XDR REST API error: reads an error body (JSON), or a raw HTTP response
with its status line and headers (as printed by 'curl -i'), from a file or stdin ('-' or no
file), and prints the localized message, status, hint, server message and tracking ID.
From a raw response, the status and Retry-After header are used too. At most 1 MiB is read.

Options:
  --lng <tag>   Language (BCP 47, e.g. da-DK or da); default from LC_ALL/LC_MESSAGES/LANG, else en-US
  --json        Print the description as JSON
  -h, --help    Show this help

Exit codes: 0 ok, 1 the input is not an error body or its code is unknown, 2 bad usage.

Examples:
  defender-errors explain response.json --lng da
  curl -si https://api.security.microsoft.com/api/machines/123 | defender-errors explain -`;

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b(?:[ \t]+([^\r\n]*))?/;
/** Interim (1xx) responses and redirects before the final one, as `curl -i -L` prints them. */
const MAX_RESPONSE_BLOCKS = 10;
/** The longest reason phrase kept (the standard ones are at most 31 characters). */
const MAX_REASON_LENGTH = 64;

/** What `explain` uses of a raw HTTP response; a plain body has no status, reason or Retry-After. */
export interface RawResponse {
  readonly status: number | undefined;
  /** The status line's reason phrase (`Bad Gateway`); HTTP/2 has none. */
  readonly reason?: string | undefined;
  readonly retryAfter: string | undefined;
  readonly body: string;
}

/** A raw HTTP response split into what `explain` uses; plain bodies come back as they are. */
export function splitRawResponse(input: string): RawResponse {
  let rest = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let status: number | undefined;
  let reason: string | undefined;
  let retryAfter: string | undefined;
  for (let block = 0; block < MAX_RESPONSE_BLOCKS; block += 1) {
    const trimmed = rest.trimStart();
    const statusMatch = STATUS_LINE.exec(trimmed);
    if (!statusMatch) break;
    status = Number(statusMatch[1]);
    reason = statusMatch[2]?.trim().slice(0, MAX_REASON_LENGTH) || undefined;
    retryAfter = undefined;
    const headerEnd = /\r?\n\r?\n/.exec(trimmed);
    const head = headerEnd ? trimmed.slice(0, headerEnd.index) : trimmed;
    rest = headerEnd ? trimmed.slice(headerEnd.index + headerEnd[0].length) : '';
    for (const line of head.split(/\r?\n/).slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'retry-after') retryAfter = line.slice(colon + 1).trim();
    }
  }
  return reason === undefined ? { status, retryAfter, body: rest } : { status, reason, retryAfter, body: rest };
}

/** `defender-errors explain [file|-]`: a received error body or raw response, explained in the user's language. */
export const explainCommand = defineCommand({
  name: 'explain',
  synopsis: 'explain [file|-] [options]',
  summary: 'Explain an error body or raw HTTP response (file or stdin)',
  help: HELP,
  maxPositionals: 1,
  options: {
    lng: { type: 'string' },
    json: { type: 'boolean' },
  },
  async handle(values, positionals, context) {
    const lng = resolveLanguageOption(values.lng, context);
    const raw = splitRawResponse(await readInput(positionals[0], context));
    const info: ErrorResponseInfo = { ...parseErrorBody(raw.body, { status: raw.status }), retryAfter: parseRetryAfter(raw.retryAfter) };
    // Not an error body: the status line's own reason names the status better than the fallback code's title.
    const translator = !info.isErrorBody && raw.reason !== undefined ? withTitle(context.translator(), raw.reason) : context.translator();
    if (values.json === true) {
      context.stdout.write(`${toTerminalSafeJson(translator.describe(info, { lng }))}\n`);
    } else {
      context.stdout.write(`${formatForTerminal(info, { lng, translator, stream: context.stdout, env: context.env })}\n`);
    }
    if (!info.isErrorBody) return reportProblem(context, 'explain', `the input is not an error body; shown: the generic text for HTTP ${info.status}`);
    // parseErrorBody gives the fallback code (a known one) only when the body names no usable code.
    if (!info.known && info.code === info.fallbackCode) return reportProblem(context, 'explain', 'the body has no error code; shown: the generic text for its status');
    if (!info.known) return reportProblem(context, 'explain', unknownCodeMessage(info.code));
    return EXIT_OK;
  },
});

/** `translator` with every description titled `title`. */
function withTitle(translator: CliTranslator, title: string): CliTranslator {
  return { ...translator, describe: (value, options) => ({ ...translator.describe(value, options), title }) };
}
