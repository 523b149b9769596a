/**
 * The dashboard's own words (the app's `app` namespace), by language. Every error text comes from
 * @defender-errors/i18n through <DefenderError>; the languages offered are the keys of this table.
 */
export const UI_TEXT = {
  'en-US': {
    app: {
      title: 'Security operations',
      subtitle: 'Microsoft Defender XDR, tenant contoso.onmicrosoft.com',
      language: 'Language',
      reload: 'Reload',
      loading: 'Loading…',
      via: 'via {{client}}',
      'panel.devices': 'Devices',
      'panel.alerts': 'Alerts',
      'panel.hunting': 'Advanced hunting',
      'panel.indicators': 'Indicators',
      'panel.liveResponse': 'Live response',
      'panel.isolation': 'Device isolation',
    },
  },
  'da-DK': {
    app: {
      title: 'Sikkerhedsdrift',
      subtitle: 'Microsoft Defender XDR, lejer contoso.onmicrosoft.com',
      language: 'Sprog',
      reload: 'Indlæs igen',
      loading: 'Indlæser…',
      via: 'via {{client}}',
      'panel.devices': 'Enheder',
      'panel.alerts': 'Beskeder',
      'panel.hunting': 'Avanceret jagt',
      'panel.indicators': 'Indikatorer',
      'panel.liveResponse': 'Livesvar',
      'panel.isolation': 'Isolering af enhed',
    },
  },
} as const;

/** A language the dashboard has words for. */
export type AppLanguage = keyof typeof UI_TEXT;

/**
 * The dashboard's languages, read once here: i18next keeps the `resources` object it is given and
 * adds to it (the `errors` namespace, also under bare languages such as `da`), so the keys of
 * UI_TEXT change after init.
 */
export const APP_LANGUAGES: readonly AppLanguage[] = Object.freeze(Object.keys(UI_TEXT) as AppLanguage[]);

/** The name of each language in itself, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<AppLanguage, string>> = { 'en-US': 'English', 'da-DK': 'Dansk' };

/** The dashboard's panels: each calls the demo API with one client. */
export const PANELS = [
  { id: 'devices', client: 'axios', path: '/api/errors/ResourceNotFound?variant=free-text' },
  { id: 'alerts', client: 'fetch', path: '/api/errors/TooManyRequests' },
  { id: 'hunting', client: 'axios', path: '/api/errors/InvalidInput' },
  { id: 'indicators', client: 'fetch', path: '/api/errors/InvalidHashValue' },
  { id: 'liveResponse', client: 'axios', path: '/api/errors/ClientVersionNotSupported?variant=and-above' },
  { id: 'isolation', client: 'fetch', path: '/api/errors/ActiveRequestAlreadyExists' },
] as const;

/** One panel of {@link PANELS}. */
export type Panel = (typeof PANELS)[number];
