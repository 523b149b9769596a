import { detectLocale } from '@defender-errors/browser';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { APP_LANGUAGES, UI_TEXT } from './ui-text';

/** The app's i18next instance; <DefenderError> adds its `errors` namespace to it on first use. */
export const i18n: I18n = i18next.createInstance();

/** The browser's language among the dashboard's (`da-DK` for a Danish browser), then `en-US`. */
const initialLanguage = detectLocale(navigator.languages, APP_LANGUAGES);

// <html lang> follows the language, so the page (and screen readers) announce the right one.
i18n.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));

await i18n.use(initReactI18next).init({
  lng: initialLanguage,
  fallbackLng: 'en-US',
  supportedLngs: [...APP_LANGUAGES],
  ns: ['app'],
  defaultNS: 'app',
  keySeparator: false,
  resources: UI_TEXT,
  interpolation: { escapeValue: false }, // React escapes
});
