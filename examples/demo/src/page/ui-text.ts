/// <reference types="vite/client" />
import type englishText from '../../../../locales/en-US/demo.json';
/**
 * The demo page's own words (its chrome), from the `demo` namespace of the repository's catalogs:
 * `locales/{lng}/demo.json`, checked by `defender-errors locales check` like `errors`. Error texts
 * come from @defender-errors/i18n, never from here. A locale without a demo.json shows en-US.
 */
const CATALOGS = import.meta.glob<Readonly<Record<string, string>>>('../../../../locales/*/demo.json', { eager: true, import: 'default' });

/** The keys of the page's text, typed from en-US (the source of truth). */
export type UiTextKey = keyof typeof englishText;

/** The `demo` catalogs by language tag. */
export const UI_TEXT: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.entries(CATALOGS).map(([path, catalog]) => [path.split('/').at(-2) ?? '', catalog]),
);

/** The page's text `key` in `lng`, else in en-US, else the key itself. */
export function uiText(lng: string, key: UiTextKey | `variants.${string}`): string {
  const own = Object.hasOwn(UI_TEXT, lng) ? UI_TEXT[lng] : undefined;
  const english = UI_TEXT['en-US'];
  return (own && Object.hasOwn(own, key) ? own[key] : undefined) ?? (english && Object.hasOwn(english, key) ? english[key] : undefined) ?? key;
}

/** The name of `lng` in its own language ("Dansk (Danmark)"), for the language selector. */
export function languageName(lng: string): string {
  try {
    const name = new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng;
    return name.charAt(0).toLocaleUpperCase(lng) + name.slice(1);
  } catch {
    return lng;
  }
}
