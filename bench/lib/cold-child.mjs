// One cold start, run by bench/cold-start.mjs in a fresh `node` process. Prints one JSON line:
// { scenario, ms, cpu, message, split }. Everything read from disk beforehand (catalogs, paths) is outside
// the timed part; the timed part starts right before the first import().
//
//   node bench/lib/cold-child.mjs <install root> i18next|ours|both [node|i18n|node-negotiated]
// <install root> is a consumer's install of the built packages (see installed.mjs).
// `node-negotiated` picks the language with negotiateLocale(Accept-Language) first, as a server's
// first request does, which also loads the header parser and the matcher.
import { performance } from 'node:perf_hooks';
import { installedEntryUrl } from './installed.mjs';
import { loadCatalog } from './paths.mjs';
import { initRawI18next } from './raw-i18next.mjs';

const [installRoot, scenario, ourPackage = 'node'] = process.argv.slice(2);
const BODY = JSON.stringify({
  error: { code: 'InvalidHashValue', message: 'Hash value 9f86d081884c7d65 is invalid.', target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a' },
});
const i18nextEntry = installedEntryUrl(installRoot, 'i18next');
const negotiate = ourPackage === 'node-negotiated';
const ourEntry = installedEntryUrl(installRoot, `@defender-errors/${negotiate ? 'node' : ourPackage}`);
const resources = { 'en-US': { errors: loadCatalog('en-US') }, 'da-DK': { errors: loadCatalog('da-DK') } };

/** i18next's own cost: import it, create and initialize an instance with the catalogs, translate once. */
async function i18nextOnly() {
  const { createInstance } = await import(i18nextEntry);
  const instance = await initRawI18next(createInstance, resources, 'da-DK');
  return instance.t('InvalidHashValue.message', { hash: '9f86d081884c7d65' });
}

/** Ours: import the package, then describe a raw error body in Danish (parse, extract, render). */
async function ours(entry) {
  const module = await import(entry);
  const translator = module.getDefaultTranslator ? module.getDefaultTranslator() : module.createErrorTranslator();
  const lng = negotiate ? module.negotiateLocale('da,en-US;q=0.8,en;q=0.6') : 'da-DK';
  return translator.describe(BODY, { lng }).message;
}

let message;
let split;
const cpuStart = process.cpuUsage();
const start = performance.now();
if (scenario === 'i18next') {
  message = await i18nextOnly();
} else if (scenario === 'ours') {
  message = await ours(ourEntry);
} else if (scenario === 'both') {
  // i18next first (as an app that already uses it), then ours on top, in the same process.
  await i18nextOnly();
  const middle = performance.now();
  const cpuMiddle = process.cpuUsage();
  message = await ours(ourEntry);
  split = { i18next: middle - start, ours: performance.now() - middle, oursCpu: cpuMs(process.cpuUsage(cpuMiddle)) };
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
const ms = performance.now() - start;
const cpu = cpuMs(process.cpuUsage(cpuStart));
process.stdout.write(`${JSON.stringify({ scenario, ms, cpu, message, split })}\n`);

/** User + system CPU time in ms: less sensitive than wall time to other processes on a shared machine. */
function cpuMs(usage) {
  return (usage.user + usage.system) / 1000;
}
