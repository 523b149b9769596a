// The cost of rendering <DefenderError> (issue 16.6) against a hand-written component that prints
// describe(...) in a <div>, both under react-i18next with the same i18next instance, rendered with
// react-dom/server (each op is a full render of the component, so memoization does not help either).
//
//   node bench/react.mjs [--quick]            (after `pnpm build`)
import { strictEqual } from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { machine, measureThroughput } from './lib/harness.mjs';
import { handWrittenComponents } from './lib/react-components.mjs';
import { packageDir, requireDist } from './lib/paths.mjs';
import { SuiteReport, formatNs, formatOps, round } from './lib/report.mjs';

// React, react-i18next and i18next as the react package resolves them (its devDependencies), by
// their ESM entries: the same module instances that the package's dist/index.js imports.
const fromReactPackage = createRequire(join(packageDir('react'), 'package.json'));
const load = async (specifier) => {
  const [scopeOrName, ...rest] = specifier.split('/');
  const manifestPath = fromReactPackage.resolve(`${scopeOrName}/package.json`);
  const { exports: exportsMap } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  let target = exportsMap?.[rest.length > 0 ? `./${rest.join('/')}` : '.'];
  while (target && typeof target === 'object') target = target.node ?? target.import ?? target.default;
  return import(pathToFileURL(target ? join(dirname(manifestPath), target) : fromReactPackage.resolve(specifier)).href);
};
const { createElement } = await load('react');
const { renderToString } = await load('react-dom/server');
const { I18nextProvider, useTranslation } = await load('react-i18next');
const i18next = (await load('i18next')).default;
const { DefenderError } = await import(requireDist('react'));
const { DefenderApiError } = await import(requireDist('core'));
const { createErrorTranslator } = await import(requireDist('i18n'));

const quick = process.argv.includes('--quick');
const options = quick ? { rounds: 3, time: 120, warmupTime: 50 } : { rounds: 9, time: 200, warmupTime: 100 };
const report = new SuiteReport('react');
const versions = `react ${fromReactPackage('react/package.json').version}, react-i18next ${fromReactPackage('react-i18next/package.json').version}`;
report.note(`react: ${machine()}, ${versions}, react-dom/server renderToString, ${options.rounds} rounds × ${options.time} ms per task, best round reported`);

const i18n = i18next.createInstance();
await i18n.init({ lng: 'da-DK', fallbackLng: 'en-US', resources: {} });
const translator = createErrorTranslator({ i18n });

const { HandWritten, HandWrittenMarkup } = handWrittenComponents({ createElement, useTranslation, translator });

const errors = Array.from({ length: 64 }, (_, index) =>
  new DefenderApiError('InvalidIpAddress', { params: { ip: `10.0.${index}.300` }, target: randomUUID() }),
);
const render = (component) => (error) => renderToString(createElement(I18nextProvider, { i18n }, createElement(component, { error })));
const handWritten = render(HandWritten);
const component = render(DefenderError);
const markup = render(HandWrittenMarkup);

for (const error of errors) {
  strictEqual(handWritten(error).includes(`IP-adressen ${error.params.ip} er ugyldig.`), true);
  const html = component(error);
  strictEqual(html.includes(`IP-adressen ${error.params.ip} er ugyldig.`), true);
  strictEqual(html.includes(`>${error.target}</code>`), true);
  strictEqual(markup(error), html);
}

const rows = await measureThroughput(
  [
    { name: 'hand-written: describe(...) in a <div> (floor)', inputs: errors, fn: handWritten },
    { name: '<DefenderError error={error} />', inputs: errors, fn: component },
    { name: 'hand-written, the same 15 elements', inputs: errors, fn: markup },
  ],
  options,
);
const floor = rows[0].nsPerOp;
report.table(
  '<DefenderError> vs a hand-written component (InvalidIpAddress, da-DK, one render each)',
  [
    { key: 'name', label: 'task' },
    { key: 'nsPerOp', label: 'time/op', format: formatNs },
    { key: 'opsPerSecond', label: 'ops/s', format: formatOps },
    { key: 'ratio', label: '× floor', format: (value) => `${round(value)}×` },
    { key: 'spread', label: 'median round', format: (value) => `+${round(value)}%` },
  ],
  rows.map((row) => ({ ...row, ratio: row.nsPerOp / floor })),
);
// The goal is the re-render in a DOM (below). A first render on the server is recorded against
// the same markup written by hand: what the component adds to the 15 elements it must render.
report.goal('react-ssr-vs-same-markup', 'renderToString: <DefenderError> ÷ the same 15 elements hand-written', rows[1].nsPerOp / rows[2].nsPerOp, 1.25, { unit: '×' });
report.note(`info: renderToString: <DefenderError> ÷ hand-written describe(...) in one <div> = ${round(rows[1].nsPerOp / floor)}× (the 15 elements by hand: ${round(rows[2].nsPerOp / floor)}×)`);
report.note('info: <DefenderError> renders 15 elements (title, message, the <dl> of code, status and tracking ID, the copy button); the floor renders one <div> of text.');

// Re-renders in a real DOM: react-dom in Debian's Chromium (playwright-core), timed in the page.
/* global window, document */
const { build } = await import('esbuild');
const bundled = await build({
  entryPoints: [new URL('./react-page.mjs', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
  nodePaths: [join(packageDir('react'), 'node_modules')],
  alias: { '@defender-errors/react': new URL(requireDist('react')).pathname },
  define: { 'process.env.NODE_ENV': '"production"' },
}).catch((error) => {
  throw new Error(`bench/react-page.mjs did not bundle: ${error.errors?.map((entry) => entry.text).join('; ')}`);
});
const { chromium } = createRequire(import.meta.url)('playwright-core');
// Debian's Chromium, as the repository's real-browser tests launch it (packages/browser/test/support/chromium.ts).
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`bench/react-page.mjs: ${error.message}`));
  await page.setContent('<!doctype html><html lang="da"><body></body></html>');
  await page.addScriptTag({ content: bundled.outputFiles[0].text, type: 'module' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const count = quick ? 300 : 1000;
  const best = {};
  for (let round = 0; round < options.rounds; round += 1) {
    for (const mode of ['changing', 'same']) {
      for (const name of ['handWritten', 'component', 'markup']) {
        const ns = await page.evaluate(([n, m, c]) => window.measure(n, m, c), [name, mode, count]);
        const key = `${name}/${mode}`;
        best[key] = Math.min(best[key] ?? Infinity, ns);
      }
    }
  }
  const domRows = [
    { name: 'new error each render: hand-written (floor)', nsPerOp: best['handWritten/changing'], floor: best['handWritten/changing'] },
    { name: 'new error each render: <DefenderError>', nsPerOp: best['component/changing'], floor: best['handWritten/changing'] },
    { name: 'same error (a parent re-renders): hand-written (floor)', nsPerOp: best['handWritten/same'], floor: best['handWritten/same'] },
    { name: 'same error (a parent re-renders): <DefenderError>', nsPerOp: best['component/same'], floor: best['handWritten/same'] },
    { name: 'new error each render: the same 15 elements hand-written', nsPerOp: best['markup/changing'], floor: best['handWritten/changing'] },
    { name: 'same error: the same 15 elements hand-written', nsPerOp: best['markup/same'], floor: best['handWritten/same'] },
  ].map((row) => ({ ...row, opsPerSecond: 1e9 / row.nsPerOp, ratio: row.nsPerOp / row.floor }));
  report.table(
    `re-render with react-dom in Chromium (${count} re-renders per round, best of ${options.rounds} rounds)`,
    [
      { key: 'name', label: 'task' },
      { key: 'nsPerOp', label: 'time/re-render', format: formatNs },
      { key: 'opsPerSecond', label: 're-renders/s', format: formatOps },
      { key: 'ratio', label: '× floor', format: (value) => `${round(value)}×` },
    ],
    domRows,
  );
  report.goal('react-rerender-vs-hand-written', '<DefenderError> re-render (new error) ÷ hand-written, react-dom in Chromium', domRows[1].ratio, 2, { unit: '×' });
  report.goal('react-rerender-same-vs-hand-written', '<DefenderError> re-render (same error) ÷ hand-written, react-dom in Chromium', domRows[3].ratio, 2, { unit: '×' });
} finally {
  await browser.close();
}
report.finish();
