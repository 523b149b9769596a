// What the ReDoS benchmark runs: every function of the shipped source that uses a regular
// expression (see regex-inventory.mjs), reached through the public or internal function that an
// attacker's input flows into, with the input put where that function reads it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repositoryRoot } from './regex-inventory.mjs';

const source = (relative) => path.join(repositoryRoot, 'packages', relative);

/**
 * Bundles the current TypeScript source (not the built dist, which may be stale) of the entry
 * points the targets call, internal ones included, and imports it.
 */
export async function loadSource() {
  const exports = {
    core: ['parseErrorBody', 'parseRetryAfter', 'readErrorResponse', 'defineErrorRegistry', 'wireMessage'],
    i18n: ['extractParams', 'resolveLocale', 'createErrorTranslator', 'resources'],
    http: ['createErrorResponse'],
    node: ['negotiateLocale', 'sendError'],
  };
  const lines = [
    ...Object.entries(exports).map(([name, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(source(`${name}/src/index.ts`))};`),
    `export { compileTemplate, validateCatalog, pluralBase } from ${JSON.stringify(source('i18n/src/tooling.ts'))};`,
    `export { splitRawResponse } from ${JSON.stringify(source('cli/src/commands/explain.ts'))};`,
    `export { languageFromEnvironment } from ${JSON.stringify(source('cli/src/shared.ts'))};`,
    `export { runCli } from ${JSON.stringify(source('cli/src/run.ts'))};`,
    `export { importLearnPage } from ${JSON.stringify(source('cli/src/locales/import-page.ts'))};`,
    `export { parseLearnPage, decodeEntities, markdownToText, statusOf, statusWords, htmlTagAt } from ${JSON.stringify(source('cli/src/locales/learn-page.ts'))};`,
    `export { displayWidth } from ${JSON.stringify(source('cli/src/locales/display-width.ts'))};`,
    `export { codeOfWording, squash, withoutCodeEcho } from ${JSON.stringify(source('cli/src/locales/code-text.ts'))};`,
    `export { readMarkdownBlocks } from ${JSON.stringify(source('cli/src/locales/markdown-blocks.ts'))};`,
    `export { readMessageCell, fillSlots } from ${JSON.stringify(source('cli/src/locales/message-cell.ts'))};`,
    `export { countUtf8 } from ${JSON.stringify(source('http/src/utf8.ts'))};`,
    `export { scanJson } from ${JSON.stringify(source('cli/src/locales/json-scan.ts'))};`,
    `export { checkNewLocaleTag } from ${JSON.stringify(source('cli/src/locales/scaffold.ts'))};`,
  ];
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: repositoryRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    // jsonc-parser's `main` is a UMD build with dynamic requires that a bundle cannot follow; its `module` is ESM.
    mainFields: ['module', 'main'],
    // CommonJS dependencies (yaml) require Node built-ins: give the ES module bundle a `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    alias: {
      '@defender-errors/core': source('core/src/index.ts'),
      '@defender-errors/i18n/tooling': source('i18n/src/tooling.ts'),
      '@defender-errors/i18n': source('i18n/src/index.ts'),
      '@defender-errors/node': source('node/src/index.ts'),
    },
  });
  // A folder of its own, removed once the module is loaded: nothing is left in the temporary folder.
  const dir = mkdtempSync(path.join(tmpdir(), 'defender-errors-redos-'));
  try {
    const file = path.join(dir, 'source.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collects what a CLI run writes, so that the benchmark measures the work and not the terminal. */
function cliContext(stdin = '') {
  const sink = { text: '', write(chunk) { this.text += chunk; return true; } };
  return {
    stdout: sink,
    stderr: { ...sink },
    stdin: (async function* () { yield stdin; })(),
    env: { NO_COLOR: '1', LANG: 'C' },
    cwd: tmpdir(),
    translator: undefined,
  };
}

/** A `node:http` response stand-in that records what `sendError` writes. */
function responseRecorder() {
  const headers = new Map();
  return {
    statusCode: 200,
    headersSent: false,
    setHeader(name, value) { headers.set(name.toLowerCase(), value); return this; },
    getHeader(name) { return headers.get(name.toLowerCase()); },
    end(body) { this.body = body; return this; },
  };
}

/**
 * The targets: `{ name, covers, run(payload) }`. `covers` lists the `file#function` keys of the
 * inventory whose regexes the call runs on `payload`.
 */
export async function loadTargets() {
  const m = await loadSource();
  const translator = m.createErrorTranslator();
  const english = m.resources['en-US'].errors;
  const danishPage = readFileSync(source('cli/src/locales/fixtures/seed-da-DK.md'), 'utf8');
  const sourceCatalog = { ...english };
  const tableRow = (payload) => `${danishPage}\n\nFejlkode | HTTP-statuskode | Meddelelse\n-|-|-\n${payload} | ${payload} (400) | ${payload}\nBadRequest | BadRequest (400) | ${payload}\n`;
  return [
    {
      name: 'core parseErrorBody (text, cut-off JSON, problem document)',
      covers: ['packages/core/src/parse.ts#parseJsonPrefix', 'packages/core/src/parse.ts#decodeJson', 'packages/core/src/parse.ts#readErrorFields'],
      run: (payload) => {
        m.parseErrorBody(payload);
        m.parseErrorBody(`{"error":{"code":"x","target":"t","message":${payload}`);
        m.parseErrorBody(`[${payload}`);
        m.parseErrorBody({ title: 't', detail: 'd', instance: payload });
        m.parseErrorBody({ title: 't', detail: 'd', instance: `urn:uuid:${payload}` });
      },
    },
    {
      name: 'core parseRetryAfter (delta-seconds and the three HTTP-date forms)',
      covers: ['packages/core/src/retry-after.ts#parseRetryAfter', 'packages/core/src/retry-after.ts#parseHttpDate'],
      run: (payload) => {
        m.parseRetryAfter(payload);
        m.parseRetryAfter(`Mon, 01 Jan 2024 00:00:00 GMT${payload}`);
        m.parseRetryAfter(payload.slice(0, 40));
      },
    },
    {
      name: 'core readErrorResponse (the charset parameter of Content-Type)',
      covers: ['packages/core/src/response.ts#charsetOf'],
      run: async (payload) => {
        const contentType = `application/json; charset=${payload}`;
        const response = { status: 400, headers: { get: (name) => (name === 'content-type' ? contentType : null) }, text: async () => '{"error":{"code":"BadRequest"}}' };
        await m.readErrorResponse(response);
        await m.readErrorResponse({ ...response, headers: { get: (name) => (name === 'content-type' ? `${payload};charset="${payload}` : null) } });
      },
    },
    {
      name: 'core wireMessage (placeholders of a wire wording filled with a value)',
      covers: ['packages/core/src/wordings.ts#wireMessage'],
      run: (payload) => {
        m.wireMessage('InvalidUrl', { url: payload });
        m.wireMessage('MaximumBatchSizeExceeded', { received: payload, allowed: `{{${payload}}}` });
      },
    },
    {
      name: 'i18n pluralBase (the CLDR suffix of a catalog key)',
      covers: ['packages/i18n/src/plurals.ts#pluralBase'],
      run: (payload) => {
        m.pluralBase(payload);
        m.pluralBase(`${payload}_one`);
        m.pluralBase(`label.${payload}_other`);
      },
    },
    {
      name: 'core defineErrorRegistry (parameter names)',
      covers: ['packages/core/src/registry.ts#defineErrorRegistry'],
      run: (payload) => {
        try {
          m.defineErrorRegistry({ Custom: { status: 400, params: { [payload]: 'string' } } });
        } catch {
          // a bad name is refused with an error: that is the expected outcome
        }
      },
    },
    {
      name: 'i18n extractParams (English numbers, every parametrized wording)',
      covers: ['packages/i18n/src/extract.ts#parseEnglishNumber'],
      run: (payload) => {
        m.extractParams('MaximumBatchSizeExceeded', `Maximum batch size exceeded. Received: ${payload}, allowed: 1.`);
        m.extractParams('MaximumBatchSizeExceeded', `Maximum batch size exceeded. Received: 1, allowed: ${payload}`);
        m.extractParams('ClientVersionNotSupported', `${payload} is supported on client version ${payload} and later.`);
        m.extractParams('InvalidHashValue', `Hash value ${payload} is invalid.`);
      },
    },
    {
      name: 'i18n resolveLocale / translator language resolution',
      covers: ['packages/i18n/src/locale.ts#resolveLocale'],
      run: (payload) => {
        m.resolveLocale(payload, ['en-US', 'da-DK']);
        m.resolveLocale(payload.slice(0, 256), ['en-US', 'da-DK']);
        translator.format('NotFound', {}, { lng: payload });
      },
    },
    {
      name: 'i18n compileTemplate (placeholder names)',
      covers: ['packages/i18n/src/template.ts#compileTemplate'],
      run: (payload) => {
        m.compileTemplate(`{{${payload}}}`);
        m.compileTemplate(`x {{a}} ${payload} {{b}}`);
      },
    },
    {
      name: 'i18n validateCatalog (every entry replaced by the input)',
      covers: ['packages/i18n/src/validate.ts#validateCatalog'],
      run: (payload) => {
        const catalog = Object.fromEntries(Object.keys(sourceCatalog).slice(0, 8).map((key) => [key, payload]));
        m.validateCatalog('sv-SE', { ...sourceCatalog, ...catalog }, sourceCatalog);
      },
    },
    {
      name: 'http negotiateLocale (Accept-Language, a supported list)',
      covers: ['packages/http/src/locale.ts#refusedRanges', 'packages/http/src/locale.ts#cacheKeyOf'],
      run: (payload) => {
        m.negotiateLocale(payload);
        m.negotiateLocale(`da;${payload}, en;q=0`);
        m.negotiateLocale([payload, payload]);
        m.negotiateLocale('da', ['en-US', payload]);
      },
    },
    {
      name: 'http createErrorResponse (code, message, tracking ID, lng)',
      covers: ['packages/http/src/response.ts#createErrorResponse', 'packages/http/src/response.ts#joinSentences', 'packages/http/src/utf8.ts#countUtf8'],
      run: (payload) => {
        const error = { error: { code: payload, message: payload, target: payload } };
        m.createErrorResponse(error, { acceptLanguage: payload, problem: true });
        m.createErrorResponse(error, { lng: payload, localize: false });
        // A 429 with Retry-After: the wait is joined to the message.
        m.createErrorResponse(Object.assign(new Error(payload), { status: 429, retryAfter: 5, code: payload }), { acceptLanguage: payload });
        m.countUtf8(payload);
      },
    },
    {
      name: 'node sendError (tracking ID, code, Accept-Language, lng)',
      covers: ['packages/node/src/http.ts#sendError'],
      run: (payload) => {
        const error = { error: { code: payload, message: payload, target: payload } };
        m.sendError(responseRecorder(), error, { req: { headers: { 'accept-language': payload } }, problemJson: true });
        m.sendError(responseRecorder(), error, { lng: payload });
      },
    },
    {
      name: 'CLI argument errors (runCli)',
      covers: ['packages/cli/src/command.ts#parseErrorReason'],
      run: async (payload) => {
        await m.runCli(['render', `--${payload}`], cliContext());
        await m.runCli(['locales', 'check', `--${payload}`], cliContext());
      },
    },
    {
      name: 'node CLI explain: splitRawResponse (curl -i output)',
      covers: ['packages/cli/src/commands/explain.ts#splitRawResponse'],
      run: (payload) => {
        m.splitRawResponse(payload);
        m.splitRawResponse(`HTTP/1.1 400 Bad\r\nRetry-After: ${payload}\r\n${payload}`);
        m.splitRawResponse(`HTTP/1.1${payload}`);
      },
    },
    {
      name: 'node CLI language from LANG / LC_ALL',
      covers: ['packages/cli/src/shared.ts#languageFromEnvironment'],
      run: (payload) => {
        m.languageFromEnvironment({ LANG: payload }, ['en-US', 'da-DK']);
        m.languageFromEnvironment({ LC_ALL: `${payload}.UTF-8@euro` }, ['en-US', 'da-DK']);
      },
    },
    {
      name: 'node locales import: importLearnPage (a whole hostile page)',
      covers: [
        'packages/cli/src/locales/code-text.ts#(module scope)',
        'packages/cli/src/locales/code-text.ts#squash',
        'packages/cli/src/locales/code-text.ts#comparable',
        'packages/cli/src/locales/code-text.ts#codeOfWording',
        'packages/cli/src/locales/learn-page.ts#htmlTagAt',
        'packages/cli/src/locales/markdown-blocks.ts#readMarkdownBlocks',
        'packages/cli/src/locales/import-page.ts#wordPattern',
        'packages/cli/src/locales/import-page.ts#unsafeReason',
        'packages/cli/src/locales/import-page.ts#convertRow',
        'packages/cli/src/locales/learn-page.ts#parseLearnPage',
        'packages/cli/src/locales/learn-page.ts#statusOf',
        'packages/cli/src/locales/learn-page.ts#statusWords',
        'packages/cli/src/locales/display-width.ts#displayWidth',
        'packages/cli/src/locales/learn-page.ts#markdownToText',
        'packages/cli/src/locales/learn-page.ts#decodeEntities',
        'packages/cli/src/locales/learn-page.ts#isWordCharacter',
      ],
      run: (payload) => {
        m.importLearnPage(tableRow(payload), { lng: 'da-DK', source: sourceCatalog });
        const bilingual = `<span data-ttu-id="1">${payload}</span><span class="sxs-lookup"><span data-stu-id="1">${payload}</span></span>`;
        m.importLearnPage(tableRow(bilingual), { lng: 'da-DK', source: sourceCatalog });
        m.readMarkdownBlocks(`---\n${payload}\n---\n| a | b |\n|-|-|\n| ${payload} | ${payload} |\n`);
        m.codeOfWording(payload);
        m.withoutCodeEcho(payload);
        m.squash(payload);
        m.htmlTagAt(payload, 0);
        m.parseLearnPage(`---\nms.contentlocale: ${payload}\n---\n${payload}`);
        m.parseLearnPage(`${'```'}${payload}\n| a | b (400) | c |\n|-|-|-|\n`);
        m.markdownToText(payload);
        m.decodeEntities(payload);
        m.statusOf(payload);
        m.statusWords(payload);
        m.statusWords(`404 (${payload}`);
        m.displayWidth(payload);
      },
    },
    {
      name: 'node locales import: readMessageCell / fillSlots (one table cell)',
      covers: [
        'packages/cli/src/locales/message-cell.ts#tokenize',
        'packages/cli/src/locales/message-cell.ts#isNote',
        'packages/cli/src/locales/message-cell.ts#noteText',
        'packages/cli/src/locales/message-cell.ts#readMessageCell',
        'packages/cli/src/locales/message-cell.ts#fillSlots',
      ],
      run: (payload) => {
        m.readMessageCell(payload);
        m.readMessageCell(`x<br />*${payload}*`);
        m.readMessageCell(`*Bemærk: ${payload}`);
        m.fillSlots(payload, ['a']);
        m.fillSlots(`\uE000${payload}\uE001`, ['a']);
      },
    },
    {
      name: 'locales check: scanJson (catalog files)',
      covers: ['packages/cli/src/locales/json-scan.ts#scanJson'],
      run: (payload) => {
        m.scanJson(payload);
        m.scanJson(`{"a": "${payload.replace(/["\\]/g, '')}\\u12`);
        m.scanJson(`{"a": "\\u${payload}"}`);
      },
    },
    {
      name: 'node locales add: checkNewLocaleTag',
      covers: ['packages/cli/src/locales/scaffold.ts#checkNewLocaleTag'],
      run: (payload) => {
        m.checkNewLocaleTag(payload);
        m.checkNewLocaleTag(`${payload}_${payload}`);
      },
    },
  ];
}

/**
 * Inputs that make backtracking regexes work hardest: long runs of what a pattern repeats, ending
 * in a character that makes the match fail, for every family of pattern in the inventory.
 */
export const ADVERSARIAL_FAMILIES = {
  digits: (n) => '1'.repeat(n),
  'digits then junk': (n) => `${'1'.repeat(n - 1)}x`,
  'grouped digits': (n) => `${'1,'.repeat(n / 2 - 1)}1x`,
  'digit groups of three': (n) => `-${'123,'.repeat(n / 4 - 1)}12.`,
  decimals: (n) => `${'1.'.repeat(n / 2 - 1)}1e`,
  spaces: (n) => `${' '.repeat(n - 1)}x`,
  tabs: (n) => `q${'\t'.repeat(n - 3)}=0`,
  'q-value padding': (n) => `q${' '.repeat(n / 2 - 2)}=${' '.repeat(n / 2 - 2)}0.0000`,
  'CRLF runs': (n) => '\r\n'.repeat(n / 2),
  'CR runs': (n) => '\r'.repeat(n),
  'LF runs': (n) => `${'\n'.repeat(n - 1)}x`,
  letters: (n) => `${'a'.repeat(n - 1)}!`,
  'Danish letters': (n) => `${'æ'.repeat(n - 1)}:`,
  'word then dot runs': (n) => `${'a.'.repeat(n / 2)}`,
  'placeholder openers': (n) => '{{'.repeat(n / 2),
  'unclosed placeholder': (n) => `{{${'a'.repeat(n - 3)}}`,
  'unescape markers': (n) => `${'{{ -'.repeat(n / 4)}`,
  'link brackets': (n) => '[]('.repeat(n / 3),
  'open brackets': (n) => '['.repeat(n),
  'image links': (n) => `![${'a'.repeat(n / 2)}](${'b'.repeat(n / 2 - 5)}`,
  entities: (n) => '&#'.repeat(n / 2),
  'hex entities': (n) => `&#x${'f'.repeat(n - 3)}`,
  'tag openers': (n) => '<a'.repeat(n / 2),
  'unclosed tag': (n) => `<a ${'b'.repeat(n - 3)}`,
  'table delimiters': (n) => `:${'-'.repeat(n - 2)}x`,
  pipes: (n) => '| '.repeat(n / 2),
  quotes: (n) => '"'.repeat(n),
  'mixed quotes': (n) => `'${'"'.repeat(n - 2)}x`,
  parentheses: (n) => '(123'.repeat(n / 4),
  'status-like numbers': (n) => '1234'.repeat(n / 4),
  'slot markers': (n) => `\uE000${'1'.repeat(n - 1)}`,
  'note markers': (n) => `${' '.repeat(n / 2)}*${'_'.repeat(n / 2 - 1)}`,
  backticks: (n) => '`'.repeat(n),
  tildes: (n) => `   ${'~'.repeat(n - 3)}`,
  'HTTP status lines': (n) => `HTTP/1.1 ${' \t'.repeat(n / 2 - 5)}x`,
  'header blocks': (n) => `HTTP/1.1 200 OK\r\n${'a: b\r\n'.repeat(n / 6 - 3)}`,
  'UUID-like': (n) => `${'0'.repeat(8)}${'-0000'.repeat(n / 5 - 2)}`,
  'hex runs': (n) => 'f'.repeat(n),
  'language-tag-like': (n) => `${'ab-'.repeat(n / 3 - 1)}!`,
  'long subtags': (n) => `${'abcdefgh-'.repeat(n / 9 - 1)}abcdefghi`,
  underscores: (n) => '_'.repeat(n),
  'locale suffixes': (n) => `da_DK${'.@'.repeat(n / 2 - 3)}`,
  'HTTP-date-like': (n) => `Mon, 01 Jan ${'1'.repeat(n - 12)}`,
  'RFC 850-like': (n) => `Monday, 01-Jan-${'9'.repeat(n - 15)}`,
  'JSON numbers': (n) => `{"error":{"code":${'-1'.repeat(n / 2 - 9)}`,
  'JSON exponents': (n) => `[1${'e'.repeat(n - 3)}]`,
  'nested JSON': (n) => '[{"a":'.repeat(n / 6),
  'control characters': (n) => '\u0001\u000b'.repeat(n / 2),
  'urn prefixes': (n) => 'urn:uuid:'.repeat(Math.floor(n / 9)),
  'front matter': (n) => `ms.contentlocale:${' '.repeat(n - 18)}`,
  'dollar-t nesting': (n) => '$t('.repeat(n / 3),
};

/**
 * Entry points known to grow super-linearly, by target name, with the reason they are accepted for
 * now and the fix. The benchmark reports them but does not fail on them; remove an entry once fixed.
 */
export const KNOWN_SUPERLINEAR = {};

/** The input sizes: 16, 32 and 64 KiB. */
export const SIZES = [16 * 1024, 32 * 1024, 64 * 1024];
