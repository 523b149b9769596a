import { ERROR_CODES } from '@defender-errors/core';
import { SOURCE_LOCALE, matchLocale } from '@defender-errors/i18n';
import { canonicalLocale } from '@defender-errors/i18n/tooling';
import { escapeTerminalText } from '@defender-errors/node';
import { UsageError, type CliContext } from './command';
import { closestMatch } from './suggest';

/** The most bytes `explain` reads from a file or stdin: 1 MiB (the body parser reads 64 KiB of it). */
export const MAX_INPUT_BYTES = 1024 * 1024;

function languageSubtag(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/**
 * The supported locale for the POSIX locale environment: the first of `LC_ALL`, `LC_MESSAGES`,
 * `LANG` that is set (`da_DK.UTF-8` -> `da-DK`), matched by i18n's `matchLocale`; en-US for
 * `C` / `POSIX`, nothing set, or no match.
 */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>, supported: readonly string[]): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (typeof value !== 'string' || value.length === 0) continue;
    const locale = value.split(/[.@]/)[0] ?? '';
    return locale === 'C' || locale === 'POSIX' ? SOURCE_LOCALE : matchLocale(locale, supported, SOURCE_LOCALE);
  }
  return SOURCE_LOCALE;
}

/**
 * The supported language for a `--lng` value (or, without one, for the locale environment).
 * An invalid tag is bad usage; a valid but unsupported one gets a note on stderr.
 */
export function resolveLanguageOption(lng: string | undefined, context: CliContext): string {
  const translator = context.translator();
  if (lng === undefined) return languageFromEnvironment(context.env, translator.locales());
  const requested = canonicalLocale(lng);
  if (requested === undefined) throw new UsageError(`invalid language tag '${lng}' for --lng (expected a BCP 47 tag such as da-DK)`);
  const resolved = translator.resolveLanguage(requested);
  if (languageSubtag(resolved) !== languageSubtag(requested)) {
    context.stderr.write(`note: no messages in '${requested}'; using ${resolved} (available: ${translator.locales().join(', ')})\n`);
  }
  return resolved;
}

/** "unknown error code 'X'. Did you mean 'Y'?", with the code made safe for a terminal by the caller. */
export function unknownCodeMessage(code: string): string {
  const suggestion = closestMatch(code, ERROR_CODES);
  const shown = code.length > 80 ? `${code.slice(0, 80)}…` : code;
  return `unknown error code '${shown}'${suggestion === undefined ? '' : `. Did you mean '${suggestion}'?`}`;
}

/**
 * Pretty `JSON.stringify` with every character that could act on a terminal (the ones
 * `escapeTerminalText` escapes) written as a `\u` escape (JSON itself escapes only C0 controls):
 * the output stays valid JSON and parses to the same value.
 */
export function toTerminalSafeJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  let output = '';
  let runStart = 0;
  for (let index = 0; index < json.length; ) {
    const codePoint = json.codePointAt(index) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    // Below U+0020 only the layout's own newlines remain: JSON.stringify escapes C0 controls inside strings.
    const character = json.slice(index, index + width);
    if (codePoint >= 0x20 && escapeTerminalText(character) !== character) {
      output += json.slice(runStart, index);
      for (let unit = index; unit < index + width; unit += 1) output += `\\u${json.charCodeAt(unit).toString(16).padStart(4, '0')}`;
      runStart = index + width;
    }
    index += width;
  }
  return output + json.slice(runStart);
}
