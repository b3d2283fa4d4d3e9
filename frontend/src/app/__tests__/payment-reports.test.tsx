import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { signInAsAdmin } from '@/test/admin-fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';

// 20:00 UTC on Nov 5 is already Nov 6 in the hospital (Asia/Kolkata): the reports open on its date.
const NOW = new Date('2026-11-05T20:00:00Z');
const today = '2026-11-06';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function rowsOf(name: string): (string | null)[] {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((row) => row.textContent);
}

function mockReports(seen: string[]) {
  server.use(
    http.get('/api/v1/reports/collections/', ({ request, response }) => {
      seen.push(`collections${new URL(request.url).search}`);
      return response(200).json({
        date_from: today,
        date_to: today,
        currency: 'INR',
        by_method: [
          { method: 'CASH', count: 2, amount: '2000.00' },
          { method: 'CARD', count: 1, amount: '1350.00' },
        ],
        by_cashier: [{ cashier: 1, cashier_name: 'Hospital Cashier', count: 3, amount: '3350.00' }],
        by_day: [{ date: today, count: 3, amount: '3350.00' }],
        received: '3350.00',
        refunded: '100.00',
        net: '3250.00',
      });
    }),
    http.get('/api/v1/reports/outstanding/', ({ request, response }) => {
      seen.push(`outstanding${new URL(request.url).search}`);
      return response(200).json({
        as_of: today,
        currency: 'INR',
        buckets: [
          { bucket: '0-30', count: 2, balance: '4700.00' },
          { bucket: '31-60', count: 0, balance: '0.00' },
          { bucket: '61-90', count: 1, balance: '250.00' },
          { bucket: '90+', count: 1, balance: '1000.00' },
        ],
        count: 4,
        balance: '5950.00',
      });
    }),
  );
}

describe('admin: payment reports', () => {
  it("renders collections and outstanding invoices for the hospital's today", async () => {
    signInAsAdmin();
    const seen: string[] = [];
    mockReports(seen);
    renderApp('/admin/reports');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Payment reports' }),
    ).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Collections by method' });
    expect(rowsOf('Collections by method')).toEqual([
      'MethodReceiptsAmount',
      'Cash2₹2,000.00',
      'Card1₹1,350.00',
    ]);
    expect(rowsOf('Collections by cashier')).toEqual([
      'CashierReceiptsAmount',
      'Hospital Cashier3₹3,350.00',
    ]);
    expect(screen.getByText('Received ₹3,350.00')).toBeVisible();
    expect(screen.getByText('Refunded ₹100.00')).toBeVisible();
    expect(screen.getByText('Net ₹3,250.00')).toBeVisible();
    await screen.findByRole('table', { name: 'Outstanding invoices by age' });
    expect(rowsOf('Outstanding invoices by age')).toEqual([
      'Age (days)InvoicesBalance',
      '0-302₹4,700.00',
      '31-600₹0.00',
      '61-901₹250.00',
      'Over 901₹1,000.00',
      'Total4₹5,950.00',
    ]);
    expect(seen).toEqual([
      `collections?date_from=${today}&date_to=${today}`,
      `outstanding?as_of=${today}`,
    ]);
  });

  it('downloads each CSV from its report URL with the chosen dates', async () => {
    signInAsAdmin();
    mockReports([]);
    const csv: { url: string; auth: string | null }[] = [];
    const answer = (name: string) =>
      new HttpResponse('Method,Receipts,Amount\n', {
        headers: {
          'Content-Type': 'text/csv',
          'Content-Disposition': `attachment; filename="${name}"`,
        },
      });
    server.use(
      http.get('/api/v1/reports/collections/csv/', ({ request, response }) => {
        csv.push({ url: request.url, auth: request.headers.get('Authorization') });
        return response.untyped(answer('collections.csv'));
      }),
      http.get('/api/v1/reports/outstanding/csv/', ({ request, response }) => {
        csv.push({ url: request.url, auth: request.headers.get('Authorization') });
        return response.untyped(answer('outstanding.csv'));
      }),
    );
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }),
    );
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const { user } = renderApp('/admin/reports');

    await screen.findByRole('table', { name: 'Collections by method' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: 'Collections CSV' }));
    fireEvent.change(screen.getByLabelText('As of'), { target: { value: '2026-10-31' } });
    await user.click(screen.getByRole('button', { name: 'Outstanding CSV' }));

    await waitFor(() => {
      expect(saved).toEqual(['collections.csv', 'outstanding.csv']);
    });
    const origin = window.location.origin;
    expect(csv.map((request) => request.url)).toEqual([
      `${origin}/api/v1/reports/collections/csv/?date_from=2026-11-01&date_to=${today}`,
      `${origin}/api/v1/reports/outstanding/csv/?as_of=2026-10-31`,
    ]);
    expect(csv.every((request) => request.auth?.startsWith('Bearer ') === true)).toBe(true);
  });
});
