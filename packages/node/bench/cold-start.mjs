// Cold start of @defender-errors/node: the in-process time from `import('@defender-errors/node')`
// to the first localized message, and, for comparison, the time to import and initialise i18next
// alone. Every sample runs in a fresh `node` process (nothing cached in memory; the OS file cache
// stays warm after the first run). Needs a build first: `pnpm --filter @defender-errors/node build`.
//
//   node bench/cold-start.mjs [--runs 15] [--json]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    measure: { type: 'string' },
    runs: { type: 'string', default: '15' },
    json: { type: 'boolean', default: false },
  },
});

/** One sample, in this (fresh) process: prints `{ importMs, firstMessageMs, totalMs, sinceProcessStartMs, message }`. */
async function measurePackage() {
  const start = performance.now();
  const { getDefaultTranslator, negotiateLocale } = await import('@defender-errors/node');
  const imported = performance.now();
  const message = getDefaultTranslator().format('InvalidHashValue', { hash: 'abc' }, { lng: negotiateLocale('da, en;q=0.8') });
  const end = performance.now();
  return { importMs: imported - start, firstMessageMs: end - imported, totalMs: end - start, sinceProcessStartMs: end, message };
}

/** One sample of i18next alone: import, an isolated instance initialised synchronously, one `t()` call. */
async function measureI18next() {
  const start = performance.now();
  const { default: i18next } = await import('i18next');
  const imported = performance.now();
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'da-DK',
    fallbackLng: 'en-US',
    ns: ['errors'],
    defaultNS: 'errors',
    initAsync: false,
    showSupportNotice: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    resources: { 'da-DK': { errors: { 'InvalidHashValue.message': 'Hashværdien {{hash}} er ugyldig.' } } },
  });
  const message = instance.t('InvalidHashValue.message', { hash: 'abc' });
  const end = performance.now();
  return { importMs: imported - start, firstMessageMs: end - imported, totalMs: end - start, sinceProcessStartMs: end, message };
}

function summary(samples, key) {
  const sorted = samples.map((sample) => sample[key]).sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

if (values.measure === 'package' || values.measure === 'i18next') {
  const sample = values.measure === 'package' ? await measurePackage() : await measureI18next();
  process.stdout.write(`${JSON.stringify(sample)}\n`);
} else {
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write('cold-start: --runs must be a positive integer\n');
    process.exit(2);
  }
  const script = fileURLToPath(import.meta.url);
  const sample = (measure) => JSON.parse(execFileSync(process.execPath, [script, '--measure', measure], { encoding: 'utf8', timeout: 30_000 }));
  const results = { package: [], i18next: [] };
  sample('package'); // warm the OS file cache once; not counted
  for (let run = 0; run < runs; run += 1) {
    results.package.push(sample('package'));
    results.i18next.push(sample('i18next'));
  }
  const report = Object.fromEntries(
    Object.entries(results).map(([name, samples]) => [
      name,
      {
        message: samples[0].message,
        totalMs: summary(samples, 'totalMs'),
        importMs: summary(samples, 'importMs'),
        firstMessageMs: summary(samples, 'firstMessageMs'),
        sinceProcessStartMs: summary(samples, 'sinceProcessStartMs'),
      },
    ]),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, runs, ...report }, null, 2)}\n`);
  } else {
    const ms = (value) => `${value.toFixed(1)} ms`;
    const line = (label, stats) => `  ${label.padEnd(34)} median ${ms(stats.median).padStart(9)}  (min ${ms(stats.min)}, max ${ms(stats.max)})`;
    process.stdout.write(`Cold start, ${runs} fresh node ${process.version} processes each\n\n`);
    process.stdout.write(`import('@defender-errors/node') -> first localized message ("${report.package.message}")\n`);
    process.stdout.write(`${line('total', report.package.totalMs)}\n${line('import', report.package.importMs)}\n${line('first message (translator created)', report.package.firstMessageMs)}\n\n`);
    process.stdout.write(`i18next alone: import + createInstance + init + t() ("${report.i18next.message}")\n`);
    process.stdout.write(`${line('total', report.i18next.totalMs)}\n${line('import', report.i18next.importMs)}\n${line('init + first t()', report.i18next.firstMessageMs)}\n`);
  }
}
