import {
  fallbackCodeForStatus,
  getErrorDefinition,
  isDefenderApiError,
  isErrorCode,
  parseErrorBody,
  type ErrorCode,
  type ParsedErrorBody,
} from '@defender-errors/core';
import { createInstance, type i18n as I18nInstance } from 'i18next';
import { extractParams } from './extract';
import { SOURCE_LOCALE, resolveLocale } from './locale';
import { compileTemplate, type CompiledTemplate } from './template';
import type {
  DescribeOptions,
  ErrorDescription,
  ErrorLabels,
  ErrorTranslatorOptions,
  FormatArgs,
  FormatOptions,
} from './types';
import { CatalogValidationError, canonicalLocale, validateCatalog, type CatalogProblem } from './validate';

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
  /** The supported locale that `lng` resolves to. */
  resolveLanguage(lng?: string): string;
  /** The locales this translator can render, en-US first. */
  locales(): string[];
  /**
   * Adds (or replaces) a locale at run time after checking it against en-US. Throws
   * `CatalogValidationError` listing every problem when there are errors; returns the warnings.
   */
  addLocale(lng: string, messages: unknown): CatalogProblem[];
}

type Renderer = (values: Readonly<Record<string, unknown>>, code: ErrorCode) => string;

/** Tag -> supported locale answers kept per translator; bounded because tags may come from requests. */
const MAX_RESOLVED_TAGS = 256;

interface CodeKeys {
  readonly message: string;
  readonly title: string;
  readonly hint: string;
}

const NO_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});

const codeKeysCache = new Map<string, CodeKeys>();

/** The catalog keys of a code, built once so that hot paths do not concatenate strings. */
function keysOf(code: ErrorCode): CodeKeys {
  let keys = codeKeysCache.get(code);
  if (!keys) {
    keys = { message: `${code}.message`, title: `${code}.title`, hint: `${code}.hint` };
    codeKeysCache.set(code, keys);
  }
  return keys;
}

interface NormalizedError {
  code: string;
  known: boolean;
  status: number;
  params: Readonly<Record<string, unknown>>;
  target: string | undefined;
  serverMessage: string | undefined;
  retryAfter: number | undefined;
}

function isParsedBody(value: unknown): value is ParsedErrorBody & { retryAfter?: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'fallbackCode') &&
    Object.hasOwn(value, 'known') &&
    Object.hasOwn(value, 'raw') &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function normalizeError(error: unknown): NormalizedError {
  if (isDefenderApiError(error)) {
    return {
      code: error.code,
      known: isErrorCode(error.code),
      status: typeof error.status === 'number' ? error.status : 500,
      params: typeof error.params === 'object' && error.params !== null ? error.params : {},
      target: optionalString(error.target),
      serverMessage: optionalString(error.serverMessage),
      retryAfter: optionalSeconds(error.retryAfter),
    };
  }
  if (error instanceof Error || typeof error === 'undefined') {
    return { code: 'InternalServerError', known: false, status: 500, params: {}, target: undefined, serverMessage: undefined, retryAfter: undefined };
  }
  const parsed = isParsedBody(error) ? error : parseErrorBody(error);
  return {
    code: parsed.code,
    known: parsed.known === true && isErrorCode(parsed.code),
    status: parsed.status,
    params: {},
    target: optionalString(parsed.target),
    serverMessage: optionalString(parsed.message),
    retryAfter: optionalSeconds((parsed as { retryAfter?: unknown }).retryAfter),
  };
}

function hasAnyParam(code: ErrorCode, params: Readonly<Record<string, unknown>>): boolean {
  return getErrorDefinition(code).params.some((name) => Object.hasOwn(params, name) && params[name] != null);
}

/**
 * Builds a translator over the given catalogs (en-US must be among them). The package's entry
 * points call this with the catalogs they bundle.
 */
export function createTranslatorWithCatalogs(catalogs: Readonly<Record<string, Catalog>>, options: ErrorTranslatorOptions = {}): ErrorTranslator {
  const source = catalogs[SOURCE_LOCALE];
  if (!source) throw new TypeError(`createErrorTranslator: the ${SOURCE_LOCALE} catalog is required.`);
  const i18n = options.i18n ?? createIsolatedInstance();
  if (!i18n.store) {
    throw new TypeError('createErrorTranslator: initialize your i18next instance (i18n.init) before passing it in.');
  }
  const supported: string[] = [];
  const registerLocale = (lng: string, messages: Catalog, overwrite: boolean) => {
    i18n.addResourceBundle(lng, NAMESPACE, messages, true, overwrite);
    if (!supported.includes(lng)) supported.push(lng);
  };
  // An app's own instance keeps any `errors` entries it already has; an isolated one has none.
  for (const [lng, messages] of Object.entries(catalogs)) registerLocale(lng, messages, false);

  const fallbackLng = resolveLocale(options.fallbackLng ?? SOURCE_LOCALE, supported, SOURCE_LOCALE);
  const defaultLng = options.lng;
  const useCompiled = options.compile ?? true;
  // Per locale: catalog key -> renderer, or null when neither the locale nor the fallback has the key.
  const renderers = new Map<string, Map<string, Renderer | null>>();
  const missingTexts = new Map<string, string>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const resolvedTags = new Map<string, string>();
  const forgetRenderers = (_lng: string, ns: string) => {
    if (ns !== NAMESPACE) return;
    renderers.clear();
    missingTexts.clear();
  };
  i18n.store.on('added', forgetRenderers);
  i18n.store.on('removed', forgetRenderers);

  const resolveLanguage = (lng?: string): string => {
    const tag = lng ?? defaultLng ?? fallbackLng;
    if (typeof tag !== 'string' || tag.length > 256) return resolveLocale(tag, supported, fallbackLng);
    let resolved = resolvedTags.get(tag);
    if (resolved === undefined) {
      resolved = resolveLocale(tag, supported, fallbackLng);
      if (resolvedTags.size >= MAX_RESOLVED_TAGS) resolvedTags.clear();
      resolvedTags.set(tag, resolved);
    }
    return resolved;
  };

  const lookup = (lng: string, key: string): string | undefined => {
    for (const candidate of lng === fallbackLng ? [lng] : [lng, fallbackLng]) {
      const value: unknown = i18n.getResource(candidate, NAMESPACE, key, { keySeparator: false });
      if (typeof value === 'string') return value;
    }
    return undefined;
  };

  const numberFormat = (lng: string): Intl.NumberFormat => {
    let formatter = numberFormats.get(lng);
    if (!formatter) {
      formatter = new Intl.NumberFormat(lng);
      numberFormats.set(lng, formatter);
    }
    return formatter;
  };

  const missingText = (lng: string, name: string, code: ErrorCode): string => {
    options.onMissingParam?.(name, code, lng);
    let text = missingTexts.get(lng);
    if (text === undefined) {
      text = lookup(lng, 'param.missing') ?? '';
      missingTexts.set(lng, text);
    }
    return text;
  };

  const valueText = (lng: string, values: Readonly<Record<string, unknown>>, name: string, code: ErrorCode): string => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint') return numberFormat(lng).format(value);
    if (value === null || value === undefined) return missingText(lng, name, code);
    try {
      return String(value);
    } catch {
      return missingText(lng, name, code);
    }
  };

  const compileRenderer = (lng: string, key: string, template: string): Renderer => {
    const compiled: CompiledTemplate | undefined = useCompiled ? compileTemplate(template) : undefined;
    if (compiled) {
      // texts[i] comes before names[i]; the last text follows the last name.
      const texts: string[] = [''];
      const names: string[] = [];
      for (const part of compiled.parts) {
        if ('text' in part) {
          texts[texts.length - 1] += part.text;
        } else {
          names.push(part.param);
          texts.push('');
        }
      }
      const [first = '', second = ''] = texts;
      if (names.length === 0) return () => first;
      if (names.length === 1) {
        const [name = ''] = names;
        return (values, code) => first + valueText(lng, values, name, code) + second;
      }
      return (values, code) => {
        let out = first;
        for (let index = 0; index < names.length; index += 1) {
          out += valueText(lng, values, names[index] as string, code) + (texts[index + 1] as string);
        }
        return out;
      };
    }
    return (values, code) => {
      const replace: Record<string, string> = Object.create(null);
      for (const name of compileTemplate(template)?.params ?? Object.keys(values)) {
        replace[name] = valueText(lng, values, name, code);
      }
      return i18n.t(key, {
        lng,
        ns: NAMESPACE,
        keySeparator: false,
        nsSeparator: false,
        replace,
        interpolation: { escapeValue: false, skipOnVariables: true },
        missingInterpolationHandler: (_text: string, match: RegExpExecArray | string[]) => missingText(lng, String(match[1] ?? '').trim(), code),
      }) as string;
    };
  };

  const render = (lng: string, key: string, values: Readonly<Record<string, unknown>>, code: ErrorCode): string | undefined => {
    let table = renderers.get(lng);
    if (!table) {
      table = new Map();
      renderers.set(lng, table);
    }
    let renderer = table.get(key);
    if (renderer === undefined) {
      const template = lookup(lng, key);
      renderer = template === undefined ? null : compileRenderer(lng, key, template);
      table.set(key, renderer);
    }
    return renderer === null ? undefined : renderer(values, code);
  };

  const formatIn = (lng: string, code: ErrorCode, params: Readonly<Record<string, unknown>>): string =>
    render(lng, keysOf(code).message, params, code) ?? code;

  const format = <C extends ErrorCode>(code: C, ...args: FormatArgs<C>): string => {
    const [params, formatOptions] = args as [Readonly<Record<string, unknown>> | undefined, FormatOptions | undefined];
    const known: ErrorCode = isErrorCode(code) ? code : fallbackCodeForStatus(undefined);
    const values = typeof params === 'object' && params !== null ? params : {};
    return formatIn(resolveLanguage(formatOptions?.lng), known, values);
  };

  const describe = (error: unknown, describeOptions: DescribeOptions = {}): ErrorDescription => {
    const lng = resolveLanguage(describeOptions.lng);
    const normalized = normalizeError(error);
    const { known } = normalized;
    const renderedCode: ErrorCode = known && isErrorCode(normalized.code) ? normalized.code : fallbackCodeForStatus(normalized.status);
    const extracted = known && normalized.serverMessage !== undefined ? extractParams(renderedCode, normalized.serverMessage) : undefined;
    const params: Record<string, unknown> = { ...extracted };
    for (const name of getErrorDefinition(renderedCode).params) {
      if (Object.hasOwn(normalized.params, name) && normalized.params[name] != null) params[name] = normalized.params[name];
    }
    // A parametrized message with no parameter at all would be mostly stand-ins: say the generic
    // text of the status instead, and let adapters show the server's message verbatim beside it.
    const messageCode: ErrorCode =
      getErrorDefinition(renderedCode).params.length === 0 || hasAnyParam(renderedCode, params)
        ? renderedCode
        : fallbackCodeForStatus(normalized.status);
    const shownParams: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string' || typeof value === 'number') shownParams[name] = value;
    }
    return {
      code: normalized.code,
      known,
      renderedCode,
      status: normalized.status,
      title: render(lng, keysOf(renderedCode).title, NO_VALUES, renderedCode) ?? String(normalized.status),
      message: formatIn(lng, messageCode, params),
      hint: render(lng, keysOf(renderedCode).hint, NO_VALUES, renderedCode),
      target: normalized.target,
      serverMessage: normalized.serverMessage,
      serverMessageMatched: extracted !== undefined,
      params: shownParams,
      retryAfter: normalized.retryAfter,
      lng,
    };
  };

  const labels = (lng?: string): ErrorLabels => {
    const resolved = resolveLanguage(lng);
    const label = (name: string) => render(resolved, `label.${name}`, {}, 'BadRequest') ?? name;
    return {
      code: label('code'),
      status: label('status'),
      trackingId: label('trackingId'),
      hint: label('hint'),
      serverMessage: label('serverMessage'),
      copy: label('copy'),
      copied: label('copied'),
      noTrackingId: label('noTrackingId'),
      retryAfter: (seconds: number) => render(resolved, 'label.retryAfter', { seconds }, 'TooManyRequests') ?? String(seconds),
    };
  };

  const addLocale = (lng: string, messages: unknown): CatalogProblem[] => {
    const tag = canonicalLocale(typeof lng === 'string' ? lng : '') ?? String(lng);
    const problems = validateCatalog(tag, messages, source, { warnIdentical: tag !== SOURCE_LOCALE });
    if (problems.some((problem) => problem.severity === 'error')) throw new CatalogValidationError(tag, problems);
    registerLocale(tag, messages as Catalog, true);
    renderers.clear();
    return problems;
  };

  return {
    i18n,
    format,
    describe,
    labels,
    resolveLanguage,
    locales: () => [...supported],
    addLocale,
  };
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
