// Compiled by the release e2e test in the consumer project (tsc --noEmit, moduleResolution node16
// and bundler; copied to typed.cts for CommonJS): the typed API as published must compile.
import { ERROR_CODES, getErrorDefinition, isErrorCode, parseErrorBody, type ErrorCode } from '@defender-errors/core';
import { createErrorTranslator, type ErrorDescription } from '@defender-errors/i18n';
import { formatForTerminal, getDefaultTranslator, negotiateLocale } from '@defender-errors/node';
import { detectLocale, renderError, type RenderErrorOptions } from '@defender-errors/browser';

const translator = createErrorTranslator({ lng: 'en-US' });
const danish: string = translator.format('InvalidHashValue', { hash: 'abc' }, { lng: 'da-DK' });
const shared: string = getDefaultTranslator().format('InvalidHashValue', { hash: 'abc' });
const parsed = parseErrorBody('{"error":{"code":"InvalidHashValue","message":"Hash value abc is invalid."}}', { status: 400 });
const description: ErrorDescription = translator.describe(parsed, { lng: negotiateLocale('da, en;q=0.5') });
const firstCode: ErrorCode = ERROR_CODES[0];
const status: number | undefined = isErrorCode(parsed.code) ? getErrorDefinition(parsed.code)?.status : undefined;
const terminal: string = formatForTerminal(parsed, { lng: 'da-DK', color: false });

// The i18n translator is what the browser adapter takes.
const options: RenderErrorOptions = { translator, lng: detectLocale(['da']) };
declare const container: Element;
const view: HTMLElement = renderError(container, parsed, options);

export { danish, shared, description, firstCode, status, terminal, view };
