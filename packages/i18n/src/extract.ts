import { getErrorDefinition, isErrorCode, wireWordings, type ErrorCode, type ParamsOf } from '@defender-errors/core';
import { compileTemplate, type TemplatePart } from './template';

/** What matching a code's messages needs: its wordings as patterns and the kind of each parameter. */
interface CodePatterns {
  readonly patterns: readonly (readonly TemplatePart[])[];
  readonly paramKinds: Readonly<Record<string, string>>;
}

const patternCache = new Map<unknown, CodePatterns>();

/** The patterns of `code`, built on first use; `undefined` for anything that is not a code. */
function patternsFor(code: unknown): CodePatterns | undefined {
  let entry = patternCache.get(code);
  if (entry === undefined && isErrorCode(code)) {
    const patterns = wireWordings(code).flatMap((wording) => {
      const compiled = compileTemplate(wording);
      return compiled ? [compiled.parts] : [];
    });
    entry = { patterns, paramKinds: getErrorDefinition(code).paramKinds };
    patternCache.set(code, entry);
  }
  return entry;
}

/** Reads an en-US formatted number ("1,500", "-2.5") back; `undefined` when it is not one. */
function parseEnglishNumber(text: string): number | undefined {
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text)) return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Whether `text` occurs in `message` at `position` (`message.startsWith(text, position)`; this form
 * costs about half as much, and it runs for every server message).
 */
function hasTextAt(message: string, text: string, position: number): boolean {
  return position >= 0 && message.slice(position, position + text.length) === text;
}

/** Matches `message` against one pattern in linear time; literal parts anchor each parameter (leftmost match). */
function matchPattern(parts: readonly TemplatePart[], message: string): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  let position = 0;
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] as TemplatePart;
    if ('text' in part) {
      if (!hasTextAt(message, part.text, position)) return undefined;
      position += part.text.length;
      continue;
    }
    const next = parts[index + 1];
    let end: number;
    if (next === undefined) {
      end = message.length;
    } else if (index + 2 === parts.length && 'text' in next) {
      end = hasTextAt(message, next.text, message.length - next.text.length) ? message.length - next.text.length : -1;
    } else {
      end = 'text' in next ? message.indexOf(next.text, position + 1) : -1;
    }
    if (end <= position) return undefined;
    values[part.param] = message.slice(position, end);
    position = end;
  }
  return position === message.length ? values : undefined;
}

/**
 * Reads the parameters back out of an English server message, accepting every known wire wording
 * of the code (core's `wireWordings`: `isn't` / `is not`, `wasn't` / `was not`, `and later` /
 * `and above`, with or without the final period, and older texts; never the display catalog). Numbers come back as numbers. Returns `undefined` when the message
 * matches no wording of the code: then show the server's message verbatim beside a generic text.
 *
 * @example
 * extractParams('InvalidHashValue', 'Hash value abc is invalid.'); // { hash: 'abc' }
 */
export function extractParams<C extends ErrorCode>(code: C, englishServerMessage: string): ParamsOf<C> | undefined;
export function extractParams(code: string, englishServerMessage: string): Record<string, string | number> | undefined;
export function extractParams(code: string, englishServerMessage: string): Record<string, string | number> | undefined {
  if (typeof englishServerMessage !== 'string') return undefined;
  const entry = patternsFor(code);
  if (entry === undefined) return undefined;
  const candidates = englishServerMessage === englishServerMessage.trim() ? [englishServerMessage] : [englishServerMessage, englishServerMessage.trim()];
  for (const candidate of candidates) {
    for (const pattern of entry.patterns) {
      const texts = matchPattern(pattern, candidate);
      if (!texts) continue;
      const params: Record<string, string | number> = {};
      let valid = true;
      for (const name of Object.keys(texts)) {
        const text = texts[name] as string;
        if (entry.paramKinds[name] === 'number') {
          const value = parseEnglishNumber(text);
          if (value === undefined) valid = false;
          else params[name] = value;
        } else {
          params[name] = text;
        }
      }
      if (valid) return params;
    }
  }
  return undefined;
}
