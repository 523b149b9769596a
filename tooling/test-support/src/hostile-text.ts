/**
 * Text that means something to i18next (interpolation, unescaped interpolation, formats, `$t(`
 * nesting, options that set `lng`), to JavaScript objects (prototype names), to
 * `String.prototype.replace` (`$&` and friends), to HTML or to `printf`, and catalog keys. Every
 * one of them must come out of any output literally.
 */
export const INJECTIONS: readonly string[] = [
  '{{hash}}',
  '{{url}}',
  '{{ url }}',
  '{{- url}}',
  '{{-url}}',
  '{{url, number}}',
  '{{lng}}',
  '{{__proto__}}',
  '{{constructor}}',
  '{{constructor.name}}',
  '{{}}',
  '{{',
  '}}',
  '{{{url}}}',
  '$t(InvalidUrl.message)',
  '$t(label.copy)',
  '$t(errors:label.copy)',
  '$t(errors:InvalidUrl.message)',
  '$t(InvalidUrl.message, {"lng": "da-DK"})',
  '$t(InvalidUrl.message, { "lng": "da-DK", "url": "{{url}}" })',
  '$t(',
  'x", "lng": "da-DK',
  "x', 'lng': 'da-DK",
  '"}, "lng": "da-DK", "x": {"y": "',
  '", "lng": "da-DK"}) $t(label.copy, {"lng": "da-DK',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'InvalidUrl.message',
  'errors:InvalidUrl.message',
  'label.copy',
  'param.missing',
  '$&',
  "$'",
  '$`',
  '$1',
  '$$',
  '&quot;&#x2F;<b>x</b>',
  '<img src=x onerror=alert(1)>',
  '\\{{url}}',
  '%s %d',
];

/**
 * The code points of `text` that no server text may put on a terminal: C0 controls but the newline
 * between rows, DEL and C1 controls (ESC, CSI), the bidirectional controls and lone surrogates, as
 * `U+XXXX`. Written apart from the implementation on purpose: it is the tests' oracle.
 */
export function unsafeTerminalCharacters(text: string): string[] {
  const found: string[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const unsafe =
      (codePoint <= 0x1f && character !== '\n') ||
      (codePoint >= 0x7f && codePoint <= 0x9f) ||
      codePoint === 0x061c ||
      codePoint === 0x200e ||
      codePoint === 0x200f ||
      (codePoint >= 0x202a && codePoint <= 0x202e) ||
      (codePoint >= 0x2066 && codePoint <= 0x2069) ||
      (codePoint >= 0xd800 && codePoint <= 0xdfff);
    if (unsafe) found.push(`U+${codePoint.toString(16).padStart(4, '0')}`);
  }
  return found;
}
