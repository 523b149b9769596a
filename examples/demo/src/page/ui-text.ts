/** The demo page's own words (its chrome). Error texts come from @defender-errors/i18n, never from here. */
export interface UiText {
  readonly documentTitle: string;
  readonly heading: string;
  readonly lead: string;
  readonly language: string;
  readonly apiHeading: string;
  readonly apiIntro: string;
  readonly codesLabel: string;
  readonly variantsHeading: string;
  readonly variantsIntro: string;
  readonly variants: Readonly<Record<string, string>>;
  readonly unknownCode: string;
  readonly pasteHeading: string;
  readonly pasteIntro: string;
  readonly pasteLabel: string;
  readonly pasteButton: string;
  readonly pastedSource: string;
  readonly resultHeading: string;
  readonly resultEmpty: string;
  readonly rawLabel: string;
  readonly loading: string;
  readonly footer: string;
}

const EN_US: UiText = {
  documentTitle: 'defender-errors demo',
  heading: 'Defender XDR errors, in your language',
  lead: 'A local API answers with the English error bodies of the Microsoft Defender XDR REST API; this page reads them and shows them localized, with the tracking ID that support asks for.',
  language: 'Language',
  apiHeading: 'Errors from the local API',
  apiIntro: 'Each button calls GET /api/errors/<code> and renders the response.',
  codesLabel: 'Error codes',
  variantsHeading: 'Real-world wordings',
  variantsIntro: 'Servers and older documentation word the same errors differently. The page re-localizes what it recognizes and shows the rest verbatim.',
  variants: {
    'is-not': '“is not”',
    'was-not': '“was not”',
    'free-text': 'free text',
    'and-above': '“and above”',
    legacy: 'older text',
  },
  unknownCode: 'unknown code',
  pasteHeading: 'Paste an error body',
  pasteIntro: 'Any response body: the JSON of the API, an RFC 9457 problem, or whatever a proxy sent.',
  pasteLabel: 'Error body',
  pasteButton: 'Show localized',
  pastedSource: 'Pasted body',
  resultHeading: 'Result',
  resultEmpty: 'Choose an error or paste a body to see it here.',
  rawLabel: 'Response body as received',
  loading: 'Loading…',
  footer: 'Demo of @defender-errors/browser: the error is built from text nodes only, under a strict Content Security Policy with Trusted Types.',
};

const DA_DK: UiText = {
  documentTitle: 'defender-errors-demo',
  heading: 'Defender XDR-fejl på dit eget sprog',
  lead: 'Et lokalt API svarer med de engelske fejlmeddelelser fra Microsoft Defender XDR REST API; denne side læser dem og viser dem oversat, sammen med det sporings-id, som supporten beder om.',
  language: 'Sprog',
  apiHeading: 'Fejl fra det lokale API',
  apiIntro: 'Hver knap kalder GET /api/errors/<kode> og viser svaret.',
  codesLabel: 'Fejlkoder',
  variantsHeading: 'Formuleringer i praksis',
  variantsIntro: 'Servere og ældre dokumentation formulerer de samme fejl forskelligt. Siden oversætter det, den genkender, og viser resten ordret.',
  variants: {
    'is-not': '“is not”',
    'was-not': '“was not”',
    'free-text': 'fri tekst',
    'and-above': '“and above”',
    legacy: 'ældre tekst',
  },
  unknownCode: 'ukendt kode',
  pasteHeading: 'Indsæt en fejlmeddelelse',
  pasteIntro: 'Et hvilket som helst svar: API’ets JSON, et RFC 9457-problem eller det, en proxy sendte.',
  pasteLabel: 'Fejlens brødtekst',
  pasteButton: 'Vis oversættelse',
  pastedSource: 'Indsat brødtekst',
  resultHeading: 'Resultat',
  resultEmpty: 'Vælg en fejl, eller indsæt en brødtekst for at se den her.',
  rawLabel: 'Svarets brødtekst, som modtaget',
  loading: 'Indlæser…',
  footer: 'Demo af @defender-errors/browser: fejlen bygges udelukkende af tekstnoder under en streng Content Security Policy med Trusted Types.',
};

/** The page's words in each language it offers. */
export const UI_TEXT: Readonly<Record<string, UiText>> = { 'en-US': EN_US, 'da-DK': DA_DK };

/** The page's words for a supported locale (en-US for anything else). */
export function uiText(lng: string): UiText {
  return Object.hasOwn(UI_TEXT, lng) ? (UI_TEXT[lng] as UiText) : EN_US;
}
