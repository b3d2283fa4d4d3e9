import { describe, expect, it } from 'vitest';

import {
  addDays,
  dayParts,
  formatDate,
  formatDateTime,
  formatDayShort,
  formatMoney,
  formatPhone,
  formatTime,
  isIsoDate,
  todayIn,
} from './format';

describe('formatMoney', () => {
  it('formats the decimal string exactly, without float rounding', () => {
    expect(formatMoney('3350.00', 'INR')).toBe('₹3,350.00');
    expect(formatMoney('12345678901234567.89', 'INR')).toBe('₹12,345,678,901,234,567.89');
    expect(formatMoney('0.10', 'EUR')).toBe('€0.10');
    expect(formatMoney('3350.00', 'USD')).toBe('$3,350.00');
  });

  it('puts the sign before the symbol, and shows a currency without a symbol by its code', () => {
    expect(formatMoney('-50.00', 'INR')).toBe('-₹50.00');
    expect(formatMoney('-0.00', 'INR')).toBe('₹0.00');
    expect(formatMoney('1500', 'CHF')).toBe('CHF 1,500.00');
  });

  it('is the same whatever the browser language (the PDFs use this format too)', () => {
    const original = navigator.language;
    Object.defineProperty(navigator, 'language', { value: 'de-DE', configurable: true });
    try {
      expect(formatMoney('1234.50', 'INR')).toBe('₹1,234.50');
    } finally {
      Object.defineProperty(navigator, 'language', { value: original, configurable: true });
    }
  });

  it('shows an unparseable amount verbatim with the currency code', () => {
    expect(formatMoney('n/a', 'INR')).toBe('n/a INR');
  });
});

describe('formatPhone', () => {
  it('shows every number in the one stored form: digits, + for a country code', () => {
    expect(formatPhone('+91 98450 12345')).toBe('+919845012345');
    expect(formatPhone('+91-98450-12345')).toBe('+919845012345');
    expect(formatPhone('(080) 2345 6789')).toBe('08023456789');
    expect(formatPhone('+919845012345')).toBe('+919845012345');
  });

  it('leaves text without digits as it is', () => {
    expect(formatPhone(' none ')).toBe('none');
  });
});

describe('dates and times', () => {
  it('shows an instant in the hospital time zone, not the browser one', () => {
    const iso = '2026-11-26T04:00:00Z';
    expect(formatDateTime(iso, 'Asia/Kolkata', 'en-GB')).toBe('26 Nov 2026, 09:30');
    expect(formatDateTime(iso, 'America/New_York', 'en-GB')).toBe('25 Nov 2026, 23:00');
    expect(formatTime('2026-11-26T09:00:00+05:30', 'Asia/Kolkata', 'en-GB')).toBe('09:00');
    expect(formatDateTime('not a time', 'UTC', 'en-GB')).toBe('not a time');
  });

  it('shows a calendar date as the same day in every zone', () => {
    expect(formatDate('2024-01-05', 'en-GB')).toBe('5 Jan 2024');
    expect(formatDate('bad', 'en-GB')).toBe('bad');
    expect(formatDayShort('2026-11-26', 'en-GB')).toBe('Thu 26 Nov');
    expect(dayParts('2026-11-26', 'en-US')).toEqual({ weekday: 'Thu', day: 'Nov 26' });
  });

  it('does calendar arithmetic and checks real dates with the one date parser', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-1-5')).toBe(false);
  });

  it('computes today in the hospital time zone', () => {
    const now = new Date('2026-11-26T20:00:00Z');
    expect(todayIn('Asia/Kolkata', now)).toBe('2026-11-27');
    expect(todayIn('UTC', now)).toBe('2026-11-26');
  });
});
