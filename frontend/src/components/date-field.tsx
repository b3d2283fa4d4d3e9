import type { DateInputProps } from '@mantine/dates';
import { DateInput } from '@mantine/dates';

import { addDays, isIsoDate } from '@/lib/format';

/** How a date shows in an input: day, month name, year — read the same way in every locale. */
export const DATE_INPUT_FORMAT = 'DD MMM YYYY';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/i;

/**
 * A typed date as "YYYY-MM-DD", or null: "2026-01-31" and "31 Jan 2026" (any case, full or short
 * month name). Numeric day/month orders are not guessed: "01/02/2026" means two different days.
 */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const match = DAY_MONTH_YEAR.exec(trimmed);
  if (match === null) return null;
  const [, day = '', monthName = '', year = ''] = match;
  const month = MONTHS.findIndex((name) => monthName.toLowerCase().startsWith(name)) + 1;
  if (month === 0) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** How a date field shows "YYYY-MM-DD" (the {@link DATE_INPUT_FORMAT}), e.g. "06 Dec 2026". */
export function dateInputText(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-');
  const name = MONTHS[Number(month) - 1] ?? '';
  return `${day} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
}

type BaseProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser'
>;

export interface DateFieldProps extends BaseProps {
  /** "YYYY-MM-DD", or "" / null while empty. */
  value?: string | null;
  defaultValue?: string | null;
  /** Called with "YYYY-MM-DD", or "" when the field is cleared. */
  onChange?: (value: string) => void;
  /** The first and last days the calendar offers ("YYYY-MM-DD"). */
  min?: string;
  max?: string;
}

const orNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value === '' ? null : value;

/**
 * A calendar date input: type "2026-01-31" or "31 Jan 2026", or pick a day. The field's value is
 * the ISO date string the API takes. Days outside `min`–`max` cannot be picked; a typed one is
 * kept so that the form's check can say what is wrong with it.
 */
export function DateField({
  value,
  defaultValue,
  onChange,
  min,
  max,
  excludeDate,
  ...rest
}: DateFieldProps) {
  const outside = (date: string) =>
    (min !== undefined && date < min) || (max !== undefined && date > max);
  return (
    <DateInput
      valueFormat={DATE_INPUT_FORMAT}
      placeholder="DD MMM YYYY"
      dateParser={parseDateText}
      value={orNull(value)}
      defaultValue={orNull(defaultValue)}
      onChange={(next) => onChange?.(next ?? '')}
      excludeDate={(date) => outside(date.slice(0, 10)) || (excludeDate?.(date) ?? false)}
      // Mantine's clear button has no accessible name of its own.
      clearButtonProps={{ 'aria-label': 'Clear the date' }}
      {...rest}
    />
  );
}

/**
 * A date of birth: the picker opens on the decades, so the year comes first, and no day after
 * today can be picked. `today` is the hospital's today ("YYYY-MM-DD").
 */
export function BirthDateField({ today, ...rest }: DateFieldProps & { today: string }) {
  return (
    <DateField
      defaultLevel="decade"
      // With no date yet the picker shows the decades around a typical adult's birth year.
      defaultDate={addDays(today, -365 * 35)}
      min="1900-01-01"
      max={today}
      // Later years are greyed out in the year and decade views too.
      maxDate={today}
      {...rest}
    />
  );
}
