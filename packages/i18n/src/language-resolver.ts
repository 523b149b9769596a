import type { i18n as I18nInstance } from 'i18next';
import { resolveLocale } from './locale';

/** Tag -> supported locale answers kept per translator; bounded because tags may come from requests. */
const MAX_RESOLVED_TAGS = 256;

/** Options of {@link createLanguageResolver}. */
export interface LanguageResolverOptions {
  /** The translator's locales; read on every miss, so it may grow (call `forget` when it does). */
  readonly supported: readonly string[];
  /** The answer when a tag matches none of `supported`. */
  readonly fallbackLng: string;
  /** The explicit default language of calls that give none. */
  readonly defaultLng: unknown;
  /** When set (and `defaultLng` is not), calls that give no language follow this instance's current one. */
  readonly app: I18nInstance | undefined;
}

/** Picks the supported locale of a call, with a bounded cache of the answers. */
export interface LanguageResolver {
  /** The supported locale for `lng`; for `undefined`, the default language (or the app's current one). */
  resolve(lng?: unknown): string;
  /** Drops every cached answer (after `supported` changed). */
  forget(): void;
}

/** `i18n.resolvedLanguage ?? i18n.language`, or undefined when reading it throws. */
function currentLanguage(app: I18nInstance): unknown {
  try {
    return app.resolvedLanguage ?? app.language;
  } catch {
    return undefined;
  }
}

/**
 * Resolves language tags with `matchLocale`'s rules (`da` -> `da-DK`, `en-GB` -> `en-US`). The last
 * answer and up to 256 others are kept, so the same tag on every call costs one comparison.
 */
export function createLanguageResolver(options: LanguageResolverOptions): LanguageResolver {
  const { supported, fallbackLng, defaultLng, app } = options;
  const follow = defaultLng === undefined ? app : undefined;
  const resolvedTags = new Map<string, string>();
  let lastTag: string | undefined;
  let lastResolvedTag: string | undefined;
  let defaultLanguage: string | undefined;

  const resolveTag = (tag: unknown): string => {
    if (tag === lastTag && lastResolvedTag !== undefined) return lastResolvedTag;
    if (typeof tag !== 'string' || tag.length > 256) return resolveLocale(tag, supported, fallbackLng);
    let resolved = resolvedTags.get(tag);
    if (resolved === undefined) {
      resolved = resolveLocale(tag, supported, fallbackLng);
      if (resolvedTags.size >= MAX_RESOLVED_TAGS) resolvedTags.clear();
      resolvedTags.set(tag, resolved);
    }
    lastTag = tag;
    lastResolvedTag = resolved;
    return resolved;
  };

  return {
    resolve: (lng?: unknown): string => {
      if (lng !== undefined) return resolveTag(lng);
      if (follow !== undefined) return resolveTag(currentLanguage(follow));
      return (defaultLanguage ??= resolveTag(defaultLng ?? fallbackLng));
    },
    forget: () => {
      resolvedTags.clear();
      lastTag = undefined;
      lastResolvedTag = undefined;
      defaultLanguage = undefined;
    },
  };
}

/** The `lng` of a call's options, or undefined when there are none or reading it throws. */
export function optionsLanguage(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  try {
    return (options as { lng?: unknown }).lng;
  } catch {
    return undefined;
  }
}
