import { detectLocale, loadLocale, renderError } from '@defender-errors/browser';
import { readErrorResponse } from '@defender-errors/core';
import { AVAILABLE_LOCALES, createOnDemandTranslator } from '@defender-errors/i18n/lite';
import { CODE_SCENARIOS, VARIANT_SCENARIOS, type Scenario } from '../scenarios';
import { languageName, uiText, type UiTextKey } from './ui-text';

/** Only en-US is bundled; other locales (and the check of their catalogs) are downloaded by loadLocale when the page needs them. */
const translator = createOnDemandTranslator();

interface Shown {
  /** What was rendered: the result of readErrorResponse, or a pasted body. */
  readonly error: unknown;
  /** "GET /api/errors/… · HTTP 400", or undefined for a pasted body. */
  readonly request: { readonly path: string; readonly status: number } | undefined;
  /** The body as received, verbatim. */
  readonly raw: string;
}

let lng = detectLocale(navigator.languages, AVAILABLE_LOCALES);
let shown: Shown | undefined;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page is missing #${id}.`);
  return element as T;
}

const languageSelect = byId<HTMLSelectElement>('language');
const output = byId<HTMLDivElement>('error-output');
const source = byId<HTMLParagraphElement>('source');
const empty = byId<HTMLParagraphElement>('empty');
const rawDetails = byId<HTMLDetailsElement>('raw-details');
const rawBody = byId<HTMLPreElement>('raw-body');
const pasteForm = byId<HTMLFormElement>('paste-form');
const pasteBody = byId<HTMLTextAreaElement>('paste-body');
const resultPanel = output.closest<HTMLElement>('.result') ?? output;

function applyPageText(): void {
  document.documentElement.lang = lng;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = uiText(lng, element.dataset['text'] as UiTextKey);
  }
  for (const label of document.querySelectorAll<HTMLElement>('[data-variant]')) {
    const variant = label.dataset['variant'] ?? '';
    label.textContent = variant === 'unknown' ? uiText(lng, 'unknownCode') : uiText(lng, `variants.${variant}`);
  }
  languageSelect.value = lng;
}

/** One option per bundled locale, each named in its own language. */
function fillLanguageOptions(): void {
  languageSelect.replaceChildren(
    ...AVAILABLE_LOCALES.map((tag) => Object.assign(document.createElement('option'), { value: tag, lang: tag, textContent: languageName(tag) })),
  );
}

function showResult(): void {
  if (!shown) return;
  empty.hidden = true;
  renderError(output, shown.error, { lng, translator });
  if (shown.request) {
    source.replaceChildren(
      Object.assign(document.createElement('code'), { textContent: `GET ${shown.request.path}` }),
      document.createTextNode(` → HTTP ${shown.request.status}`),
    );
  } else {
    source.textContent = uiText(lng, 'pastedSource');
  }
  source.hidden = false;
  rawBody.textContent = shown.raw;
  rawDetails.hidden = shown.raw.length === 0;
}

/** On a narrow screen the result stands far below the clicked code: bring it into view. */
function revealResult(): void {
  const { top, bottom } = resultPanel.getBoundingClientRect();
  if (top >= 0 && bottom <= window.innerHeight) return;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  resultPanel.scrollIntoView({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
}

async function requestScenario(scenario: Scenario, button: HTMLButtonElement): Promise<void> {
  button.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(scenario.path, { headers: { Accept: 'application/json' } });
    const info = await readErrorResponse(response);
    shown = { error: info, request: { path: scenario.path, status: response.status }, raw: typeof info.raw === 'string' ? info.raw : '' };
  } catch (error) {
    shown = { error, request: { path: scenario.path, status: 0 }, raw: '' };
  } finally {
    button.removeAttribute('aria-busy');
  }
  for (const other of document.querySelectorAll('.scenario[aria-current]')) other.removeAttribute('aria-current');
  button.setAttribute('aria-current', 'true');
  showResult();
  revealResult();
}

function scenarioButton(scenario: Scenario, variantKey: string | undefined): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'scenario';
  button.dataset['path'] = scenario.path;
  const code = document.createElement('span');
  code.className = 'scenario__code';
  code.textContent = scenario.code;
  button.append(code);
  if (variantKey !== undefined) {
    const variant = document.createElement('span');
    variant.className = 'scenario__variant';
    variant.dataset['variant'] = variantKey;
    button.append(variant);
  }
  button.addEventListener('click', () => void requestScenario(scenario, button));
  return button;
}

async function switchLanguage(next: string): Promise<void> {
  try {
    lng = await loadLocale(translator, next);
  } catch {
    lng = 'en-US'; // the catalog could not be downloaded: stay readable in English
  }
  applyPageText();
  showResult();
}

byId('code-buttons').append(...CODE_SCENARIOS.map((scenario) => scenarioButton(scenario, undefined)));
byId('variant-buttons').append(...VARIANT_SCENARIOS.map((scenario) => scenarioButton(scenario, scenario.variant ?? 'unknown')));

languageSelect.addEventListener('change', () => void switchLanguage(languageSelect.value));
pasteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  shown = { error: pasteBody.value, request: undefined, raw: pasteBody.value };
  for (const other of document.querySelectorAll('.scenario[aria-current]')) other.removeAttribute('aria-current');
  showResult();
  revealResult();
});
pasteBody.placeholder = '{ "error": { "code": "InvalidUrl", "message": "URL htp:/contoso.com is invalid.", "target": "43f4cb08-8fac-4b65-9db1-745c2ae65f3a" } }';

fillLanguageOptions();
applyPageText();
void switchLanguage(lng).then(() => {
  document.documentElement.dataset['ready'] = 'true';
});
