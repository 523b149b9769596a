import { createInstance, type i18n as I18nInstance } from 'i18next';
import { createAddLocale } from './add-locale';
import { createBundleRegistry } from './bundles';
import { createCompiledCatalog } from './compiled-catalog';
import { createDescribe } from './describe';
import { createFormat } from './format';
import { createLabels } from './labels';
import { createLanguageResolver } from './language-resolver';
import { SOURCE_LOCALE, resolveLocale } from './locale';
import type { DescribeOptions, ErrorDescription, ErrorLabels, ErrorTranslatorOptions, FormatArgs } from './types';
import type { CatalogProblem } from './validate';
import type { ErrorCode } from '@defender-errors/core';

/** The i18next namespace this package's messages live in. */
export const NAMESPACE = 'errors';

/** A catalog of the `errors` namespace: flat `"Code.message"` keys to messages. */
export type Catalog = Readonly<Record<string, string>>;

/** Localized, typed error messages over an i18next instance. Create one with `createErrorTranslator`. */
export interface ErrorTranslator {
  /** The i18next instance holding the `errors` namespace (yours, or an isolated one). */
  readonly i18n: I18nInstance;
  /**
   * The localized message of `code` with every placeholder filled; numbers formatted for the locale.
   * A missing, `null` or `undefined` parameter shows a localized stand-in, never `{{name}}`.
   */
  format<C extends ErrorCode>(code: C, ...args: FormatArgs<C>): string;
  /** The view model adapters render, from a `DefenderApiError`, a parsed body, a raw body or any thrown value. */
  describe(error: unknown, options?: DescribeOptions): ErrorDescription;
  /** The localized labels adapters put around a description. */
  labels(lng?: string): ErrorLabels;
  /** The supported locale that `lng` resolves to (for no `lng`, the one calls without `lng` use). */
  resolveLanguage(lng?: string): string;
  /** The locales this translator can render, en-US first. */
  locales(): string[];
  /**
   * Adds (or replaces) a locale at run time after checking it against en-US. Throws
   * `CatalogValidationError` listing every problem when there are errors; returns the warnings.
   */
  addLocale(lng: string, messages: unknown): CatalogProblem[];
}

/** An option of `createErrorTranslator`, or undefined when reading it throws. */
function option<K extends keyof ErrorTranslatorOptions>(options: ErrorTranslatorOptions, name: K): ErrorTranslatorOptions[K] | undefined {
  try {
    return options[name];
  } catch {
    return undefined;
  }
}

/** A translator without `addLocale`, and what an `addLocale` needs to register a checked catalog. */
export interface TranslatorBase {
  /** Everything of the translator but `addLocale`. */
  readonly translator: Omit<ErrorTranslator, 'addLocale'>;
  /** The en-US catalog every added locale is checked against. */
  readonly source: Catalog;
  /** Registers a checked catalog (replacing one of the same locale) and forgets cached language choices. */
  readonly registerChecked: (lng: string, messages: Catalog) => void;
}

/**
 * Builds everything of a translator over the given catalogs (en-US must be among them) except
 * `addLocale`, which each entry point composes in its own way (checked at once, or with the
 * validator loaded on demand). It only composes the parts: language resolution, the compiled
 * catalog, `format`, `describe` and `labels`.
 */
export function createTranslatorBase(catalogs: Readonly<Record<string, Catalog>>, options: ErrorTranslatorOptions = {}): TranslatorBase {
  const source = catalogs[SOURCE_LOCALE];
  if (!source) throw new TypeError(`createErrorTranslator: the ${SOURCE_LOCALE} catalog is required.`);
  const app = option(options, 'i18n');
  const i18n = app ?? createIsolatedInstance();
  if (!i18n.store) {
    throw new TypeError('createErrorTranslator: initialize your i18next instance (i18n.init) before passing it in.');
  }
  const supported: string[] = [];
  const register = createBundleRegistry(i18n, NAMESPACE, supported, app !== undefined);
  // An app's own instance keeps any `errors` entries it already has; an isolated one has none.
  for (const [lng, messages] of Object.entries(catalogs)) register(lng, messages, false);

  const fallbackLng = resolveLocale(option(options, 'fallbackLng') ?? SOURCE_LOCALE, supported, SOURCE_LOCALE);
  const language = createLanguageResolver({ supported, fallbackLng, defaultLng: option(options, 'lng'), app });
  const catalog = createCompiledCatalog(i18n, {
    namespace: NAMESPACE,
    fallbackLng,
    compile: option(options, 'compile') ?? true,
    onMissingParam: option(options, 'onMissingParam'),
  });
  const translator = {
    i18n,
    format: createFormat(catalog, language.resolve),
    describe: createDescribe(catalog, language.resolve),
    labels: createLabels(catalog, language.resolve),
    resolveLanguage: language.resolve,
    locales: () => [...supported],
  };
  const registerChecked = (lng: string, messages: Catalog): void => {
    register(lng, messages, true);
    language.forget();
  };
  return { translator, source, registerChecked };
}

/**
 * Builds a translator over the given catalogs whose `addLocale` checks a catalog at once. The
 * package's main and lite entry points call this with the catalogs they bundle.
 */
export function createTranslatorWithCatalogs(catalogs: Readonly<Record<string, Catalog>>, options: ErrorTranslatorOptions = {}): ErrorTranslator {
  const { translator, source, registerChecked } = createTranslatorBase(catalogs, options);
  return { ...translator, addLocale: createAddLocale(source, registerChecked) };
}

function createIsolatedInstance(): I18nInstance {
  const instance = createInstance();
  void instance.init({
    lng: SOURCE_LOCALE,
    fallbackLng: SOURCE_LOCALE,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: {},
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  } as Parameters<I18nInstance['init']>[0]);
  return instance;
}
