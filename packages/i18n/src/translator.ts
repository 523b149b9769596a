import {
  ERROR_CODES,
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

type Values = Readonly<Record<string, unknown>>;

/**
 * A catalog entry compiled for one locale: literal texts around parameter slots, rendered by one
 * function for every entry (so that the call stays monomorphic and is inlined), or, for
 * `compile: false` and syntax the fast path leaves to i18next, i18next's own rendering.
 */
interface CompiledEntry {
  readonly lng: string;
  /** The number of parameter slots, or -1 when i18next renders the entry. */
  readonly slots: number;
  /** The text before the first slot (all of it when there is no slot). */
  readonly head: string;
  /** The parameter of the first slot, and the text after it, for the common one-slot entry. */
  readonly name: string;
  readonly tail: string;
  /** Every slot: `texts[i]` comes before `names[i]`; the last text follows the last name. */
  readonly texts: readonly string[];
  readonly names: readonly string[];
  readonly viaI18next: ((values: Values, code: ErrorCode) => string) | undefined;
}

/** Tag -> supported locale answers kept per translator; bounded because tags may come from requests. */
const MAX_RESOLVED_TAGS = 256;

/** A code's entries in one locale; `null` marks one that neither the locale nor the fallback has. */
interface CodeEntries {
  readonly code: ErrorCode;
  readonly message: CompiledEntry | null;
  readonly title: CompiledEntry | null;
  readonly hint: CompiledEntry | null;
  /** The code's parameter names (from the registry). */
  readonly params: readonly string[];
}

/** One locale's compiled entries. */
interface LocaleTable {
  readonly lng: string;
  /** By catalog key, for labels and other keys that are not a code's. */
  readonly entries: Map<string, CompiledEntry | null>;
  /** By code; see `emptyCodeTable`. */
  readonly codes: Record<string, CodeEntries | undefined>;
  missingText: string | undefined;
}

const NO_VALUES: Values = Object.freeze({});

const EMPTY_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/**
 * A table with a slot for every code, created with all its keys at once and an empty, null-prototype
 * prototype: V8 keeps it in fast mode (a lookup by code is a plain property load), and a lookup of
 * `toString` or `__proto__` finds nothing.
 */
function emptyCodeTable(): Record<string, CodeEntries | undefined> {
  return Object.setPrototypeOf(Object.fromEntries(ERROR_CODES.map((code) => [code, undefined])), EMPTY_PROTOTYPE) as Record<string, CodeEntries | undefined>;
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

function isTextOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** A copy of `params` without the values that are neither text nor numbers. */
function textAndNumberParams(params: Record<string, unknown>): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (isTextOrNumber(value)) shown[name] = value;
  }
  return shown;
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
  const tables = new Map<string, LocaleTable>();
  let lastTable: LocaleTable | undefined;
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const resolvedTags = new Map<string, string>();
  let lastTag: string | undefined;
  let lastResolvedTag: string | undefined;
  let defaultLanguage: string | undefined;
  const forgetCompiledEntries = (_lng: string, ns: string) => {
    if (ns !== NAMESPACE) return;
    tables.clear();
    lastTable = undefined;
  };
  i18n.store.on('added', forgetCompiledEntries);
  i18n.store.on('removed', forgetCompiledEntries);

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
  const resolveLanguage = (lng?: string): string =>
    lng === undefined ? (defaultLanguage ??= resolveTag(defaultLng ?? fallbackLng)) : resolveTag(lng);

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

  const tableOf = (lng: string): LocaleTable => {
    if (lastTable?.lng === lng) return lastTable;
    let table = tables.get(lng);
    if (!table) {
      table = { lng, entries: new Map(), codes: emptyCodeTable(), missingText: undefined };
      tables.set(lng, table);
    }
    lastTable = table;
    return table;
  };

  const missingText = (lng: string, name: string, code: ErrorCode): string => {
    options.onMissingParam?.(name, code, lng);
    const table = tableOf(lng);
    table.missingText ??= lookup(lng, 'param.missing') ?? '';
    return table.missingText;
  };

  const valueText = (lng: string, values: Values, name: string, code: ErrorCode): string => {
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

  const compileEntry = (lng: string, key: string, template: string): CompiledEntry => {
    const compiled: CompiledTemplate | undefined = useCompiled ? compileTemplate(template) : undefined;
    if (compiled) {
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
      return {
        lng,
        slots: names.length,
        head: texts[0] as string,
        name: names[0] ?? '',
        tail: texts[1] ?? '',
        texts,
        names,
        viaI18next: undefined,
      };
    }
    const viaI18next = (values: Values, code: ErrorCode): string => {
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
    return { lng, slots: -1, head: '', name: '', tail: '', texts: [], names: [], viaI18next };
  };

  const renderEntry = (entry: CompiledEntry, values: Values, code: ErrorCode): string => {
    const { slots } = entry;
    if (slots === 1) return entry.head + valueText(entry.lng, values, entry.name, code) + entry.tail;
    if (slots === 0) return entry.head;
    if (entry.viaI18next !== undefined) return entry.viaI18next(values, code);
    const { lng, texts, names } = entry;
    let out = entry.head;
    for (let index = 0; index < slots; index += 1) {
      out += valueText(lng, values, names[index] as string, code) + (texts[index + 1] as string);
    }
    return out;
  };

  const entryOf = (table: LocaleTable, key: string): CompiledEntry | null => {
    let entry = table.entries.get(key);
    if (entry === undefined) {
      const template = lookup(table.lng, key);
      entry = template === undefined ? null : compileEntry(table.lng, key, template);
      table.entries.set(key, entry);
    }
    return entry;
  };

  const codeEntriesOf = (table: LocaleTable, code: ErrorCode): CodeEntries => {
    let entries = table.codes[code];
    if (entries === undefined) {
      entries = {
        code,
        message: entryOf(table, `${code}.message`),
        title: entryOf(table, `${code}.title`),
        hint: entryOf(table, `${code}.hint`),
        params: getErrorDefinition(code).params,
      };
      table.codes[code] = entries;
    }
    return entries;
  };

  const render = (lng: string, key: string, values: Values, code: ErrorCode): string | undefined => {
    const entry = entryOf(tableOf(lng), key);
    return entry === null ? undefined : renderEntry(entry, values, code);
  };

  const renderMessage = (entries: CodeEntries, params: Values): string =>
    entries.message === null ? entries.code : renderEntry(entries.message, params, entries.code);

  /** The entries `format` uses for a value that is not a registered code (kept out of its hot path). */
  const entriesForAnyCode = (table: LocaleTable, code: unknown): CodeEntries =>
    codeEntriesOf(table, isErrorCode(code) ? code : fallbackCodeForStatus(undefined));

  // Declared without a rest parameter so that a call allocates nothing before the lookup.
  const format = ((code: unknown, params?: unknown, formatOptions?: FormatOptions): string => {
    const table = tableOf(resolveLanguage(formatOptions?.lng));
    const values = typeof params === 'object' && params !== null ? (params as Values) : NO_VALUES;
    // The table has own slots for registered codes only, so a hit means `code` is one.
    const entries = (typeof code === 'string' ? table.codes[code] : undefined) ?? entriesForAnyCode(table, code);
    return renderMessage(entries, values);
  }) as ErrorTranslator['format'];

  /**
   * The description of an error already taken apart (no intermediate object: `describe` is on the
   * hot path of every adapter). `mayBeKnown` is false when `code` must not count as registered.
   */
  const describeParts = (
    lng: string,
    code: string,
    mayBeKnown: boolean,
    status: number,
    given: Values,
    target: string | undefined,
    serverMessage: string | undefined,
    retryAfter: number | undefined,
  ): ErrorDescription => {
    const table = tableOf(lng);
    // The table has own slots for registered codes only, so a hit means `code` is one.
    const cached = mayBeKnown ? table.codes[code] : undefined;
    const known = cached !== undefined || (mayBeKnown && isErrorCode(code));
    const renderedCode: ErrorCode = known ? (code as ErrorCode) : fallbackCodeForStatus(status);
    const entries = cached ?? codeEntriesOf(table, renderedCode);
    const extracted = known && serverMessage !== undefined ? extractParams(renderedCode, serverMessage) : undefined;
    // The parameters to render: those read out of the server's message, then the non-null ones
    // the error carries. Extracted values are always text or numbers.
    const params: Record<string, unknown> = extracted === undefined ? {} : { ...extracted };
    const names = entries.params;
    let hasParam = false;
    let onlyTextAndNumbers = true;
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index] as string;
      const value = Object.hasOwn(given, name) ? given[name] : undefined;
      if (value != null) {
        params[name] = value;
        hasParam = true;
        if (!isTextOrNumber(value)) onlyTextAndNumbers = false;
      } else if (extracted !== undefined && Object.hasOwn(extracted, name)) {
        hasParam = true;
      }
    }
    // A parametrized message with no parameter at all would be mostly stand-ins: say the generic
    // text of the status instead, and let adapters show the server's message verbatim beside it.
    const messageCode: ErrorCode = names.length === 0 || hasParam ? renderedCode : fallbackCodeForStatus(status);
    const shownParams = onlyTextAndNumbers ? (params as Record<string, string | number>) : textAndNumberParams(params);
    return {
      code,
      known,
      renderedCode,
      status,
      title: entries.title === null ? String(status) : renderEntry(entries.title, NO_VALUES, renderedCode),
      message: renderMessage(messageCode === renderedCode ? entries : codeEntriesOf(table, messageCode), params),
      hint: entries.hint === null ? undefined : renderEntry(entries.hint, NO_VALUES, renderedCode),
      target,
      serverMessage,
      serverMessageMatched: extracted !== undefined,
      params: shownParams,
      retryAfter,
      lng,
    };
  };

  const describe = (error: unknown, describeOptions: DescribeOptions = {}): ErrorDescription => {
    const lng = resolveLanguage(describeOptions.lng);
    if (isDefenderApiError(error)) {
      const { code, status, params } = error;
      return describeParts(
        lng,
        code,
        typeof code === 'string',
        typeof status === 'number' ? status : 500,
        typeof params === 'object' && params !== null ? params : NO_VALUES,
        optionalString(error.target),
        optionalString(error.serverMessage),
        optionalSeconds(error.retryAfter),
      );
    }
    if (error instanceof Error || typeof error === 'undefined') {
      return describeParts(lng, 'InternalServerError', false, 500, NO_VALUES, undefined, undefined, undefined);
    }
    const parsed = isParsedBody(error) ? error : parseErrorBody(error);
    return describeParts(
      lng,
      parsed.code,
      parsed.known === true,
      parsed.status,
      NO_VALUES,
      optionalString(parsed.target),
      optionalString(parsed.message),
      optionalSeconds((parsed as { retryAfter?: unknown }).retryAfter),
    );
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
    tables.clear();
    lastTable = undefined;
    resolvedTags.clear();
    lastTag = undefined;
    lastResolvedTag = undefined;
    defaultLanguage = undefined;
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
