import { wireMessage, type ErrorCode } from '@defender-errors/core';
import type { ErrorTranslator } from '@defender-errors/i18n';

/**
 * The `message` a body in `lng` carries, as the tests expect it: in English (en-US) the API's own
 * wire text (core's `wireMessage`), in any other language the translator's display text.
 */
export function bodyMessage(translator: ErrorTranslator, code: ErrorCode, params: Readonly<Record<string, string | number>>, lng: string): string {
  const display = (translator.format as (code: string, params: unknown, options: { lng: string }) => string)(code, params, { lng });
  return lng === 'en-US' ? (wireMessage(code, params) ?? display) : display;
}
