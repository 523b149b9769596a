import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES, fallbackCodeForStatus, getErrorDefinition, isErrorCode, wireMessage, type ErrorCode } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createDemoServer } from '../src/server/app';
import { CODE_SCENARIOS, SCENARIOS, VARIANT_SCENARIOS } from '../src/scenarios';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const reference = createErrorTranslator();
const logged: string[] = [];
let server: Server;
let origin: string;
let publicDir: string;

beforeAll(async () => {
  publicDir = mkdtempSync(join(tmpdir(), 'demo-public-'));
  mkdirSync(join(publicDir, 'assets'));
  writeFileSync(join(publicDir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(publicDir, 'assets', 'app.js'), 'export {};');
  server = createDemoServer({ publicDir, log: (line) => logged.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(publicDir, { recursive: true, force: true });
});

async function getJson(path: string, init?: RequestInit) {
  const response = await fetch(`${origin}${path}`, init);
  const body = (await response.json()) as { error: { code: string; message: string; target: string } };
  return { response, body };
}

describe('the demo API', () => {
  it('has one scenario per registered code, plus variants and one unknown code', () => {
    expect(CODE_SCENARIOS.map((scenario) => scenario.code)).toEqual([...ERROR_CODES]);
    expect(VARIANT_SCENARIOS.filter((scenario) => !isErrorCode(scenario.code))).toHaveLength(1);
    expect(new Set(SCENARIOS.map((scenario) => scenario.path)).size).toBe(SCENARIOS.length);
  });

  for (const scenario of CODE_SCENARIOS) {
    it(`answers ${scenario.path} like the Defender API: status, English text, a tracking ID`, async () => {
      const code = scenario.code as ErrorCode;
      const { response, body } = await getJson(scenario.path);
      expect(response.status).toBe(getErrorDefinition(code).status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-language')).toBe('en-US');
      expect(body.error.code).toBe(code);
      expect(body.error.target).toMatch(UUID);
      // A 5xx body holds only the generic text of its status (UnknownError answers as a 500 does).
      const status = getErrorDefinition(code).status;
      const expected = reference.describe({ error: { code: status >= 500 ? fallbackCodeForStatus(status) : code, message: '' } }, { lng: 'en-US' });
      // Like the Defender API, an English body speaks the wire text (core's wireMessage), which the page reads back.
      const english = status >= 500 ? expected.message : (wireMessage(code, scenario.params ?? {}) ?? expected.message);
      expect(body.error.message).toBe(english);
      if (scenario.retryAfter !== undefined) expect(response.headers.get('retry-after')).toBe(String(scenario.retryAfter));
    });
  }

  for (const scenario of VARIANT_SCENARIOS) {
    it(`answers ${scenario.path} with the server's own wording, verbatim`, async () => {
      const { response, body } = await getJson(scenario.path);
      expect(response.status).toBe(scenario.status ?? getErrorDefinition(scenario.code as ErrorCode).status);
      expect(body.error).toMatchObject({ code: scenario.code, message: scenario.serverMessage });
      expect(body.error.target).toMatch(UUID);
    });
  }

  it('lists the scenarios at /api/errors', async () => {
    const response = await fetch(`${origin}/api/errors`);
    const list = (await response.json()) as { path: string }[];
    expect(list.map((entry) => entry.path)).toEqual(SCENARIOS.map((scenario) => scenario.path));
  });

  it('answers an unknown scenario, a malformed path and a wrong method with error bodies', async () => {
    const missing = await getJson('/api/errors/NoSuchThing');
    expect(missing.response.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'ResourceNotFound', message: "Resource /api/errors/NoSuchThing wasn't found." });
    const malformed = await getJson('/api/errors/%E0%A4%A');
    expect(malformed.response.status).toBe(404);
    const unknownVariant = await getJson('/api/errors/ResourceNotFound?variant=nope');
    expect(unknownVariant.response.status).toBe(404);
    const posted = await getJson('/api/errors/BadRequest', { method: 'POST' });
    expect(posted.response.status).toBe(405);
    expect(posted.response.headers.get('allow')).toBe('GET, HEAD');
    expect(posted.body.error.code).toBe('BadRequest');
    expect(logged).toEqual([]);
  });
});

describe('the demo static server', () => {
  it('serves the page with a strict CSP and Trusted Types', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("require-trusted-types-for 'script'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`${origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the page folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/', '/assets/missing.js', '/%00']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
    }
    const posted = await fetch(`${origin}/`, { method: 'POST' });
    expect(posted.status).toBe(405);
  });
});
