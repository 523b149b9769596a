// The raw i18next the suites compare against, configured like the package's own instance: flat
// keys, the `errors` namespace, no HTML escaping (the output is plain text).

/**
 * Creates and initializes an i18next instance with `createInstance` (from the i18next module the
 * suite imported) over `resources` (`{ lng: { errors: catalog } }`), in `lng`.
 */
export async function initRawI18next(createInstance, resources, lng) {
  const instance = createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en-US',
    ns: ['errors'],
    defaultNS: 'errors',
    resources,
    keySeparator: false,
    nsSeparator: false,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
