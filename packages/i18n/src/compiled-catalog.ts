import { ERROR_CODES, fallbackCodeForStatus, getErrorDefinition, isErrorCode, type ErrorCode } from '@defender-errors/core';
import type { i18n as I18nInstance } from 'i18next';
import { compileSlots, i18nextEntry, type CodeEntries, type CompiledEntry, type Values } from './compiled-entry';
import { namespaceVersion } from './store-version';
import { compileTemplate } from './template';

/** One locale's compiled entries. */
export interface LocaleTable {
  readonly lng: string;
  /** By catalog key, for labels and other keys that are not a code's. */
  readonly entries: Map<string, CompiledEntry | null>;
  /** By code; see `emptyCodeTable`. */
  readonly codes: Record<string, CodeEntries | undefined>;
  missingText: string | undefined;
}

/** Options of {@link createCompiledCatalog}. */
export interface CompiledCatalogOptions {
  /** The namespace of the entries in the instance's store. */
  readonly namespace: string;
  /** The supported locale whose entries stand in for those a locale lacks. */
  readonly fallbackLng: string;
  /** Render through the compiled fast path (true) or always through i18next `t()`. */
  readonly compile: boolean;
  readonly onMissingParam: ((name: string, code: ErrorCode, lng: string) => void) | undefined;
}

/** The catalog entries of an i18next namespace, compiled on first use per locale and rendered with parameters. */
export interface CompiledCatalog {
  /** The compiled entries of `lng` (a supported locale). */
  tableOf(lng: string): LocaleTable;
  /** The entries of a registered code. */
  codeEntriesOf(table: LocaleTable, code: ErrorCode): CodeEntries;
  /** The entries `format` uses for a value that is not a registered code. */
  entriesForAnyCode(table: LocaleTable, code: unknown): CodeEntries;
  /** One entry with its parameters filled; `code` is the one reported to `onMissingParam`. */
  renderEntry(entry: CompiledEntry, values: Values, code: ErrorCode): string;
  /** A code's message, or the code itself when no locale has one. */
  renderMessage(entries: CodeEntries, params: Values): string;
  /** The entry `key` of `lng` rendered, or undefined when neither the locale nor the fallback has it. */
  render(lng: string, key: string, values: Values, code: ErrorCode): string | undefined;
  /**
   * The plural key `key` of `lng` for `count` (i18next's convention): the form `key_<category>` that
   * `Intl.PluralRules(lng)` selects, else `key_other`, rendered with `{{count}}` formatted for the locale.
   */
  renderPlural(lng: string, key: string, count: unknown, code: ErrorCode): string | undefined;
}

const EMPTY_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/**
 * A table with a slot for every code, created with all its keys at once and an empty, null-prototype
 * prototype: V8 keeps it in fast mode (a lookup by code is a plain property load), and a lookup of
 * `toString` or `__proto__` finds nothing.
 */
function emptyCodeTable(): Record<string, CodeEntries | undefined> {
  return Object.setPrototypeOf(Object.fromEntries(ERROR_CODES.map((code) => [code, undefined])), EMPTY_PROTOTYPE) as Record<string, CodeEntries | undefined>;
}

/**
 * Compiles the entries of `options.namespace` out of the instance's store. The compiled tables
 * are dropped when a bundle of that namespace is added or removed (by anyone: the store's shared
 * version counter, see `namespaceVersion`), so that i18next stays the owner of the resources.
 */
export function createCompiledCatalog(i18n: I18nInstance, options: CompiledCatalogOptions): CompiledCatalog {
  const { namespace, fallbackLng, compile, onMissingParam } = options;
  const version = namespaceVersion(i18n, namespace);
  let compiledAt = version.value;
  const tables = new Map<string, LocaleTable>();
  let lastTable: LocaleTable | undefined;
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const pluralRules = new Map<string, Intl.PluralRules>();

  const lookup = (lng: string, key: string): string | undefined => {
    for (const candidate of lng === fallbackLng ? [lng] : [lng, fallbackLng]) {
      const value: unknown = i18n.getResource(candidate, namespace, key, { keySeparator: false });
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

  const pluralCategory = (lng: string, count: unknown): string => {
    try {
      let rules = pluralRules.get(lng);
      if (!rules) {
        rules = new Intl.PluralRules(lng);
        pluralRules.set(lng, rules);
      }
      return typeof count === 'number' ? rules.select(count) : 'other';
    } catch {
      return 'other';
    }
  };

  const tableOf = (lng: string): LocaleTable => {
    if (version.value !== compiledAt) {
      compiledAt = version.value;
      tables.clear();
      lastTable = undefined;
    }
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
    onMissingParam?.(name, code, lng);
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
    const slots = compile ? compileSlots(lng, template) : undefined;
    if (slots) return slots;
    return i18nextEntry(lng, (values: Values, code: ErrorCode): string => {
      const replace: Record<string, string> = Object.create(null);
      for (const name of compileTemplate(template)?.params ?? Object.keys(values)) {
        replace[name] = valueText(lng, values, name, code);
      }
      return i18n.t(key, {
        lng,
        ns: namespace,
        keySeparator: false,
        nsSeparator: false,
        replace,
        interpolation: { escapeValue: false, skipOnVariables: true },
        missingInterpolationHandler: (_text: string, match: RegExpExecArray | string[]) => missingText(lng, String(match[1] ?? '').trim(), code),
      }) as string;
    });
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

  return {
    tableOf,
    codeEntriesOf,
    entriesForAnyCode: (table, code) => codeEntriesOf(table, isErrorCode(code) ? code : fallbackCodeForStatus(undefined)),
    renderEntry,
    renderMessage: (entries, params) => (entries.message === null ? entries.code : renderEntry(entries.message, params, entries.code)),
    render: (lng, key, values, code) => {
      const entry = entryOf(tableOf(lng), key);
      return entry === null ? undefined : renderEntry(entry, values, code);
    },
    renderPlural: (lng, key, count, code) => {
      const table = tableOf(lng);
      const entry = entryOf(table, `${key}_${pluralCategory(lng, count)}`) ?? entryOf(table, `${key}_other`);
      return entry === null ? undefined : renderEntry(entry, { count }, code);
    },
  };
}
