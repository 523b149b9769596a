#!/usr/bin/env node
// Bounded load test of the error handlers of defender-errors, on 127.0.0.1 only, against Express 5
// (errorHandler), Fastify 5 (fastifyErrorHandler) and Hono on @hono/node-server (errorResponder),
// one server process after the other: for each, three rounds of 10 s with 50 connections
// (autocannon), over routes that raise 4xx, 5xx, 429 and non-Error values, with hostile
// Accept-Language headers. Passes when every round has 0 transport
// errors and 0 timeouts (non-2xx answers are the point and are expected), the answers afterwards
// are still right (5xx bodies hold no internal text), and the server's heap after a forced GC
// grows by no more than the tolerance between round 1 and round 3.
//
//   node security/load.mjs        (spawns the server with --expose-gc itself)
//   LOAD_DURATION=10 LOAD_CONNECTIONS=50 LOAD_ROUNDS=3 LOAD_HEAP_TOLERANCE_MB=2 to change the bounds,
//   LOAD_FRAMEWORKS=express,fastify,hono to choose the servers
//
// Exit code 0 = pass, 1 = fail. Numbers go to stdout and security/reports/load.json.
/* global fetch -- Node 20 has fetch; the shared ESLint globals list does not */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.LOAD_DURATION ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 3);
const HEAP_TOLERANCE = Number(process.env.LOAD_HEAP_TOLERANCE_MB ?? 2) * 1024 * 1024;
const SECRET = 'db-7.internal password=hunter2';
const FRAMEWORKS = (process.env.LOAD_FRAMEWORKS ?? 'express,fastify,hono').split(',').map((name) => name.trim());
const FRAMEWORK_NAMES = { express: 'Express 5 + errorHandler', fastify: 'Fastify 5 + fastifyErrorHandler', hono: 'Hono on @hono/node-server + errorResponder' };
const MiB = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

const acceptLanguages = [
  'da',
  'da-DK,da;q=0.9,en;q=0.8',
  'en-GB;q=0.5, da',
  '*;q=0',
  'en;q=0, *',
  ';;;,,,q=abc',
  '__proto__, constructor;q=0.9',
  '{{url}}, $t(label.copy)',
  'x", "lng": "da-DK',
  `${'xx-XX;q=0.1, '.repeat(300)}da`,
];
const paths = ['/hash?hash=%7B%7Burl%7D%7D%24t(label.copy)', '/batch', '/crash', '/upstream', '/gateway', '/quota', '/forwarded', '/thrown-string', '/nothing', '/problem/crash', '/problem/hash?hash=abc', '/ok'];
const requests = paths.flatMap((route, index) => [{ method: 'GET', path: route, headers: { 'accept-language': acceptLanguages[index % acceptLanguages.length] } }]);

const failures = [];
let server;
let serverExit;

function startServer(framework) {
  serverExit = undefined;
  server = fork(path.join(here, 'lib', 'load-server.mjs'), [framework], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  server.on('exit', (code, signal) => {
    serverExit = { code, signal };
  });
}

function ask(type) {
  server.send({ type });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not answer '${type}' within 30 s`)), 30_000);
    server.once('message', (message) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
}

async function checkAnswers(origin, fail) {
  const expectations = [
    ['/crash', 500, 'InternalServerError'],
    ['/upstream', 500, 'InternalServerError'],
    ['/gateway', 502, 'InvalidUrl'],
    ['/thrown-string', 500, 'InternalServerError'],
    ['/quota', 429, 'TooManyRequests'],
    ['/hash?hash=%7B%7Burl%7D%7D', 400, 'InvalidHashValue'],
    ['/forwarded', 400, 'InvalidUrl'],
  ];
  for (const [route, status, code] of expectations) {
    const response = await fetch(`${origin}${route}`, { headers: { 'accept-language': 'da' } });
    const text = await response.text();
    if (response.status !== status) fail(`${route}: status ${response.status}, expected ${status}`);
    if (!text.includes(`"code":"${code}"`)) fail(`${route}: the code ${code} is not in ${text}`);
    if (text.includes(SECRET) || text.includes('hunter2') || text.includes('ECONNREFUSED')) fail(`${route}: internal text leaked: ${text}`);
    if (response.headers.get('content-language') !== 'da-DK') fail(`${route}: Content-Language ${response.headers.get('content-language')}`);
  }
  const literal = await (await fetch(`${origin}/hash?hash=%7B%7Burl%7D%7D%24t(label.copy)`)).json();
  if (literal.error?.message !== 'Hash value {{url}}$t(label.copy) is invalid.') fail(`template text was not kept literally: ${JSON.stringify(literal)}`);
}

/** Runs the rounds against one framework's server; returns its report. */
async function runFramework(framework) {
  const fail = (message) => failures.push(`${framework}: ${message}`);
  const rounds = [];
  let baseline;
  let growth;
  startServer(framework);
  try {
    const [listening] = await once(server, 'message');
    const origin = `http://127.0.0.1:${listening.port}`;
    // Warm-up outside the rounds: JIT, translator tables and number formats.
    await autocannon({ url: origin, connections: 4, amount: 500, requests });
    baseline = await ask('heap');
    console.log(`load test: ${ROUNDS} rounds x ${DURATION} s x ${CONNECTIONS} connections against ${origin} (${FRAMEWORK_NAMES[framework] ?? framework}), Node ${process.version}`);
    console.log(`heap after warm-up and GC: ${MiB(baseline.heapUsed)}`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const result = await autocannon({ url: origin, connections: CONNECTIONS, duration: DURATION, requests, timeout: 10 });
      const heap = await ask('heap');
      const summary = {
        round,
        requests: result.requests.total,
        perSecond: Math.round(result.requests.average),
        non2xx: result.non2xx,
        '2xx': result['2xx'],
        errors: result.errors,
        timeouts: result.timeouts,
        resets: result.resets ?? 0,
        mismatches: result.mismatches ?? 0,
        latencyP99Ms: result.latency.p99,
        heapUsed: heap.heapUsed,
        serverCounts: heap.counts,
      };
      rounds.push(summary);
      console.log(
        `round ${round}: ${summary.requests} requests (${summary.perSecond}/s), ${summary.non2xx} non-2xx, ${summary['2xx']} 2xx, ${summary.errors} errors, ${summary.timeouts} timeouts, p99 ${summary.latencyP99Ms} ms, heap after GC ${MiB(summary.heapUsed)}`,
      );
      if (summary.errors !== 0 || summary.timeouts !== 0) fail(`round ${round}: ${summary.errors} transport errors and ${summary.timeouts} timeouts (expected 0)`);
      if (summary.requests === 0) fail(`round ${round}: no request was answered`);
    }
    growth = rounds.at(-1).heapUsed - rounds[0].heapUsed;
    console.log(`heap growth from round 1 to round ${ROUNDS}: ${MiB(growth)} (tolerance ${MiB(HEAP_TOLERANCE)})`);
    if (growth > HEAP_TOLERANCE) fail(`the heap grew by ${MiB(growth)} between round 1 and round ${ROUNDS} (tolerance ${MiB(HEAP_TOLERANCE)})`);
    await checkAnswers(origin, fail);
  } catch (error) {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    if (serverExit !== undefined) fail(`the server exited during the test (${JSON.stringify(serverExit)})`);
    else {
      const exited = once(server, 'exit');
      server.kill();
      await exited;
    }
  }
  return { framework, baselineHeap: baseline?.heapUsed, heapGrowth: growth, rounds };
}

const reports = [];
for (const framework of FRAMEWORKS) reports.push(await runFramework(framework));
const reportDir = path.join(here, 'reports');
mkdirSync(reportDir, { recursive: true });
writeFileSync(
  path.join(reportDir, 'load.json'),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), duration: DURATION, connections: CONNECTIONS, heapTolerance: HEAP_TOLERANCE, frameworks: reports, failures }, null, 2)}\n`,
);

if (failures.length > 0) {
  console.error(`load test FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log(`load test passed (${FRAMEWORKS.join(', ')}): 0 transport errors, 0 timeouts, answers still correct, no heap growth beyond the tolerance.`);
