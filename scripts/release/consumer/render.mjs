// Runs inside the release e2e test's consumer project (ESM): uses the packages installed from the
// local registry as an app would and prints what they produced as JSON; the test compares it with
// the catalogs. core and i18n are dependencies of node and browser, so npm installs them too.
import { parseErrorBody } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { CatalogValidationError, createErrorTranslator as createLiteTranslator, createOnDemandTranslator } from '@defender-errors/i18n/lite';
import { formatForTerminal, getDefaultTranslator, negotiateLocale } from '@defender-errors/node';
import { detectLocale } from '@defender-errors/browser';
import { createErrorResponse } from '@defender-errors/http';

const [body, locales, acceptLanguage] = JSON.parse(process.argv[2]);
const parsed = parseErrorBody(body, { status: 400 });
const translator = createErrorTranslator();
// The per-locale modules import the lite entry of their own package: that must resolve once installed.
const lite = createLiteTranslator();
// The on-demand translator imports its catalog check from the package's tooling entry.
const onDemand = createOnDemandTranslator();
const rendered = {};
for (const lng of locales) {
  const { messages } = await import(`@defender-errors/i18n/locales/${lng}`);
  lite.addLocale(lng, messages);
  await onDemand.addLocale(lng, messages);
  rendered[lng] = {
    lite: lite.format(parsed.code, { hash: 'abc' }, { lng }),
    onDemand: onDemand.format(parsed.code, { hash: 'abc' }, { lng }),
    format: translator.format(parsed.code, { hash: 'abc' }, { lng }),
    defaultFormat: getDefaultTranslator().format(parsed.code, { hash: 'abc' }, { lng }),
    describe: translator.describe(parsed, { lng }).message,
    terminal: formatForTerminal(body, { lng, color: false }),
  };
}
const rejected = await onDemand.addLocale('de-DE', { 'BadRequest.message': 'x' }).then(() => 'resolved', (error) => error instanceof CatalogValidationError);
console.log(
  JSON.stringify({
    onDemandRejects: rejected,
    code: parsed.code,
    known: parsed.known,
    target: parsed.target,
    rendered,
    negotiated: negotiateLocale(acceptLanguage),
    http: (({ status, headers, body: sent }) => ({ status, lng: headers['Content-Language'], body: JSON.parse(sent) }))(createErrorResponse(parsed, { acceptLanguage })),
    detected: detectLocale([acceptLanguage.split(/[;,]/)[0]]),
  }),
);
