import { AVAILABLE_LOCALES, matchLocale, SOURCE_LOCALE } from '@defender-errors/i18n/lite';

/** The locale used when none of the user's languages is supported (i18n's `SOURCE_LOCALE`). */
export const DEFAULT_LOCALE = SOURCE_LOCALE;

function browserLanguages(): unknown {
  try {
    const nav = globalThis.navigator;
    if (nav === undefined) return [];
    return nav.languages?.length ? nav.languages : [nav.language];
  } catch {
    return [];
  }
}

/**
 * The supported locale for a user's preferred languages, by `matchLocale` of `@defender-errors/i18n`
 * (the project's one matcher): the first language that matches a supported locale by BCP 47 lookup
 * (case-insensitive) or by its language subtag (`da` and `da-GL` -> `da-DK`, `en-GB` -> `en-US`);
 * otherwise `en-US` (or, when `en-US` is not supported, the first supported locale). Never throws:
 * junk entries and hostile lists are skipped.
 *
 * @param languages The user's languages in order of preference; defaults to `navigator.languages`.
 * @param supported The locales to choose from; defaults to the locales published by `@defender-errors/i18n`.
 * @example
 * detectLocale(['fr-FR', 'en-GB']); // 'en-US'
 * detectLocale(['da']); // 'da-DK'
 */
export function detectLocale(languages: unknown = browserLanguages(), supported: unknown = AVAILABLE_LOCALES): string {
  return matchLocale(languages, supported);
}
