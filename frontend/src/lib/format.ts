/**
 * Display formatting shared by every screen, in one module: money, calendar dates, instants in
 * the hospital's time zone, and phone numbers.
 *
 * Money arrives from the API as a decimal string with two places ("3350.00"). It is formatted
 * from that string as-is (Intl formats numeric strings exactly): never parsed to a float, never
 * recomputed. Every screen and every PDF the API renders show it the same way: the currency's
 * symbol, thousands grouped with commas, two decimals ("₹3,350.00", "-₹50.00"; a currency
 * without a symbol here shows its code: "CHF 3,350.00").
 *
 * A calendar date ("YYYY-MM-DD") has no time zone: it is the same day everywhere, so its
 * arithmetic and formatting run in UTC and never shift a day because of the browser's zone.
 * Instants (ISO 8601 with an offset) are shown in the hospital's time zone, not the browser's.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The symbols of the currencies a hospital is likely to bill in. The API's PDFs use the same
 * table (`hms.common.formatting`), so the screen and the paper agree.
 */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  INR: '₹',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CNY: '¥',
  AED: 'AED ',
  SGD: 'S$',
  AUD: 'A$',
  CAD: 'CA$',
  ZAR: 'R',
  KES: 'KSh ',
  NGN: '₦',
  BDT: '৳',
  PKR: 'Rs ',
  LKR: 'Rs ',
  NPR: 'Rs ',
};

const AMOUNT_FORMAT = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Format a decimal-string amount in the given ISO 4217 currency, e.g. "₹3,350.00". */
export function formatMoney(amount: string, currency: string): string {
  const trimmed = amount.trim();
  if (!DECIMAL.test(trimmed)) return `${amount} ${currency}`;
  const negative = trimmed.startsWith('-');
  const digits = AMOUNT_FORMAT.format((negative ? trimmed.slice(1) : trimmed) as `${number}`);
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `;
  return `${negative && digits !== '0.00' ? '-' : ''}${symbol}${digits}`;
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
  const date = toUtc(isoDate);
  if (date === null) return isoDate;
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

/** A phone number as the API stores it: digits, with a leading + when it has a country code. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits === '') return phone.trim();
  return `${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
}

// Calendar dates ("YYYY-MM-DD").

function toUtc(isoDate: string): Date | null {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) return null;
  const [, year, month, day] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** The date `days` after (or before, when negative) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const date = toUtc(isoDate);
  if (date === null) return isoDate;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A short label for a day, e.g. "Thu 26 Nov". */
export function formatDayShort(isoDate: string, locale?: string): string {
  const date = toUtc(isoDate);
  if (date === null) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(date);
}

/** Whether a string is a real calendar date in "YYYY-MM-DD" form. */
export function isIsoDate(value: string): boolean {
  const date = toUtc(value);
  return date !== null && date.toISOString().slice(0, 10) === value;
}

/** The weekday and the day of a date apart, e.g. { weekday: "Thu", day: "Nov 26" }. */
export function dayParts(isoDate: string, locale?: string): { weekday: string; day: string } {
  const date = toUtc(isoDate);
  if (date === null) return { weekday: '', day: isoDate };
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(date);
  return { weekday: format({ weekday: 'short' }), day: format({ month: 'short', day: 'numeric' }) };
}
