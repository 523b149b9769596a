/** Accept-Language negotiation lives in `@defender-errors/http`; this package re-exports it. */
export { negotiateLocale, DEFAULT_LOCALE, MAX_ACCEPT_LANGUAGE_LENGTH, MAX_LANGUAGE_RANGES, type AcceptLanguageHeader } from '@defender-errors/http';
