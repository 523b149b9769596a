import { ERROR_CODES, wireWordings, type ErrorCode } from '@defender-errors/core';

/** Letters and digits only, lower-cased: how code cells and status texts are compared. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const CODES_BY_SQUASHED = new Map<string, ErrorCode>(ERROR_CODES.map((code) => [squash(code), code]));

/** The code `text` names: the code itself, or the code spaced or cased differently (`Bad Request`). */
export function codeNamed(text: string): ErrorCode | undefined {
  return ERROR_CODES.find((code) => code === text) ?? CODES_BY_SQUASHED.get(squash(text));
}

const LONGEST_CODE = Math.max(...ERROR_CODES.map((code) => code.length)) + 4;
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '（': '）' };

/**
 * Removes the code that machine translation echoes in parentheses (`権限がありません (Unauthorized)`,
 * `No autorizado (Unauthorized)`, full-width `（Forbidden）` too), with the space before it;
 * `echoed` is the first code so echoed. Other parentheses are kept.
 */
export function withoutCodeEcho(text: string): { text: string; echoed: ErrorCode | undefined } {
  let kept = '';
  let echoed: ErrorCode | undefined;
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const close = CLOSING[text[index] as string];
    if (close === undefined) continue;
    const end = text.slice(index + 1, index + 1 + LONGEST_CODE).indexOf(close);
    const code = end > 0 ? codeNamed(text.slice(index + 1, index + 1 + end)) : undefined;
    if (code === undefined) continue;
    echoed ??= code;
    kept += text.slice(from, index).trimEnd();
    from = index + end + 2;
    index = from - 1;
  }
  return { text: kept + text.slice(from), echoed };
}

const SLOT = /\uE000\d+\uE001/g;
const PARAMETER = /\{\{[^{}]{1,50}\}\}/g;

function comparable(wording: string): string {
  return wording.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
}

const CODES_BY_WORDING = new Map<string, ErrorCode>();
for (const code of ERROR_CODES) {
  for (const wording of wireWordings(code)) {
    const key = comparable(wording.replace(PARAMETER, '\uE000'));
    if (!CODES_BY_WORDING.has(key)) CODES_BY_WORDING.set(key, code);
  }
}

/**
 * The code whose English wire wording (core's `wireWordings`) an English message is, its
 * placeholders (slots `\uE000<n>\uE001` of a read message cell) standing for the parameters:
 * `Hash value <slot> is invalid.` -> InvalidHashValue.
 */
export function codeOfWording(englishMessage: string | undefined): ErrorCode | undefined {
  return englishMessage === undefined ? undefined : CODES_BY_WORDING.get(comparable(englishMessage.replace(SLOT, '\uE000')));
}
