import type { ErrorCode, ParamsOf } from '@defender-errors/core';
import type { i18n as I18nInstance } from 'i18next';

/** A value a caller may pass for a parameter; anything else is shown as text or as the missing stand-in. */
export type ParamValue = string | number | null | undefined;

/** The `params` argument of `format()`: required when the code's message has parameters. */
export type FormatArgs<C extends ErrorCode> = keyof ParamsOf<C> extends never
  ? [params?: Record<string, never>, options?: FormatOptions]
  : [params: ParamsOf<C>, options?: FormatOptions];

/** Options of `format()`. */
export interface FormatOptions {
  /** Any BCP 47 tag; resolved to a supported locale (`da` -> `da-DK`, unsupported -> `en-US`). */
  readonly lng?: string | undefined;
}

/** Options of `describe()`. */
export interface DescribeOptions {
  /** Any BCP 47 tag; resolved to a supported locale. */
  readonly lng?: string | undefined;
}

/** Localized labels that adapters put around a description (they hold no text of their own). */
export interface ErrorLabels {
  readonly code: string;
  readonly status: string;
  readonly trackingId: string;
  readonly hint: string;
  readonly serverMessage: string;
  readonly copy: string;
  readonly copied: string;
  readonly noTrackingId: string;
  /**
   * "Retry after 30 seconds." / "Retry after 1 second." for the given seconds, formatted for the
   * locale, in the plural form its CLDR rules select (the catalog's `label.retryAfter_<category>`).
   */
  retryAfter(seconds: number): string;
}

/**
 * The view model every adapter renders. All text is plain (unescaped): escape it at the output.
 */
export interface ErrorDescription {
  /** The code as received (may be one the registry does not know). */
  readonly code: string;
  /** Whether `code` is a registered code. */
  readonly known: boolean;
  /** The registered code whose text was used: `code` when known, else the fallback for the status. */
  readonly renderedCode: ErrorCode;
  /** The HTTP status. */
  readonly status: number;
  /** The localized HTTP status title ("Bad Request", "Ugyldig anmodning"). */
  readonly title: string;
  /** The localized message with every placeholder filled. */
  readonly message: string;
  /** The localized note for this code, when there is one. */
  readonly hint: string | undefined;
  /** The tracking ID the server sent (or the error carried). */
  readonly target: string | undefined;
  /** The server's own message, verbatim. */
  readonly serverMessage: string | undefined;
  /**
   * True when `serverMessage` matched a known English wire wording of the code (core's
   * `wireWordings`, never the display catalog), so that `message` says all it said (its parameters,
   * if any, re-rendered). When false and `serverMessage` is set, show `serverMessage` verbatim as details.
   */
  readonly serverMessageMatched: boolean;
  /** The parameters used for `message` (given, or read back out of the server's message). */
  readonly params: Readonly<Record<string, string | number>>;
  /** Seconds to wait before retrying, when known. */
  readonly retryAfter: number | undefined;
  /** The supported locale the text is in. */
  readonly lng: string;
}

/** Options of `createErrorTranslator()`. */
export interface ErrorTranslatorOptions {
  /**
   * An app's own i18next instance; the `errors` bundles are added to it (also under the bare
   * language, `da`, `en`, where it has none) and nothing else changes. Without `lng`, calls that
   * give no `lng` follow its current language (`resolvedLanguage ?? language`), `changeLanguage` included.
   */
  readonly i18n?: I18nInstance;
  /** The explicit default language when a call gives none (it then no longer follows the app's instance). */
  readonly lng?: string;
  /** The language used when a requested one is not supported. Default `en-US`. */
  readonly fallbackLng?: string;
  /** Called once per missing, `null` or `undefined` parameter (for development). */
  readonly onMissingParam?: (name: string, code: ErrorCode, lng: string) => void;
  /** Use the precompiled fast path (default true); false sends every message through i18next `t()`. */
  readonly compile?: boolean;
}
