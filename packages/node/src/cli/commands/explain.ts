import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseErrorBody, parseRetryAfter, type ErrorResponseInfo } from '@defender-errors/core';
import { escapeTerminalText, formatForTerminal } from '../../terminal';
import { EXIT_OK, EXIT_PROBLEM, UsageError, defineCommand, type CliContext } from '../command';
import { MAX_INPUT_BYTES, resolveLanguageOption, toTerminalSafeJson, unknownCodeMessage } from '../shared';

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

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/;
/** Interim (1xx) responses and redirects before the final one, as `curl -i -L` prints them. */
const MAX_RESPONSE_BLOCKS = 10;

/** A raw HTTP response split into what `explain` uses; plain bodies come back as they are. */
export function splitRawResponse(input: string): { status: number | undefined; retryAfter: string | undefined; body: string } {
  let rest = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let status: number | undefined;
  let retryAfter: string | undefined;
  for (let block = 0; block < MAX_RESPONSE_BLOCKS; block += 1) {
    const trimmed = rest.trimStart();
    const statusMatch = STATUS_LINE.exec(trimmed);
    if (!statusMatch) break;
    status = Number(statusMatch[1]);
    retryAfter = undefined;
    const headerEnd = /\r?\n\r?\n/.exec(trimmed);
    const head = headerEnd ? trimmed.slice(0, headerEnd.index) : trimmed;
    rest = headerEnd ? trimmed.slice(headerEnd.index + headerEnd[0].length) : '';
    for (const line of head.split(/\r?\n/).slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'retry-after') retryAfter = line.slice(colon + 1).trim();
    }
  }
  return { status, retryAfter, body: rest };
}

async function readStream(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes.subarray(0, MAX_INPUT_BYTES - size));
    size += Math.min(bytes.byteLength, MAX_INPUT_BYTES - size);
    if (size >= MAX_INPUT_BYTES) break;
  }
  return Buffer.concat(chunks);
}

async function readFileCapped(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_INPUT_BYTES);
    let size = 0;
    while (size < MAX_INPUT_BYTES) {
      const { bytesRead } = await handle.read(buffer, size, MAX_INPUT_BYTES - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return buffer.subarray(0, size);
  } finally {
    await handle.close();
  }
}

async function readInput(source: string | undefined, context: CliContext): Promise<string> {
  let bytes: Uint8Array;
  if (source === undefined || source === '-') {
    if (source === undefined && context.stdin.isTTY === true) throw new UsageError('give a file, or pipe an error body into stdin');
    bytes = await readStream(context.stdin);
  } else {
    try {
      bytes = await readFileCapped(resolve(context.cwd, source));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unreadable';
      throw new UsageError(`cannot read '${source}' (${reason})`);
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
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
    const translator = context.translator();
    if (values.json === true) {
      context.stdout.write(`${toTerminalSafeJson(translator.describe(info, { lng }))}\n`);
    } else {
      context.stdout.write(`${formatForTerminal(info, { lng, translator, stream: context.stdout, env: context.env })}\n`);
    }
    let problem: string | undefined;
    if (!info.isErrorBody) {
      problem = `the input is not an error body; shown: the generic text for HTTP ${info.status}`;
    } else if (!info.known) {
      problem = unknownCodeMessage(info.code);
    }
    if (problem === undefined) return EXIT_OK;
    context.stderr.write(`${escapeTerminalText(`defender-errors explain: ${problem}`)}\n`);
    return EXIT_PROBLEM;
  },
});
