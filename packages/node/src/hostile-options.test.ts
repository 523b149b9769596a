import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { DefenderApiError } from '@defender-errors/core';
import { describe, expect, it } from 'vitest';
import { formatForTerminal, sendError } from './index';

// Issue 18 point 3: options (and a request) whose getters or traps throw count as not given.
const thrower = (): never => {
  throw new Error('hostile');
};
const error = new DefenderApiError('InvalidUrl', { params: { url: 'u' }, target: 't' });

function hostileOptions(names: readonly string[]): object[] {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const getters = Object.fromEntries(names.map((name) => [name, { get: thrower, enumerable: true }]));
  return [Object.defineProperties({}, getters), proxy, new Proxy({}, { get: thrower })];
}

function detachedResponse(): { res: ServerResponse; body: () => string } {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  let written = '';
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    if (typeof chunk === 'string') written += chunk;
    return end();
  }) as ServerResponse['end'];
  return { res, body: () => written };
}

describe('sendError', () => {
  it('answers the error itself when its options or its req throw on every read', () => {
    const options = hostileOptions(['req', 'lng', 'translator', 'localize', 'problemJson', 'problemType']);
    const requests = hostileOptions(['headers', 'method']);
    for (const given of [...options, ...requests.map((req) => ({ req }))]) {
      const { res, body } = detachedResponse();
      expect(sendError(res, error, given as never)).toMatchObject({ status: 400, code: 'InvalidUrl', target: 't', lng: 'en-US' });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(body())).toMatchObject({ error: { code: 'InvalidUrl', target: 't' } });
    }
  });
});

describe('formatForTerminal', () => {
  it('formats as with no options when its options, env or stream throw on every read', () => {
    const plain = formatForTerminal(error, { color: false, env: {} });
    for (const options of hostileOptions(['translator', 'lng', 'color', 'env', 'stream'])) {
      expect(formatForTerminal(error, options as never)).toBe(formatForTerminal(error));
    }
    for (const env of hostileOptions(['NO_COLOR', 'FORCE_COLOR'])) {
      expect(formatForTerminal(error, { env: env as never, stream: { isTTY: false } })).toBe(plain);
    }
    for (const stream of hostileOptions(['isTTY'])) {
      expect(formatForTerminal(error, { env: {}, stream: stream as never })).toBe(plain);
    }
  });
});
