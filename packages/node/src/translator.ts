/** The default translator lives in `@defender-errors/http` (one per process); this package re-exports it. */
export { getDefaultTranslator, type ErrorTranslator, type TranslatorLike } from '@defender-errors/http';
