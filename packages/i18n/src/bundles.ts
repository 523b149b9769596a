import type { i18n as I18nInstance } from 'i18next';

/** Adds one locale's messages to the store of an i18next instance. */
export type RegisterBundle = (lng: string, messages: Readonly<Record<string, string>>, overwrite: boolean) => void;

/**
 * Registers bundles of `namespace` and lists their locales in `supported`. With `aliases`, each
 * bundle is also registered under its bare language (`da-DK` also as `da`) unless that language
 * already has a bundle of the namespace that another locale put there: an app whose i18next runs
 * on `da` or `en` then finds the messages through its own `t('errors:…')`, since i18next looks a
 * key up in the language, then its fallbacks, and never from `da` down to `da-DK`.
 */
export function createBundleRegistry(i18n: I18nInstance, namespace: string, supported: string[], aliases: boolean): RegisterBundle {
  const aliasOwners = new Map<string, string>();
  return (lng, messages, overwrite) => {
    i18n.addResourceBundle(lng, namespace, messages, true, overwrite);
    if (!supported.includes(lng)) supported.push(lng);
    const language = lng.split('-')[0] as string;
    if (!aliases || language === lng || supported.includes(language)) return;
    const owner = aliasOwners.get(language);
    if (owner === undefined ? i18n.hasResourceBundle(language, namespace) : owner !== lng) return;
    aliasOwners.set(language, lng);
    i18n.addResourceBundle(language, namespace, messages, true, overwrite);
  };
}
