// Bundled by the release e2e test from the consumer project (esbuild, i18next included) and run
// in headless Chromium: the published browser adapter renders an error with a locale it loads.
/* global document */
import { createOnDemandTranslator } from '@defender-errors/i18n/lite';
import { loadLocale, renderError } from '@defender-errors/browser';

/** Renders `body` in `lng` into a new container and reports what a user would see. */
globalThis.renderForTest = async (body, lng) => {
  const translator = createOnDemandTranslator();
  const loaded = await loadLocale(translator, lng);
  const container = document.createElement('div');
  document.body.append(container);
  const view = renderError(container, body, { lng: loaded, translator });
  return {
    loaded,
    text: view.textContent,
    role: view.getAttribute('role'),
    lang: view.getAttribute('lang'),
    code: view.getAttribute('data-code'),
    elementsWithHtmlFromServer: container.querySelectorAll('img, script').length,
  };
};
