/**
 * The largest `Retry-After` accepted from a server and sent to a client: one day, in seconds.
 * A longer wait is not a retry hint but a broken or hostile header (`9999999999` is 317 years), so
 * {@link parseRetryAfter} reads it as absent and {@link retryAfterHeaderValue} clamps to it.
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${WEEKDAY}, (\\d{2}) (${MONTHS}) (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d{2})-(${MONTHS})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${WEEKDAY} (${MONTHS}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** The instant of an HTTP-date (RFC 9110 §5.6.7: IMF-fixdate, rfc850-date or asctime-date), or `undefined`. */
function parseHttpDate(text: string, now: number): number | undefined {
  let dayText, monthName, yearText, hourText, minuteText, secondText: string | undefined;
  let match = IMF_FIXDATE.exec(text) ?? RFC850_DATE.exec(text);
  if (match) [, dayText, monthName, yearText, hourText, minuteText, secondText] = match;
  else if ((match = ASCTIME_DATE.exec(text))) [, monthName, dayText, hourText, minuteText, secondText, yearText] = match;
  else return undefined;
  const [day, hour, minute, second] = [dayText, hourText, minuteText, secondText].map(Number) as [number, number, number, number];
  const month = MONTHS.indexOf(monthName!) / 4;
  let year = Number(yearText);
  if (yearText!.length === 2) {
    // RFC 9110: a two-digit year more than 50 years ahead is the most recent such year in the past.
    const thisYear = new Date(now).getUTCFullYear();
    year += Math.floor(thisYear / 100) * 100;
    if (year > thisYear + 50) year -= 100;
  }
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(Date.UTC(year, month, day, hour, minute, second));
  date.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  // A day past the month's end (`31 Apr`, `29 Feb 2023`) rolls over into the next month: another day of the month.
  return date.getUTCDate() === day ? date.getTime() : undefined;
}

/**
 * Parses a `Retry-After` value: non-negative integer delta-seconds or an HTTP-date in any of the
 * three forms of RFC 9110, as whole seconds from `now` (0 for a date in the past). A wait longer
 * than {@link MAX_RETRY_AFTER_SECONDS}, and anything else, gives `undefined`. Never throws.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return seconds <= MAX_RETRY_AFTER_SECONDS ? seconds : undefined;
  }
  if (trimmed.length > 40 || typeof now !== 'number') return undefined;
  const date = parseHttpDate(trimmed, now);
  if (date === undefined) return undefined;
  const seconds = Math.max(0, Math.ceil((date - now) / 1000));
  return seconds <= MAX_RETRY_AFTER_SECONDS ? seconds : undefined;
}

/**
 * The `Retry-After` value to send for a wait of `seconds`: whole delta-seconds (rounded up),
 * clamped to {@link MAX_RETRY_AFTER_SECONDS}, never exponent notation; `undefined` for anything
 * that is not a finite number >= 0 (`NaN`, `-1`, `'30'`, `null`). Never throws.
 *
 * @example
 * retryAfterHeaderValue(30); // '30'
 * retryAfterHeaderValue(1e308); // '86400'
 */
export function retryAfterHeaderValue(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return String(Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS));
}
