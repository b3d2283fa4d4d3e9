/**
 * Display formatting shared by every screen.
 *
 * Money arrives from the API as a decimal string with two places ("3350.00"). It is formatted
 * from that string as-is (Intl formats numeric strings exactly): never parsed to a float, never
 * recomputed. Times are shown in the hospital's time zone, not the browser's.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Format a decimal-string amount in the given ISO 4217 currency, e.g. "₹3,350.00". */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  const trimmed = amount.trim();
  if (!DECIMAL.test(trimmed)) return `${amount} ${currency}`;
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return formatter.format(trimmed as `${number}`);
}

/** Format an ISO 8601 instant (with offset) as date and time in `timeZone`. */
export function formatDateTime(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Format an ISO 8601 instant as a time of day in `timeZone`. */
export function formatTime(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(date);
}

/**
 * Format a calendar date ("YYYY-MM-DD"). A date has no time zone: it is shown as the same day
 * everywhere, so it is formatted in UTC on purpose.
 */
export function formatDate(isoDate: string, locale?: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(date);
}

/** Today's calendar date ("YYYY-MM-DD") in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
