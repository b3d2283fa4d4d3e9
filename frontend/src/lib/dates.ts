/**
 * Calendar-date arithmetic on "YYYY-MM-DD" strings. A calendar date has no time zone, so the
 * arithmetic runs in UTC and never shifts a day because of the browser's zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
