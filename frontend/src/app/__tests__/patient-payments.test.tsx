import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { components } from '@/lib/api/schema';
import { users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import { invoiceRecord, page } from '@/test/workspace-fixtures';

type Payment = components['schemas']['Payment'];

function receipt(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 7,
    number: 'RCPT-2026-000007',
    kind: 'PAYMENT',
    admission: 41,
    invoice: 51,
    patient: 11,
    amount: '2350.00',
    refunded: '0.00',
    currency: 'INR',
    method: 'CARD',
    reference: 'SLIP-4411',
    received_at: '2026-11-06T06:30:00Z',
    received_by: 1,
    received_by_name: 'Hospital Cashier',
    pdf_sha256: 'b'.repeat(64),
    ...overrides,
  };
}

const advance = receipt({
  id: 5,
  number: 'RCPT-2026-000005',
  kind: 'ADVANCE',
  invoice: null,
  amount: '1000.00',
  method: 'CASH',
  reference: '',
  received_at: '2026-11-02T05:00:00Z',
});

/** A payment of the stay on an earlier (voided) invoice: not this invoice's receipt. */
const otherInvoice = receipt({ id: 6, number: 'RCPT-2026-000006', invoice: 50, amount: '500.00' });

function signInAsPatient() {
  mockAuth.refreshCookieUser = users.patient;
}

describe("patient: an invoice's payments", () => {
  it('shows the state and balance, and lists the payments with the advance the invoice applied', async () => {
    signInAsPatient();
    const queries: string[] = [];
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(
          invoiceRecord({
            payment_state: 'PAID',
            balance: '0.00',
            amount_paid: '3350.00',
            advance_applied: '1000.00',
          }),
        ),
      ),
      http.get('/api/v1/payments/', ({ request, response }) => {
        queries.push(new URL(request.url).search);
        return response(200).json(page([receipt(), otherInvoice, advance]));
      }),
    );
    renderApp('/patient/invoices/51');

    expect(await screen.findByTestId('invoice-balance')).toHaveTextContent('₹0.00');
    expect(screen.getByText('Paid', { selector: '.mantine-Badge-label' })).toBeVisible();
    expect(screen.getByText('₹3,350.00 (including the advance of ₹1,000.00)')).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Receipts' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('RCPT-2026-000007');
    expect(rows[1]).toContain('Card');
    expect(rows[1]).toContain('₹2,350.00');
    expect(rows[2]).toContain('RCPT-2026-000005 (advance)');
    expect(rows[2]).toContain('₹1,000.00');
    expect(within(table).queryByText('RCPT-2026-000006')).not.toBeInTheDocument();
    // Patients download; they never refund.
    expect(within(table).queryByRole('button', { name: /^Refund/ })).not.toBeInTheDocument();
    expect(queries).toEqual(['?admission=41&page_size=100']);
  });

  it('leaves out advances when the invoice applied none, and shows a part-paid balance', async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(
          invoiceRecord({ payment_state: 'PART_PAID', balance: '1000.00', amount_paid: '2350.00' }),
        ),
      ),
      http.get('/api/v1/payments/', ({ response }) =>
        response(200).json(page([receipt(), advance])),
      ),
    );
    renderApp('/patient/invoices/51');

    expect(await screen.findByTestId('invoice-balance')).toHaveTextContent('₹1,000.00');
    expect(screen.getByText('Part paid')).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Receipts' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).queryByText(/RCPT-2026-000005/)).not.toBeInTheDocument();
  });

  it('says so when nothing is paid yet', async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) => response(200).json(invoiceRecord())),
      http.get('/api/v1/payments/', ({ response }) => response(200).json(page([]))),
    );
    renderApp('/patient/invoices/51');

    expect(await screen.findByTestId('invoice-balance')).toHaveTextContent('₹3,350.00');
    expect(screen.getByText('Unpaid')).toBeVisible();
    expect(await screen.findByText('No receipts yet.')).toBeVisible();
  });

  it("downloads a receipt's PDF with the access token under the server's file name", async () => {
    signInAsPatient();
    const downloads: { path: string; auth: string | null }[] = [];
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(invoiceRecord({ payment_state: 'PAID', balance: '0.00' })),
      ),
      http.get('/api/v1/payments/', ({ response }) => response(200).json(page([receipt()]))),
      http.get('/api/v1/payments/{id}/pdf/', ({ request, response }) => {
        downloads.push({
          path: new URL(request.url).pathname,
          auth: request.headers.get('Authorization'),
        });
        return response.untyped(
          new HttpResponse('%PDF-1.7 receipt', {
            headers: {
              'Content-Type': 'application/pdf',
              'Content-Disposition': 'attachment; filename="receipt-RCPT-2026-000007.pdf"',
            },
          }),
        );
      }),
    );
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:receipt');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/patient/invoices/51');

    await user.click(
      await screen.findByRole('button', { name: 'Download receipt RCPT-2026-000007' }),
    );
    await waitFor(() => {
      expect(saved).toEqual(['receipt-RCPT-2026-000007.pdf blob:receipt']);
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.path).toBe('/api/v1/payments/7/pdf/');
    expect(downloads[0]?.auth).toMatch(/^Bearer access-ravi-/);
    expect(await createObjectURL.mock.calls[0]?.[0].text()).toBe('%PDF-1.7 receipt');
  });
});
