// Compiled by the release e2e test in the consumer project: each line marked `expect-error` must
// be reported by tsc, and nothing else; a typed API that lets these through fails the test.
import { createErrorTranslator } from '@defender-errors/i18n';
import { getDefaultTranslator } from '@defender-errors/node';

const translator = createErrorTranslator();
translator.format('InvalidHashValue', {}); // expect-error: the hash parameter is missing
translator.format('NotADefenderCode', {}); // expect-error: not a registered code
getDefaultTranslator().format('InvalidHashValue', { domain: 'example.com' }); // expect-error: wrong parameter
translator.format('InvalidHashValue', { hash: 'abc' });

export { translator };
