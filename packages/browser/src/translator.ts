import type { DescribeOptions, ErrorDescription, ErrorLabels } from '@defender-errors/i18n/lite';

/**
 * The part of an `@defender-errors/i18n` translator (`createErrorTranslator()`) that this adapter
 * uses. Any object with these methods works, so a translator from another copy of the package does too.
 */
export interface BrowserErrorTranslator {
  /** The view model of any error: a `DefenderApiError`, a parsed body, a raw body, or anything thrown. */
  describe(error: unknown, options?: DescribeOptions): ErrorDescription;
  /** The localized labels (tracking ID, copy, copied, …) of a supported locale. */
  labels(lng?: string): ErrorLabels;
  /** The locales whose messages are loaded. */
  locales(): readonly string[];
  /** Adds a locale's messages at run time; `loadLocale` waits for it when it returns a promise. */
  addLocale(lng: string, messages: Readonly<Record<string, string>>): unknown;
}

/**
 * The translator, once it has each of `methods` (checked in order); otherwise throws the
 * `TypeError` every entry point gives, naming `caller`.
 */
export function requireTranslator(translator: unknown, caller: string, methods: readonly (keyof BrowserErrorTranslator)[]): BrowserErrorTranslator {
  for (const method of methods) {
    if (typeof (translator as Record<string, unknown> | null | undefined)?.[method] !== 'function') {
      throw new TypeError(`${caller}: \`translator\` must come from createErrorTranslator() of @defender-errors/i18n.`);
    }
  }
  return translator as BrowserErrorTranslator;
}
