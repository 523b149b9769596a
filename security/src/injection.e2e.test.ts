import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DefenderApiError, getErrorDefinition, parseErrorBody, wireMessage, type ErrorCode } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { errorHandler, escapeTerminalText, formatForTerminal } from '@defender-errors/node';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { CATALOGS, INJECTIONS, SUPPORTED_LOCALES, expectedMessage } from './payloads';

/**
 * Template injection end to end, through every output and not only `format()`: a value that holds
 * `{{x}}`, `{{- x}}`, `$t(...)`, prototype names or quotes that try to set `lng` comes out literally,
 * in the language the client asked for, with no other catalog entry in it: from `describe()`, in the
 * HTTP response of the Express error handler (wire and problem+json, localized and not), in
 * `formatForTerminal`, and from the `defender-errors explain` binary.
 */

const translator = createErrorTranslator();
const TRACKING_ID = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
/** Codes whose message has exactly one parameter, so that a server's English message gives it back exactly. */
const SINGLE_PARAMETER_CODES = (Object.keys(CATALOGS['en-US'] ?? {}) as string[])
  .filter((key) => key.endsWith('.message'))
  .map((key) => key.slice(0, -'.message'.length))
  .filter((code): code is ErrorCode => getErrorDefinition(code as ErrorCode)?.params.length === 1);
const ACCEPT = { 'en-US': 'en-GB, en;q=0.9', 'da-DK': 'da, en;q=0.5' } as const;

function parameterOf(code: ErrorCode): string {
  return getErrorDefinition(code).params[0] as string;
}

/** The English wire text the API would send for `code` with `value` (core's wire wordings). */
function englishServerMessage(code: ErrorCode, value: string): string {
  return wireMessage(code, { [parameterOf(code)]: value }) as string;
}

/** What a body in `lng` says: an English body speaks the API's wire text, other languages the catalog. */
function bodyMessage(lng: string, code: ErrorCode, value: string): string {
  return lng === 'en-US' ? englishServerMessage(code, value) : expectedMessage(lng, code, { [parameterOf(code)]: value });
}

let server: Server;
let origin: string;

beforeAll(async () => {
  const app = express();
  // A client of the Defender API that forwards the error it got (the body is in the query).
  app.get('/forward', (req, _res, next) => {
    next(DefenderApiError.fromParsed(parseErrorBody(String(req.query['body']), { status: Number(req.query['status'] ?? 400) })));
  });
  // An app that raises an error with a parameter taken from the request.
  app.get('/raise/:code', (req, _res, next) => {
    const code = req.params.code as ErrorCode;
    next(new DefenderApiError(code, { params: { [parameterOf(code)]: String(req.query['value']) } as never, target: TRACKING_ID }));
  });
  const handlers = { wire: errorHandler({ localize: false }), problem: errorHandler({ problemJson: true }), standard: errorHandler() };
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    const mode = String(req.query['mode'] ?? 'standard') as keyof typeof handlers;
    handlers[mode](error, req, res, next);
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function getJson(path: string, lng: keyof typeof ACCEPT): Promise<{ status: number; language: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${origin}${path}`, { headers: { 'accept-language': ACCEPT[lng] } });
  return { status: response.status, language: response.headers.get('content-language'), body: (await response.json()) as Record<string, unknown> };
}

describe(`template injection end to end (${INJECTIONS.length} payloads x ${SINGLE_PARAMETER_CODES.length} codes x ${SUPPORTED_LOCALES.length} languages)`, () => {
  it('covers every single-parameter code', () => {
    expect(SINGLE_PARAMETER_CODES.length).toBeGreaterThanOrEqual(9);
  });

  it('describe() of a forwarded server body re-renders the payload literally in the requested language', () => {
    for (const code of SINGLE_PARAMETER_CODES) {
      for (const payload of INJECTIONS) {
        const body = JSON.stringify({ error: { code, message: englishServerMessage(code, payload), target: payload } });
        for (const lng of SUPPORTED_LOCALES) {
          const description = translator.describe(body, { lng });
          expect(description.lng).toBe(lng);
          expect(description.message, `${code} ${lng} ${payload}`).toBe(expectedMessage(lng, code, { [parameterOf(code)]: payload }));
          expect(description.title).toBe(CATALOGS[lng]?.[`${code}.title`]);
          expect(description.target).toBe(payload);
        }
      }
    }
  });

  it('the HTTP response (wire body) of an app error carries the payload literally, in the negotiated language', async () => {
    for (const code of SINGLE_PARAMETER_CODES) {
      for (const payload of INJECTIONS) {
        for (const lng of SUPPORTED_LOCALES) {
          const response = await getJson(`/raise/${code}?value=${encodeURIComponent(payload)}`, lng);
          expect(response.status).toBe(getErrorDefinition(code).status);
          expect(response.language).toBe(lng);
          expect(response.body).toEqual({ error: { code, message: bodyMessage(lng, code, payload), target: TRACKING_ID } });
        }
      }
    }
  });

  it('a forwarded upstream body: localized, problem+json and English wire text all keep the payload literally', async () => {
    for (const code of SINGLE_PARAMETER_CODES) {
      for (const payload of INJECTIONS) {
        const serverMessage = englishServerMessage(code, payload);
        const body = encodeURIComponent(JSON.stringify({ error: { code, message: serverMessage, target: TRACKING_ID } }));
        const status = getErrorDefinition(code).status;
        const localized = await getJson(`/forward?status=${status}&body=${body}`, 'da-DK');
        expect(localized.language).toBe('da-DK');
        expect(localized.body).toEqual({ error: { code, message: expectedMessage('da-DK', code, { [parameterOf(code)]: payload }), target: TRACKING_ID } });
        const problem = await getJson(`/forward?status=${status}&mode=problem&body=${body}`, 'da-DK');
        expect(problem.body).toMatchObject({
          code,
          status,
          title: CATALOGS['da-DK']?.[`${code}.title`],
          detail: expectedMessage('da-DK', code, { [parameterOf(code)]: payload }),
          params: { [parameterOf(code)]: payload },
          trackingId: TRACKING_ID,
        });
        const wire = await getJson(`/forward?status=${status}&mode=wire&body=${body}`, 'da-DK');
        expect(wire.language).toBe('en-US');
        expect(wire.body).toEqual({ error: { code, message: serverMessage, target: TRACKING_ID } });
      }
    }
  });

  it('formatForTerminal prints the payload literally (escaped) in the requested language', () => {
    for (const code of SINGLE_PARAMETER_CODES) {
      for (const payload of INJECTIONS) {
        const parsed = parseErrorBody({ error: { code, message: englishServerMessage(code, payload), target: TRACKING_ID } });
        for (const lng of SUPPORTED_LOCALES) {
          const [first, ...rows] = formatForTerminal(parsed, { lng, color: false }).split('\n');
          expect(first).toBe(escapeTerminalText(expectedMessage(lng, code, { [parameterOf(code)]: payload })));
          expect(rows.join('\n')).not.toContain(CATALOGS[lng]?.['label.copy']);
        }
      }
    }
  });

  it('`defender-errors explain` prints every payload literally, in the requested language (text and --json)', async () => {
    const payload = INJECTIONS.join(' ');
    const code: ErrorCode = 'InvalidUrl';
    const body = JSON.stringify({ error: { code, message: englishServerMessage(code, payload), target: TRACKING_ID } });
    for (const lng of SUPPORTED_LOCALES) {
      const expected = expectedMessage(lng, code, { url: payload });
      const text = await runCli(['explain', '--lng', lng], body);
      expect(text.code).toBe(0);
      expect(text.stdout.split('\n')[0]).toBe(escapeTerminalText(expected));
      const json = await runCli(['explain', '--json', '--lng', lng], body);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ code, lng, message: expected, target: TRACKING_ID, params: { url: payload } });
    }
  });

  it('`defender-errors render` inserts a --param value literally', async () => {
    const payload = INJECTIONS.join(' ');
    for (const lng of SUPPORTED_LOCALES) {
      const run = await runCli(['render', 'InvalidUrl', '--lng', lng, '--param', `url=${payload}`], '');
      expect(run.code).toBe(0);
      expect(run.stdout.trimEnd()).toBe(escapeTerminalText(expectedMessage(lng, 'InvalidUrl', { url: payload })));
    }
  });
});
