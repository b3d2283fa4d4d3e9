import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import { invoiceRecord, page } from '@/test/workspace-fixtures';

/** Catch what the page hands to the browser's "save": the Blob and the file name. */
function catchDownloads() {
  const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:invoice');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push(`${this.download} ${this.href}`);
  });
  return { createObjectURL, saved };
}

describe('admin: invoices', () => {
  it('lists invoices with the totals as the server sent them, filtered by issue date', async () => {
    signInAsAdmin();
    const queries: string[] = [];
    server.use(
      http.get('/api/v1/invoices/', ({ request, response }) => {
        queries.push(new URL(request.url).search);
        return response(200).json(
          page([
            invoiceRecord(),
            invoiceRecord({
              id: 52,
              number: 'INV-2026-000043',
              patient_name: 'Elena Petrova',
              total: '1234567.05',
            }),
          ]),
        );
      }),
    );
    const { router } = renderApp('/admin/invoices');

    const table = await screen.findByRole('table', { name: 'Invoices' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      /^INV-2026-000042Ravi KumarMeera IyerNov 5, 2026, 12:00\sPM₹3,350.00Download PDF$/,
    );
    expect(rows[2]).toHaveTextContent('₹1,234,567.05');
    expect(within(table).getByRole('link', { name: 'INV-2026-000042' })).toHaveAttribute(
      'href',
      '/admin/invoices/51',
    );

    fireEvent.change(screen.getByLabelText('Issued from'), { target: { value: '2026-11-01' } });
    await waitFor(() => {
      expect(queries.at(-1)).toBe('?issued_from=2026-11-01&page=1&page_size=25');
    });
    expect(router.state.location.search).toBe('?from=2026-11-01');
  });

  it('says so when there is no invoice yet, and explains a failure', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/invoices/', ({ query, response }) =>
        query.get('issued_from') === null
          ? response(200).json(page([]))
          : response(429).json(errorBody('THROTTLED', 'Request was throttled.')),
      ),
    );
    renderApp('/admin/invoices');

    expect(await screen.findByText('No invoices yet')).toBeVisible();
    expect(screen.getByText('An invoice is issued when a patient is discharged.')).toBeVisible();
    fireEvent.change(screen.getByLabelText('Issued from'), { target: { value: '2026-11-01' } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Please wait a minute and try again.',
    );
  });

  it('shows one invoice line by line and downloads its PDF with the access token', async () => {
    signInAsAdmin();
    const downloads: (string | null)[] = [];
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(invoiceRecord()),
      ),
      http.get('/api/v1/invoices/{id}/pdf/', ({ request, response }) => {
        downloads.push(request.headers.get('Authorization'));
        return response.untyped(
          new HttpResponse('%PDF-1.7 invoice', {
            headers: {
              'Content-Type': 'application/pdf',
              'Content-Disposition': 'attachment; filename="invoice-INV-2026-000042.pdf"',
            },
          }),
        );
      }),
    );
    const { createObjectURL, saved } = catchDownloads();
    const { user } = renderApp('/admin/invoices/51');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Invoice INV-2026-000042' }),
    ).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'Charges' }))
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Room (4 days × ₹500.00)₹2,000.00',
      'Doctor fee₹1,000.00',
      'Medicine cost₹250.00',
      'Other charges₹100.00',
      'Total₹3,350.00',
    ]);
    expect(screen.getByRole('link', { name: 'Nov 1, 2026 – Nov 5, 2026' })).toHaveAttribute(
      'href',
      '/admin/admissions/41',
    );

    await user.click(screen.getByRole('button', { name: 'Download PDF' }));

    await waitFor(() => {
      expect(saved).toEqual(['invoice-INV-2026-000042.pdf blob:invoice']);
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/^Bearer access-asha-/);
    expect(await createObjectURL.mock.calls[0]?.[0].text()).toBe('%PDF-1.7 invoice');
    expect(await screen.findByText('invoice-INV-2026-000042.pdf was saved.')).toBeVisible();
  });

  it('says why a PDF could not be downloaded', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(invoiceRecord()),
      ),
      http.get('/api/v1/invoices/{id}/pdf/', ({ response }) =>
        response(404).json(errorBody('NOT_FOUND', 'Not found.')),
      ),
    );
    const { saved } = catchDownloads();
    const { user } = renderApp('/admin/invoices/51');

    await user.click(await screen.findByRole('button', { name: 'Download PDF' }));

    expect(await screen.findByText('Could not download INV-2026-000042')).toBeVisible();
    expect(
      screen.getByText('This record was not found. It may have been removed.'),
    ).toBeVisible();
    expect(saved).toEqual([]);
  });
});
