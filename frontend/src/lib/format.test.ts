import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, formatMoney, formatTime, todayIn } from './format';

describe('formatMoney', () => {
  it('formats the decimal string exactly, without float rounding', () => {
    expect(formatMoney('3350.00', 'USD', 'en-US')).toBe('$3,350.00');
    expect(formatMoney('12345678901234567.89', 'INR', 'en-IN')).toBe('₹12,34,56,78,90,12,34,567.89');
    expect(formatMoney('0.10', 'EUR', 'en-GB')).toBe('€0.10');
  });

  it('shows an unparseable amount verbatim with the currency code', () => {
    expect(formatMoney('n/a', 'INR', 'en-IN')).toBe('n/a INR');
  });
});

describe('dates and times', () => {
  it('shows an instant in the hospital time zone, not the browser one', () => {
    const iso = '2026-11-26T04:00:00Z';
    expect(formatDateTime(iso, 'Asia/Kolkata', 'en-GB')).toBe('26 Nov 2026, 09:30');
    expect(formatDateTime(iso, 'America/New_York', 'en-GB')).toBe('25 Nov 2026, 23:00');
    expect(formatTime('2026-11-26T09:00:00+05:30', 'Asia/Kolkata', 'en-GB')).toBe('09:00');
  });

  it('shows a calendar date as the same day in every zone', () => {
    expect(formatDate('2024-01-05', 'en-GB')).toBe('5 Jan 2024');
    expect(formatDate('bad', 'en-GB')).toBe('bad');
  });

  it('computes today in the hospital time zone', () => {
    const now = new Date('2026-11-26T20:00:00Z');
    expect(todayIn('Asia/Kolkata', now)).toBe('2026-11-27');
    expect(todayIn('UTC', now)).toBe('2026-11-26');
  });
});
