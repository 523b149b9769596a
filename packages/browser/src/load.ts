import { AVAILABLE_LOCALES, matchLocale } from '@defender-errors/i18n/lite';
import { GENERATED_LOCALE_LOADERS } from './generated/loaders';
import { requireTranslator, type BrowserErrorTranslator } from './translator';

/** What a per-locale module of `@defender-errors/i18n/locales/<lng>` exports. */
export interface LocaleModule {
  /** The messages of the `errors` namespace. */
  readonly messages: Readonly<Record<string, string>>;
}

/** Imports one locale's messages; called only for a locale that is not loaded yet. */
export type LocaleLoader = () => Promise<LocaleModule>;

/**
 * The loaders of the published locales (generated from the repository's `locales/` folders at
 * build time). Each is a literal dynamic `import()` of its own subpath,
 * so bundlers (Vite, webpack, esbuild) emit one chunk per locale and a page downloads only the
 * languages it uses.
 */
export const LOCALE_LOADERS: Readonly<Record<string, LocaleLoader>> = GENERATED_LOCALE_LOADERS;

/** Options of {@link loadLocale}. */
export interface LoadLocaleOptions {
  /** Loaders of further locales (or replacements), by language tag: `{ 'de-DE': () => import('./de-DE.js') }`. */
  readonly loaders?: Readonly<Record<string, LocaleLoader>>;
}

const pending = new WeakMap<object, Map<string, Promise<string>>>();
const loadListeners = new WeakMap<object, Set<(lng: string) => void>>();

/**
 * Calls `listener` each time {@link loadLocale} adds a locale to `translator`. Returns a function
 * that stops the calls. (`<defender-error>` uses it to re-render once its language has arrived.)
 */
export function onLocaleLoaded(translator: BrowserErrorTranslator, listener: (lng: string) => void): () => void {
  let listeners = loadListeners.get(translator);
  if (!listeners) {
    listeners = new Set();
    loadListeners.set(translator, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notifyLoaded(translator: BrowserErrorTranslator, lng: string): void {
  for (const listener of loadListeners.get(translator) ?? []) {
    try {
      listener(lng);
    } catch {
      // one broken listener must not keep the others from hearing about the locale
    }
  }
}

function ownLoader(loaders: Readonly<Record<string, LocaleLoader>> | undefined, tag: string): LocaleLoader | undefined {
  if (loaders && Object.hasOwn(loaders, tag) && typeof loaders[tag] === 'function') return loaders[tag];
  return Object.hasOwn(LOCALE_LOADERS, tag) ? LOCALE_LOADERS[tag] : undefined;
}

/** The locale that `lng` resolves to among the loadable ones (`da` -> `da-DK`, unknown -> `en-US`). */
export function resolveLoadableLocale(lng: unknown, options: LoadLocaleOptions = {}): string {
  const loadable = [...AVAILABLE_LOCALES, ...Object.keys(options.loaders ?? {})];
  return matchLocale([lng], loadable);
}

/**
 * Makes sure `translator` can render `lng`, downloading that locale's catalog only when it is not
 * loaded yet (a dynamic `import()` of `@defender-errors/i18n/locales/<lng>`, added with
 * `translator.addLocale`, which checks it, and waited for when it is asynchronous, as that of
 * `createOnDemandTranslator` is). Concurrent calls share one download.
 *
 * Resolves to the locale now available (`'da'` -> `'da-DK'`; an unsupported language resolves to
 * `'en-US'` without downloading anything). Rejects with an `Error` naming the locale when the
 * download or the check fails; the translator then keeps rendering in en-US.
 *
 * @example
 * import { createOnDemandTranslator } from '@defender-errors/i18n/lite';
 * const translator = createOnDemandTranslator();
 * const lng = await loadLocale(translator, detectLocale());
 * renderError(container, error, { lng, translator });
 */
export async function loadLocale(translator: BrowserErrorTranslator, lng: unknown, options: LoadLocaleOptions = {}): Promise<string> {
  requireTranslator(translator, 'loadLocale', ['locales', 'addLocale']);
  const tag = resolveLoadableLocale(lng, options);
  if (translator.locales().includes(tag)) return tag;
  const loader = ownLoader(options.loaders, tag);
  if (!loader) return tag;

  let inFlight = pending.get(translator);
  if (!inFlight) {
    inFlight = new Map();
    pending.set(translator, inFlight);
  }
  const existing = inFlight.get(tag);
  if (existing) return existing;

  const download = (async () => {
    try {
      const module = await loader();
      await translator.addLocale(tag, module?.messages);
    } catch (error) {
      throw new Error(`loadLocale: could not load the ${tag} messages.`, { cause: error });
    } finally {
      inFlight.delete(tag);
    }
    notifyLoaded(translator, tag);
    return tag;
  })();
  inFlight.set(tag, download);
  return download;
}
