import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { components } from '@/lib/api/schema';
import { signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import { invoiceRecord, page } from '@/test/workspace-fixtures';

function receipt(
  overrides: Partial<components['schemas']['Payment']> = {},
): components['schemas']['Payment'] {
  return {
    id: 7,
    number: 'RCPT-2026-000007',
    kind: 'PAYMENT',
    admission: 41,
    invoice: 51,
    patient: 11,
    amount: '1000.00',
    refunded: '0.00',
    currency: 'INR',
    method: 'CASH',
    reference: '',
    received_at: '2026-11-06T06:30:00Z',
    received_by: 1,
    received_by_name: 'Hospital Cashier',
    pdf_sha256: 'b'.repeat(64),
    ...overrides,
  };
}

describe('admin: payments on the invoice page', () => {
  it('shows the balance, records a payment with an idempotency key, and lists the receipt', async () => {
    signInAsAdmin();
    let paid = false;
    const posts: { key: string | null; body: unknown }[] = [];
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(
          paid
            ? invoiceRecord({ payment_state: 'PART_PAID', balance: '2350.00', amount_paid: '1000.00' })
            : invoiceRecord(),
        ),
      ),
      http.get('/api/v1/payments/', ({ response }) =>
        response(200).json(page(paid ? [receipt()] : [])),
      ),
      http.post('/api/v1/invoices/{id}/pay/', async ({ request, response }) => {
        posts.push({ key: request.headers.get('Idempotency-Key'), body: await request.json() });
        paid = true;
        return response(201).json(receipt());
      }),
    );
    renderApp('/admin/invoices/51');

    expect(await screen.findByTestId('invoice-balance')).toHaveTextContent('₹3,350.00');
    expect(screen.getByText('Unpaid')).toBeVisible();
    fireEvent.change(screen.getByLabelText(/Amount/), { target: { value: '1000.00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));

    await waitFor(() => {
      expect(screen.getByTestId('invoice-balance')).toHaveTextContent('₹2,350.00');
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ amount: '1000.00', method: 'CASH', reference: '' });
    expect(posts[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    const table = await screen.findByRole('table', { name: 'Receipts' });
    expect(within(table).getByText('RCPT-2026-000007')).toBeVisible();
    expect(screen.getByText('Part paid')).toBeVisible();
  });

  it('explains a payment over the balance', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) => response(200).json(invoiceRecord())),
      http.get('/api/v1/payments/', ({ response }) => response(200).json(page([]))),
      http.post('/api/v1/invoices/{id}/pay/', ({ response }) =>
        response(409).json(
          errorBody('AMOUNT_OVER_BALANCE', 'The amount is more than the balance (3350.00 INR).'),
        ),
      ),
    );
    renderApp('/admin/invoices/51');

    fireEvent.change(await screen.findByLabelText(/Amount/), { target: { value: '4000.00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The amount is more than the balance (3350.00 INR).',
    );
  });
});
