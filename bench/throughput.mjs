// Throughput of format() and describe() against a hand-written floor and raw i18next, side by side
// in one process, for the message of InvalidHashValue ("The hash value {{hash}} isn't valid.").
//
// Two states of the process, because V8 specializes code to what it has seen:
//   (default)  focused: a fresh process that renders only this message (the setting);
//   --warm     app-like: every code, locale and both paths (compiled and compile: false) have been
//              exercised first, so lookups by code and parameter reads are megamorphic, as in an
//              application that shows many different errors. Also measures compile: false and numbers.
//
// By default each state is measured in 3 fresh processes and every task reports the median of
// the three (a single process can land in a slower JIT state, or next to another job).
//
//   node bench/throughput.mjs [--warm] [--quick] [--processes=N]            (after `pnpm build`)
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { i18nextUrl, loadCatalog, requireDist } from './lib/paths.mjs';
import { machine, measureThroughput, median } from './lib/harness.mjs';
import { initRawI18next } from './lib/raw-i18next.mjs';
import { measureHttpRows } from './lib/http-rows.mjs';
import { SuiteReport, formatNs, formatOps, round } from './lib/report.mjs';

const { DefenderApiError, ERROR_CODES } = await import(requireDist('core'));
const { createErrorTranslator, resources } = await import(requireDist('i18n'));
const i18nextModule = i18nextUrl();
const { createInstance } = await import(i18nextModule.url);

const quick = process.argv.includes('--quick');
const warm = process.argv.includes('--warm');
const isChild = process.argv.includes('--child');
const processesArgument = process.argv.find((argument) => argument.startsWith('--processes='));
const processes = processesArgument ? Number(processesArgument.slice('--processes='.length)) : quick ? 1 : 3;
const state = warm ? 'app-like state' : 'focused process';
const options = quick ? { rounds: 3, time: 120, warmupTime: 50 } : { rounds: 9, time: 200, warmupTime: 100 };
const en = loadCatalog('en-US');
// The floors: the catalogs' InvalidHashValue messages as template literals. Every contender is
// checked against them before it is timed, so a change of the catalog text fails loudly here.
const englishMessage = (hash) => `The hash value ${hash} isn't valid.`;
const danishMessage = (hash) => `Hashværdien ${hash} er ugyldig.`;

let sections;
if (isChild || processes === 1) {
  sections = await measureAll();
  if (isChild) {
    process.stdout.write(`${JSON.stringify(sections)}\n`);
    process.exit(0);
  }
} else {
  // Every process is a fresh start for V8 and may land next to other jobs on a shared machine:
  // measure in several and keep, per task, the median of their results.
  const runs = [];
  for (let index = 0; index < processes; index += 1) {
    const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...(warm ? ['--warm'] : []), ...(quick ? ['--quick'] : [])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    runs.push(JSON.parse(output.trim().split('\n').at(-1)));
  }
  sections = Object.fromEntries(Object.keys(runs[0]).map((section) => [section, medianRows(runs.map((run) => run[section]))]));
}

const report = new SuiteReport(warm ? 'throughput-warm' : 'throughput');
report.note(
  `throughput (${state}): ${machine()}, i18next ${i18nextModule.version}; ${processes} fresh process${processes === 1 ? '' : 'es'}, ` +
    `each ${options.rounds} rounds × ${options.time} ms per task; per task the best round of each process, median over the processes`,
);
const { formatRows, daRows, numberRows, describeRows, httpRows } = sections;

/** Per task, the median over several processes of its time; `spread` is then the range across processes. */
function medianRows(runsOfRows) {
  return runsOfRows[0].map((row, index) => {
    const times = runsOfRows.map((rows) => rows[index].nsPerOp);
    const nsPerOp = median(times);
    return { ...row, nsPerOp, opsPerSecond: 1e9 / nsPerOp, spread: ((Math.max(...times) - Math.min(...times)) / nsPerOp) * 100, processes: times.length };
  });
}

/** Everything that is measured in one process: the checks, the warm-up of the app-like state and every table. */
async function measureAll() {
  const translator = createErrorTranslator();

  // Raw i18next, configured like the package's own instance (no HTML escaping: the output is plain text).
  const i18next = await initRawI18next(createInstance, resources, 'en-US');
  const fixedEn = i18next.getFixedT('en-US', 'errors');

  // 64 realistic inputs: SHA-256 / SHA-1 / MD5 hex digests and a few cut ones, as servers echo them.
  const hashes = Array.from({ length: 64 }, (_, index) => {
    const digest = createHash(['sha256', 'sha1', 'md5'][index % 3]).update(`file-${index}`).digest('hex');
    return index % 8 === 7 ? `${digest.slice(0, 9)}…` : digest;
  });
  const hashParams = hashes.map((hash) => ({ hash }));
  const targets = hashes.map((hash) => `${hash.slice(0, 8)}-8fac-4b65-9db1-745c2ae65f3a`);
  const errors = hashes.map((hash, index) => new DefenderApiError('InvalidHashValue', { params: { hash }, target: targets[index] }));

  const TITLES = Object.fromEntries(Object.entries(en).filter(([key]) => key.endsWith('.title')).map(([key, value]) => [key.slice(0, -'.title'.length), value]));
  const HINTS = Object.fromEntries(Object.entries(en).filter(([key]) => key.endsWith('.hint')).map(([key, value]) => [key.slice(0, -'.hint'.length), value]));

  /** What a hand-written, English-only describe() does for this error: the floor for describe(). */
  function handWrittenDescribe(error) {
    if (!(error instanceof DefenderApiError)) throw new TypeError('not an API error');
    const { hash } = error.params;
    return {
      code: error.code,
      known: true,
      renderedCode: error.code,
      status: error.status,
      title: TITLES[error.code],
      message: englishMessage(hash),
      hint: HINTS[error.code],
      target: error.target,
      serverMessage: error.serverMessage,
      serverMessageMatched: false,
      params: { hash },
      retryAfter: error.retryAfter,
      lng: 'en-US',
    };
  }

  // Every contender must produce the same text before its speed means anything.
  for (const [index, hash] of hashes.entries()) {
    const expected = englishMessage(hash);
    strictEqual(translator.format('InvalidHashValue', { hash }), expected);
    strictEqual(i18next.t('InvalidHashValue.message', { hash }), expected);
    strictEqual(fixedEn('InvalidHashValue.message', { hash }), expected);
    strictEqual(translator.format('InvalidHashValue', { hash }, { lng: 'da-DK' }), danishMessage(hash));
    strictEqual(i18next.t('InvalidHashValue.message', { hash, lng: 'da-DK' }), danishMessage(hash));
    deepStrictEqual(translator.describe(errors[index]), handWrittenDescribe(errors[index]));
  }

  const throughI18next = warm ? createErrorTranslator({ compile: false }) : undefined;

  /**
   * The least a lookup by code can cost: every en-US message as a closure around its literal texts,
   * found by code and called with the caller's object, with no checks at all (no own-property test,
   * no locale, no fallback). Reported in the app-like state, next to format().
   */
  function minimalDispatchTable() {
    const table = {};
    for (const code of ERROR_CODES) {
      const [head, ...rest] = en[`${code}.message`].split(/\{\{(\w+)\}\}/);
      const names = rest.filter((_, index) => index % 2 === 0);
      const texts = rest.filter((_, index) => index % 2 === 1);
      table[code] =
        names.length === 0
          ? () => head
          : names.length === 1
            ? (params) => head + params[names[0]] + texts[0]
            : (params) => names.reduce((out, name, index) => out + params[name] + texts[index], head);
    }
    return table;
  }
  const minimal = minimalDispatchTable();
  const codeVariable = ['InvalidHashValue'];

  if (warm) {
    // What an application does over time: every code, in every locale, with and without parameters,
    // as errors, parsed bodies and raw bodies, through both paths.
    const anyParams = { hash: 'x', received: 1500, allowed: 500, error: 'e', input: 'i', domain: 'd', ip: '10.0.0.1', url: 'u', parameter: 'p', platform: 'p', action: 'a', version: '1', operation: 'o', resource: 'r' };
    for (let round = 0; round < 50; round += 1) {
      for (const code of ERROR_CODES) {
        for (const lng of [undefined, 'en-US', 'da-DK', 'da', 'en-GB']) {
          for (const subject of [translator, throughI18next]) {
            subject.format(code, anyParams, { lng });
            minimal[code](anyParams);
            subject.describe(new DefenderApiError(code, { params: anyParams, target: 't' }), { lng });
            subject.describe(JSON.stringify({ error: { code, message: subject.format(code, anyParams, { lng: 'en-US' }), target: 't' } }), { lng });
          }
        }
      }
    }
    for (const [index, hash] of hashes.entries()) {
      strictEqual(minimal[codeVariable[0]]({ hash }), englishMessage(hash));
      strictEqual(throughI18next.format('InvalidHashValue', { hash }), englishMessage(hash));
      deepStrictEqual(throughI18next.describe(errors[index]), handWrittenDescribe(errors[index]));
    }
  }

  const numberFormatDa = new Intl.NumberFormat('da-DK');
  const batchSizes = Array.from({ length: 64 }, (_, index) => ({ received: 500 + index * 977, allowed: 500 }));
  if (warm) {
    for (const sizes of batchSizes) {
      strictEqual(
        translator.format('MaximumBatchSizeExceeded', sizes, { lng: 'da-DK' }),
        `Den maksimale batchstørrelse er overskredet. Modtaget: ${numberFormatDa.format(sizes.received)}, tilladt: ${numberFormatDa.format(sizes.allowed)}.`,
      );
    }
  }

  const formatRows = await measureThroughput(
    [
      { name: 'template literal (floor)', inputs: hashes, fn: (hash) => englishMessage(hash) },
      { name: 'format()', inputs: hashParams, fn: (params) => translator.format('InvalidHashValue', params) },
      { name: "format({ lng: 'en-US' })", inputs: hashParams, fn: (params) => translator.format('InvalidHashValue', params, { lng: 'en-US' }) },
      { name: 'i18next t()', inputs: hashParams, fn: (params) => i18next.t('InvalidHashValue.message', params) },
      { name: 'i18next getFixedT(lng)(…)', inputs: hashes, fn: (hash) => i18next.getFixedT('en-US', 'errors')('InvalidHashValue.message', { hash }) },
      { name: 'i18next fixed t, reused', inputs: hashParams, fn: (params) => fixedEn('InvalidHashValue.message', params) },
      ...(warm
        ? [
            { name: 'format(), compile: false', inputs: hashParams, fn: (params) => throughI18next.format('InvalidHashValue', params) },
            { name: 'minimal dispatch by code, no checks', inputs: hashParams, fn: (params) => minimal[codeVariable[0]](params) },
          ]
        : []),
    ],
    options,
  );

  const daRows = await measureThroughput(
    [
      { name: 'template literal da (floor)', inputs: hashes, fn: (hash) => danishMessage(hash) },
      { name: "format({ lng: 'da-DK' })", inputs: hashParams, fn: (params) => translator.format('InvalidHashValue', params, { lng: 'da-DK' }) },
      { name: "format({ lng: 'da' })", inputs: hashParams, fn: (params) => translator.format('InvalidHashValue', params, { lng: 'da' }) },
      { name: "i18next t({ lng: 'da-DK' })", inputs: hashes, fn: (hash) => i18next.t('InvalidHashValue.message', { hash, lng: 'da-DK' }) },
    ],
    options,
  );

  const numberRows = warm
    ? await measureThroughput(
        [
          {
            name: 'literal + Intl.NumberFormat (floor)',
            inputs: batchSizes,
            fn: ({ received, allowed }) =>
              `Den maksimale batchstørrelse er overskredet. Modtaget: ${numberFormatDa.format(received)}, tilladt: ${numberFormatDa.format(allowed)}.`,
          },
          { name: 'format(da-DK)', inputs: batchSizes, fn: (sizes) => translator.format('MaximumBatchSizeExceeded', sizes, { lng: 'da-DK' }) },
          {
            name: 'i18next t(da-DK), numbers formatted first',
            inputs: batchSizes,
            fn: ({ received, allowed }) =>
              i18next.t('MaximumBatchSizeExceeded.message', { received: numberFormatDa.format(received), allowed: numberFormatDa.format(allowed), lng: 'da-DK' }),
          },
        ],
        options,
      )
    : [];

  const describeRows = await measureThroughput(
    [
      { name: 'template literal (message only)', inputs: hashes, fn: (hash) => englishMessage(hash) },
      { name: 'hand-written describe (floor)', inputs: errors, fn: handWrittenDescribe },
      { name: 'describe(error)', inputs: errors, fn: (error) => translator.describe(error) },
      { name: "describe(error, { lng: 'da-DK' })", inputs: errors, fn: (error) => translator.describe(error, { lng: 'da-DK' }) },
      { name: 'i18next t() (message only)', inputs: hashParams, fn: (params) => i18next.t('InvalidHashValue.message', params) },
      ...(warm ? [{ name: 'describe(error), compile: false', inputs: errors, fn: (error) => throughI18next.describe(error) }] : []),
    ],
    options,
  );
  const httpRows = await measureHttpRows(errors, options);
  return { formatRows, daRows, numberRows, describeRows, httpRows };
}

const byName = (rows) => Object.fromEntries(rows.map((row) => [row.name, row]));
const withRatio = (rows, floorName) => {
  const floor = byName(rows)[floorName].nsPerOp;
  return rows.map((row) => ({ ...row, ratio: row.nsPerOp / floor }));
};
const columns = [
  { key: 'name', label: 'task' },
  { key: 'nsPerOp', label: 'time/op', format: formatNs },
  { key: 'opsPerSecond', label: 'ops/s', format: formatOps },
  { key: 'ratio', label: '× floor', format: (value) => `${round(value)}×` },
  { key: 'spread', label: processes === 1 ? 'median round' : 'range across processes', format: (value) => `${processes === 1 ? '+' : '±'}${round(processes === 1 ? value : value / 2)}%` },
];
report.table(`format(): "The hash value {{hash}} isn't valid." (en-US), ${state}`, columns, withRatio(formatRows, 'template literal (floor)'));
report.table(`format(): da-DK and tag resolution, ${state}`, columns, withRatio(daRows, 'template literal da (floor)'));
if (warm) report.table(`format(): numbers, MaximumBatchSizeExceeded in da-DK, ${state}`, columns, withRatio(numberRows, 'literal + Intl.NumberFormat (floor)'));
report.table(`describe(): DefenderApiError("InvalidHashValue", { params, target }), ${state}`, columns, withRatio(describeRows, 'hand-written describe (floor)'));

report.table(`HTTP error response: the same 64 errors and Accept-Language headers, ${state}`, columns, withRatio(httpRows, 'sendError before @defender-errors/http'));

const f = byName(formatRows);
const d = byName(daRows);
const r = byName(describeRows);
const suffix = warm ? ' [app-like state]' : '';
report.goal('format-vs-t', `format() throughput ÷ i18next t() throughput (en-US)${suffix}`, f['i18next t()'].nsPerOp / f['format()'].nsPerOp, 10, { better: 'higher', unit: '×' });
report.goal('format-da-vs-t', `format(da-DK) throughput ÷ i18next t(da-DK) throughput${suffix}`, d["i18next t({ lng: 'da-DK' })"].nsPerOp / d["format({ lng: 'da-DK' })"].nsPerOp, 10, { better: 'higher', unit: '×' });
report.goal('format-vs-floor', `format() time ÷ template literal time (en-US)${suffix}`, f['format()'].nsPerOp / f['template literal (floor)'].nsPerOp, 2, { unit: '×' });
report.goal('format-da-vs-floor', `format(da-DK) time ÷ template literal time (da-DK)${suffix}`, d["format({ lng: 'da-DK' })"].nsPerOp / d['template literal da (floor)'].nsPerOp, 2, { unit: '×' });
report.goal('describe-vs-t', `describe() throughput ÷ i18next t() throughput (one message)${suffix}`, r['i18next t() (message only)'].nsPerOp / r['describe(error)'].nsPerOp, 10, { better: 'higher', unit: '×' });
report.goal('describe-vs-floor', `describe() time ÷ hand-written describe time${suffix}`, r['describe(error)'].nsPerOp / r['hand-written describe (floor)'].nsPerOp, 2, { unit: '×' });
const h = byName(httpRows);
report.goal('http-vs-before', `sendError time (over createErrorResponse) ÷ sendError time before @defender-errors/http${suffix}`, h['sendError (writes createErrorResponse)'].nsPerOp / h['sendError before @defender-errors/http'].nsPerOp, 1.1, { unit: '×' });
if (warm) {
  report.note(
    `info: format() time ÷ minimal dispatch by code (no checks) = ${round(f['format()'].nsPerOp / f['minimal dispatch by code, no checks'].nsPerOp)}× ` +
      '(what the locale, the fallback and the own-property test of each parameter add in this state)',
  );
}
report.note(
  `info: describe() time ÷ bare template literal time = ${round(r['describe(error)'].nsPerOp / r['template literal (message only)'].nsPerOp)}× ` +
    '(describe() also renders the title and hint and builds a 13-field view model)',
);
report.finish();
