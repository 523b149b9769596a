import { createInstance, type i18n as I18nInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createErrorTranslator, matchLocale, resources, SOURCE_LOCALE } from './index';

// A translator on an app's own i18next instance follows the app's language (issue 13 point 4).
// The instances are set up as a react-i18next app does it: `i18n.use(initReactI18next).init(...)`,
// with the app's own `translation` namespace under bare languages.

const DANISH = matchLocale('da');
const danish = resources[DANISH as keyof typeof resources].errors as Record<string, string>;
const english = resources[SOURCE_LOCALE].errors as Record<string, string>;
const body = { error: { code: 'InvalidUrl', message: 'URL http://x is invalid.', target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a' } };
const invalidUrl = (catalog: Record<string, string>, url: string) => (catalog['InvalidUrl.message'] as string).replace('{{url}}', url);

async function reactApp(lng: string): Promise<I18nInstance> {
  const app = createInstance();
  await app.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    resources: { en: { translation: { hello: 'Hello' } }, da: { translation: { hello: 'Hej' } } },
  });
  return app;
}

describe.each(['da-DK', 'da'])('an app initialised on %s', (lng) => {
  it('renders Danish without lng, then English after changeLanguage(en-US): format, describe, labels', async () => {
    const app = await reactApp(lng);
    const errors = createErrorTranslator({ i18n: app });
    expect(errors.resolveLanguage()).toBe(DANISH);
    expect(errors.format('InvalidUrl', { url: 'u' })).toBe(invalidUrl(danish, 'u'));
    expect(errors.describe(body)).toMatchObject({ lng: DANISH, message: invalidUrl(danish, 'http://x'), target: body.error.target });
    expect(errors.labels().trackingId).toBe(danish['label.trackingId']);

    await app.changeLanguage('en-US');
    expect(errors.resolveLanguage()).toBe(SOURCE_LOCALE);
    expect(errors.format('InvalidUrl', { url: 'u' })).toBe(invalidUrl(english, 'u'));
    expect(errors.describe(body)).toMatchObject({ lng: SOURCE_LOCALE, message: invalidUrl(english, 'http://x') });
    expect(errors.labels().trackingId).toBe(english['label.trackingId']);

    await app.changeLanguage(lng);
    expect(errors.labels().trackingId).toBe(danish['label.trackingId']);
  });

  it("finds the catalogs through the app's own t('errors:…'), and keeps its own namespace", async () => {
    const app = await reactApp(lng);
    createErrorTranslator({ i18n: app });
    expect(app.t('errors:InvalidUrl.message', { url: 'u' })).toBe(invalidUrl(danish, 'u'));
    expect(app.t('hello')).toBe('Hej');
    await app.changeLanguage('en');
    expect(app.t('errors:InvalidUrl.message', { url: 'u' })).toBe(invalidUrl(english, 'u'));
    expect(app.t('hello')).toBe('Hello');
  });
});

describe('the app language', () => {
  it('maps a language that is only close to a supported one (en-GB -> en-US, an unsupported one -> en-US)', async () => {
    const app = await reactApp('en-GB');
    const errors = createErrorTranslator({ i18n: app });
    expect(errors.describe(body).lng).toBe(SOURCE_LOCALE);
    await app.changeLanguage('fr-FR');
    expect(errors.resolveLanguage()).toBe(SOURCE_LOCALE);
    expect(app.t('errors:InvalidUrl.message', { url: 'u' })).toBe(invalidUrl(english, 'u'));
  });

  it('gives way to lng at creation (an explicit default) and to lng of a call', async () => {
    const app = await reactApp('da');
    const fixed = createErrorTranslator({ i18n: app, lng: SOURCE_LOCALE });
    expect(fixed.format('InvalidUrl', { url: 'u' })).toBe(invalidUrl(english, 'u'));
    await app.changeLanguage('da-DK');
    expect(fixed.labels().trackingId).toBe(english['label.trackingId']);
    const following = createErrorTranslator({ i18n: app });
    expect(following.format('InvalidUrl', { url: 'u' }, { lng: 'en' })).toBe(invalidUrl(english, 'u'));
    expect(following.describe(body, { lng: 'en-US' }).lng).toBe(SOURCE_LOCALE);
  });

  it('does not register over an app bundle of a bare language, nor follow an isolated instance', async () => {
    const app = await reactApp('da');
    app.addResourceBundle('da', 'errors', { 'InvalidUrl.message': 'Appens egen tekst.' });
    createErrorTranslator({ i18n: app });
    expect(app.t('errors:InvalidUrl.message')).toBe('Appens egen tekst.');
    const isolated = createErrorTranslator();
    await isolated.i18n.changeLanguage(DANISH);
    expect(isolated.resolveLanguage()).toBe(SOURCE_LOCALE);
  });
});

describe('the configuration alternative the README names', () => {
  it("fallbackLng { da: ['da-DK'] } finds the da-DK bundle from an app on da", async () => {
    const app = createInstance();
    await app.init({ lng: 'da', fallbackLng: { da: [DANISH], en: [SOURCE_LOCALE], default: [SOURCE_LOCALE] }, resources: {} });
    app.addResourceBundle(DANISH, 'errors', danish);
    app.addResourceBundle(SOURCE_LOCALE, 'errors', english);
    expect(app.t('errors:InvalidUrl.message', { url: 'u' })).toBe(invalidUrl(danish, 'u'));
    await app.changeLanguage('en');
    expect(app.t('errors:InvalidUrl.message', { url: 'u' })).toBe(invalidUrl(english, 'u'));
  });
});
