// From the text of an error body to a localized description, against JSON.parse of the same text.
// describe() of a parsed body reads the parameters back out of the server's English message
// (extractParams), so describe(parseErrorBody(body)) is the whole parse + extract + describe path.
//
//   node bench/parse.mjs            (after `pnpm build`)
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir, requireDist } from './lib/paths.mjs';
import { machine, measureThroughput } from './lib/harness.mjs';
import { SuiteReport, formatNs, formatOps, round } from './lib/report.mjs';

const { parseErrorBody, toErrorInfo } = await import(requireDist('core'));
// The real axios (a dev dependency of core), to build the errors it throws.
const { AxiosError, AxiosHeaders } = (await import(pathToFileURL(createRequire(join(packageDir('core'), 'package.json')).resolve('axios')).href)).default;
const { createErrorTranslator, extractParams } = await import(requireDist('i18n'));

const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, time: 120, warmupTime: 50 } : { rounds: 9, time: 200, warmupTime: 100 };
const report = new SuiteReport('parse');
report.note(`parse: ${machine()}, ${options.rounds} rounds × ${options.time} ms per task, best round reported`);

const translator = createErrorTranslator();

// 64 bodies as the API sends them: OData v4, a SHA-256 in the message, a GUID tracking ID.
const bodies = Array.from({ length: 64 }, (_, index) => {
  const hash = createHash('sha256').update(`file-${index}`).digest('hex');
  return JSON.stringify({ error: { code: 'InvalidHashValue', message: `Hash value ${hash} is invalid.`, target: randomUUID() } });
});
const parsedBodies = bodies.map((body) => parseErrorBody(body, { status: 400 }));
const messages = parsedBodies.map((parsed) => parsed.message);
// What axios throws for each of those answers: an AxiosError holding the response, its data parsed.
const axiosErrors = bodies.map((body) => {
  const response = { status: 400, statusText: 'Bad Request', data: JSON.parse(body), headers: new AxiosHeaders({ 'content-type': 'application/json' }), config: {} };
  return new AxiosError('Request failed with status code 400', AxiosError.ERR_BAD_REQUEST, response.config, {}, response);
});

const pipeline = (body) => translator.describe(parseErrorBody(body, { status: 400 }));
const pipelineDa = (body) => translator.describe(parseErrorBody(body, { status: 400 }), { lng: 'da-DK' });
/** The three steps called one after the other, as an adapter that wants the parameters too would. */
const explicitSteps = (body) => {
  const parsed = parseErrorBody(body, { status: 400 });
  const params = extractParams(parsed.code, parsed.message);
  const description = translator.describe(parsed, { lng: 'da-DK' });
  return { params, description };
};

for (const [index, body] of bodies.entries()) {
  const { error } = JSON.parse(body);
  const description = pipeline(body);
  strictEqual(description.code, 'InvalidHashValue');
  strictEqual(description.target, error.target);
  strictEqual(description.serverMessage, error.message);
  strictEqual(description.serverMessageMatched, true);
  const hash = error.message.slice('Hash value '.length, -' is invalid.'.length);
  // The display text comes from the catalogs (en-US is UI English, not the wire wording).
  strictEqual(description.message, translator.format('InvalidHashValue', { hash }));
  deepStrictEqual(extractParams('InvalidHashValue', messages[index]), { hash });
  strictEqual(pipelineDa(body).message, translator.format('InvalidHashValue', { hash }, { lng: 'da-DK' }));
  strictEqual(toErrorInfo(parsedBodies[index]), parsedBodies[index]);
  const fromAxios = toErrorInfo(axiosErrors[index]);
  strictEqual(fromAxios.code, 'InvalidHashValue');
  strictEqual(fromAxios.target, error.target);
  strictEqual(fromAxios.status, 400);
  deepStrictEqual(translator.describe(axiosErrors[index]), translator.describe(parsedBodies[index]));
}

const rows = await measureThroughput(
  [
    { name: 'JSON.parse(body) (floor)', inputs: bodies, fn: (body) => JSON.parse(body) },
    { name: 'parseErrorBody(body)', inputs: bodies, fn: (body) => parseErrorBody(body, { status: 400 }) },
    { name: 'toErrorInfo(parsedBody)', inputs: parsedBodies, fn: (parsed) => toErrorInfo(parsed) },
    { name: 'toErrorInfo(axiosError)', inputs: axiosErrors, fn: (error) => toErrorInfo(error) },
    // With a status, toErrorInfo reads the value again (no cache): the cost of a first reading.
    { name: 'toErrorInfo(axiosError, { status }) (uncached)', inputs: axiosErrors, fn: (error) => toErrorInfo(error, { status: 400 }) },
    { name: 'extractParams(code, message)', inputs: messages, fn: (message) => extractParams('InvalidHashValue', message) },
    { name: 'describe(parsed)', inputs: parsedBodies, fn: (parsed) => translator.describe(parsed) },
    { name: 'describe(axiosError)', inputs: axiosErrors, fn: (error) => translator.describe(error) },
    { name: 'describe(parseErrorBody(body))', inputs: bodies, fn: pipeline },
    { name: "…, { lng: 'da-DK' }", inputs: bodies, fn: pipelineDa },
    { name: 'parse + extractParams + describe(da)', inputs: bodies, fn: explicitSteps },
  ],
  options,
);
const floor = rows[0].nsPerOp;
report.table(
  `body → description (${bodies[0].length}-character OData v4 body)`,
  [
    { key: 'name', label: 'task' },
    { key: 'nsPerOp', label: 'time/op', format: formatNs },
    { key: 'opsPerSecond', label: 'ops/s', format: formatOps },
    { key: 'ratio', label: '× JSON.parse', format: (value) => `${round(value)}×` },
    { key: 'spread', label: 'median round', format: (value) => `+${round(value)}%` },
  ],
  rows.map((row) => ({ ...row, ratio: row.nsPerOp / floor })),
);
const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
report.goal('pipeline-vs-json', 'describe(parseErrorBody(body)) time ÷ JSON.parse(body) time', byName['describe(parseErrorBody(body))'].nsPerOp / floor, 3, { unit: '×' });
report.goal('pipeline-da-vs-json', 'the same in da-DK ÷ JSON.parse(body)', byName["…, { lng: 'da-DK' }"].nsPerOp / floor, 3, { unit: '×' });
// Issue 13: describe(axiosError) within 2× of describe(parsedBody); describe reads both through toErrorInfo.
report.goal('axios-vs-parsed', 'describe(axiosError) time ÷ describe(parsedBody) time', byName['describe(axiosError)'].nsPerOp / byName['describe(parsed)'].nsPerOp, 2, { unit: '×' });
report.note(
  `info: parseErrorBody + extractParams + describe(da-DK) called one after the other (extractParams then runs twice: ` +
    `describe() extracts too) ÷ JSON.parse(body) = ${round(byName['parse + extractParams + describe(da)'].nsPerOp / floor)}×`,
);
report.finish();
