import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { AppProvider } from '@/app/provider';

import { BirthDateField, DateField, dateInputText, parseDateText } from './date-field';

function Harness({ birth = false }: { birth?: boolean }) {
  const [value, setValue] = useState('');
  const field = birth ? (
    <BirthDateField label="Date of birth" today="2026-11-25" value={value} onChange={setValue} />
  ) : (
    <DateField label="Day" value={value} onChange={setValue} />
  );
  return (
    <>
      {field}
      <output aria-label="value">{value}</output>
    </>
  );
}

function renderField(birth = false) {
  return render(
    <AppProvider env="test">
      <Harness birth={birth} />
    </AppProvider>,
  );
}

describe('date text', () => {
  it('reads ISO dates and day-month-name-year, never a numeric guess', () => {
    expect(parseDateText('2026-01-31')).toBe('2026-01-31');
    expect(parseDateText(' 31 Jan 2026 ')).toBe('2026-01-31');
    expect(parseDateText('5 september 1980')).toBe('1980-09-05');
    expect(parseDateText('31 Feb 2026')).toBeNull();
    expect(parseDateText('01/02/2026')).toBeNull();
    expect(parseDateText('2026-02-30')).toBeNull();
    expect(dateInputText('2026-12-06')).toBe('06 Dec 2026');
  });
});

describe('date inputs', () => {
  it('takes a typed ISO date and shows it as "DD MMM YYYY"', () => {
    renderField();
    const input = screen.getByLabelText('Day');
    fireEvent.change(input, { target: { value: '2026-03-04' } });
    fireEvent.blur(input);
    expect(screen.getByLabelText('value')).toHaveTextContent('2026-03-04');
    expect(input).toHaveValue('04 Mar 2026');
  });

  it('opens a date of birth on the decades, around an adult’s birth year', () => {
    renderField(true);
    fireEvent.click(screen.getByLabelText('Date of birth'));
    // The decade view lists years, not days: the year is chosen first.
    expect(document.querySelector('[data-decade-level]')).not.toBeNull();
    expect(document.querySelector('[data-month-level]')).toBeNull();
    expect(screen.getByText('1990 – 1999')).toBeVisible();
    expect(screen.getByRole('button', { name: '1991' })).toBeEnabled();
  });
});
