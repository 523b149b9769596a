import {
  fallbackCodeForStatus,
  isDefenderApiError,
  isErrorCode,
  toErrorInfo,
  type ErrorCode,
} from '@defender-errors/core';
import type { CompiledCatalog } from './compiled-catalog';
import { NO_VALUES, readableValues, type Values } from './compiled-entry';
import { extractParams } from './extract';
import { optionsLanguage } from './language-resolver';
import type { DescribeOptions, ErrorDescription } from './types';

/** What `describe` needs of any value: the parts of an error, read once. */
export interface ErrorInfo {
  readonly code: string;
  /** False when `code` must not count as registered (it did not come from the server or the error). */
  readonly mayBeKnown: boolean;
  readonly status: number;
  /** The parameters the error carries (a `DefenderApiError`'s `params`). */
  readonly params: Values;
  readonly target: string | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfter: number | undefined;
}

/** What any value that cannot be read, or that is not an API error, becomes: nothing of it is kept. */
const INTERNAL_ERROR: ErrorInfo = Object.freeze({
  code: 'InternalServerError',
  mayBeKnown: false,
  status: 500,
  params: NO_VALUES,
  target: undefined,
  serverMessage: undefined,
  retryAfter: undefined,
});

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Any value -> the parts of the error it holds: a `DefenderApiError` (with its `params`), else
 * whatever core's `toErrorInfo` reads (a parsed body, a raw body, an axios, Azure, Graph or Kiota
 * error, a fetch `Response`, an error with a 4xx/5xx status, or anything else thrown:
 * InternalServerError, nothing of it kept). Never throws.
 */
export function readErrorInfo(value: unknown): ErrorInfo {
  try {
    if (isDefenderApiError(value)) {
      const { code, status, params } = value;
      return {
        code: typeof code === 'string' ? code : INTERNAL_ERROR.code,
        mayBeKnown: typeof code === 'string',
        status: typeof status === 'number' ? status : 500,
        params: typeof params === 'object' && params !== null ? params : NO_VALUES,
        target: optionalString(value.target),
        serverMessage: optionalString(value.serverMessage),
        retryAfter: optionalSeconds(value.retryAfter),
      };
    }
    const read = toErrorInfo(value);
    return {
      code: read.code,
      mayBeKnown: read.known,
      status: read.status,
      params: NO_VALUES,
      target: read.target,
      serverMessage: read.message,
      retryAfter: read.retryAfter,
    };
  } catch {
    return INTERNAL_ERROR;
  }
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

/** The translator's `describe`: any value -> the localized view model adapters render. */
export function createDescribe(catalog: CompiledCatalog, resolveLanguage: (lng?: unknown) => string) {
  const { tableOf, codeEntriesOf, renderEntry, renderMessage } = catalog;

  /** The description of an error read by `readErrorInfo`, in the supported locale `lng`. */
  const describeInfo = (lng: string, info: ErrorInfo): ErrorDescription => {
    const { code, mayBeKnown, status, serverMessage } = info;
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
      const value = Object.hasOwn(info.params, name) ? info.params[name] : undefined;
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
    return {
      code,
      known,
      renderedCode,
      status,
      title: entries.title === null ? String(status) : renderEntry(entries.title, NO_VALUES, renderedCode),
      message: renderMessage(messageCode === renderedCode ? entries : codeEntriesOf(table, messageCode), params),
      hint: entries.hint === null ? undefined : renderEntry(entries.hint, NO_VALUES, renderedCode),
      target: info.target,
      serverMessage,
      serverMessageMatched: extracted !== undefined,
      params: onlyTextAndNumbers ? (params as Record<string, string | number>) : textAndNumberParams(params),
      retryAfter: info.retryAfter,
      lng,
    };
  };

  // The fast path reads the options and the error's parameters directly; only when a getter or
  // Proxy trap of theirs throws is the error described again from what can be read of them.
  return (error: unknown, options?: DescribeOptions): ErrorDescription => {
    const info = readErrorInfo(error);
    try {
      return describeInfo(resolveLanguage(options === undefined ? undefined : options.lng), info);
    } catch {
      return describeInfo(resolveLanguage(optionsLanguage(options)), { ...info, params: readableValues(info.params) });
    }
  };
}
