import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { adminDashboard, signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import { page } from '@/test/workspace-fixtures';

function entry(overrides: Record<string, unknown> = {}) {
  return {
    id: 301,
    at: '2026-11-20T04:30:00Z',
    kind: 'ACCESS' as const,
    actor_name: 'Meera Iyer',
    actor_role: 'DOCTOR',
    action: 'patient.retrieve',
    object_type: 'patient',
    object_id: '12',
    ...overrides,
  };
}

function auditEvent(overrides: Record<string, unknown> = {}) {
  return {
    id: 901,
    at: '2026-11-20T04:30:00Z',
    kind: 'ACCESS' as const,
    action: 'patient.retrieve',
    outcome: 'SUCCESS' as const,
    actor: 7,
    actor_name: 'Meera Iyer',
    actor_role: 'DOCTOR',
    object_type: 'patient',
    object_id: '12',
    patient_ids: [12],
    filters: [],
    request_id: '0f3c9a1e5b7d4c2a8e6f1b3d5a7c9e0f',
    ip_address: '10.0.0.9',
    hash: 'ab'.repeat(32),
    ...overrides,
  };
}

describe('patient: who saw my record', () => {
  it('lists who opened the record, with role, time in the hospital zone and what', async () => {
    mockAuth.refreshCookieUser = users.patient;
    const queries: string[] = [];
    server.use(
      http.get('/api/v1/patients/me/access-log/', ({ request, response }) => {
        queries.push(new URL(request.url).search);
        return response(200).json(
          page(
            [
              entry({ id: 303, at: '2026-11-21T09:15:00Z', action: 'invoice.pdf', actor_name: 'Asha Nair', actor_role: 'ADMIN' }),
              entry({ id: 302, at: '2026-11-20T06:00:00Z', action: 'patient.list', object_id: '' }),
              entry(),
            ],
            28,
          ),
        );
      }),
    );
    const { user } = renderApp('/patient/access-log');

    const table = await screen.findByRole('table', { name: 'Who saw my record' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'WhenWhoWhat',
      'Nov 21, 2026, 2:45 PMAsha NairHospital administrationDownloaded your invoice (PDF)',
      'Nov 20, 2026, 11:30 AMMeera IyerDoctorSaw your record in a list',
      'Nov 20, 2026, 10:00 AMMeera IyerDoctorOpened your record',
    ]);
    expect(screen.getByRole('link', { name: 'Who saw my record' })).toHaveAttribute(
      'href',
      '/patient/access-log',
    );

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => {
      expect(queries).toEqual(['?page=1&page_size=25', '?page=2&page_size=25']);
    });
  });

  it('says so when nobody opened the record, and offers a retry on errors', async () => {
    mockAuth.refreshCookieUser = users.patient;
    let calls = 0;
    server.use(
      http.get('/api/v1/patients/me/access-log/', ({ response }) => {
        calls += 1;
        if (calls === 1) return response(403).json(errorBody('PERMISSION_DENIED', 'Your role may not perform this action.'));
        return response(200).json(page([]));
      }),
    );
    const { user } = renderApp('/patient/access-log');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your access log');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Nobody has opened your record yet')).toBeVisible();
  });
});

describe('admin: audit log', () => {
  it('shows events, filters by patient and kind, and downloads the filtered CSV', async () => {
    signInAsAdmin();
    const queries: string[] = [];
    const exports: string[] = [];
    server.use(
      http.get('/api/v1/audit-events/', ({ request, response }) => {
        queries.push(new URL(request.url).search);
        return response(200).json(
          page([
            auditEvent({
              id: 902,
              kind: 'SECURITY',
              outcome: 'FAILURE',
              action: 'access.denied',
              object_type: 'invoice',
              object_id: '5',
              patient_ids: [],
            }),
            auditEvent({
              id: 901,
              action: 'patient.list',
              object_id: '',
              patient_ids: [12, 13],
              filters: ['search'],
            }),
          ]),
        );
      }),
      http.get('/api/v1/audit-events/export/', ({ request, response }) => {
        exports.push(`${request.headers.get('Authorization')?.slice(0, 14) ?? ''} ${new URL(request.url).search}`);
        return response.untyped(
          new HttpResponse('id,at\n901,2026-11-20T10:00:00+05:30\n', {
            headers: {
              'Content-Type': 'text/csv; charset=utf-8',
              'Content-Disposition': 'attachment; filename="audit-events-20261120-100000.csv"',
            },
          }),
        );
      }),
    );
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:csv');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/admin/audit');

    const table = await screen.findByRole('table', { name: 'Audit events' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      /^Nov 20, 2026, 10:00\sAMMeera IyerDOCTOR · user 7SECURITYrefusedaccess.deniedinvoice #5—0f3c9a1e5b7d$/,
    );
    expect(rows[2]).toHaveTextContent(/patient.listfilters: searchpatient \(list\)12, 13/);

    fireEvent.change(screen.getByLabelText('Patient id'), { target: { value: '12' } });
    await waitFor(() => {
      expect(queries.at(-1)).toBe('?patient=12&page=1&page_size=25');
    });
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Access' }));
    await waitFor(() => {
      expect(queries.at(-1)).toBe('?patient=12&kind=ACCESS&page=1&page_size=25');
    });

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => {
      expect(saved).toEqual(['audit-events-20261120-100000.csv blob:csv']);
    });
    expect(exports).toEqual(['Bearer access- ?patient=12&kind=ACCESS']);
    expect(await createObjectURL.mock.calls[0]?.[0].text()).toBe(
      'id,at\n901,2026-11-20T10:00:00+05:30\n',
    );
  });

  it('says when no event matches', async () => {
    signInAsAdmin();
    server.use(http.get('/api/v1/audit-events/', ({ response }) => response(200).json(page([]))));
    renderApp('/admin/audit?kind=SECURITY');

    expect(await screen.findByText('No events match these filters')).toBeVisible();
  });
});

describe('admin: unusual access on the dashboard', () => {
  it('shows each flag with the openings behind it and a link to the audit log', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) =>
        response(200).json(
          adminDashboard({
            unusual_access: [
              {
                id: 3,
                actor: 7,
                actor_name: 'Meera Iyer',
                actor_role: 'DOCTOR',
                raised_at: '2026-11-20T04:40:00Z',
                window_start: '2026-11-20T04:30:00Z',
                patient_count: 51,
                events: [
                  auditEvent({ id: 901, patient_ids: [12] }),
                  auditEvent({ id: 902, at: '2026-11-20T04:31:00Z', patient_ids: [13] }),
                ],
              },
            ],
          }),
        ),
      ),
    );
    renderApp('/admin');

    const panel = await screen.findByRole('region', { name: 'Unusual access' });
    expect(panel).toHaveTextContent(
      'Meera Iyer (DOCTOR) opened 51 patients between Nov 20, 2026, 10:00 AM and Nov 20, 2026, 10:10 AM',
    );
    expect(within(panel).getAllByRole('listitem').slice(1).map((item) => item.textContent)).toEqual([
      'Nov 20, 2026, 10:00 AM: patient.retrieve (patient 12)',
      'Nov 20, 2026, 10:01 AM: patient.retrieve (patient 13)',
    ]);
    expect(
      within(panel).getByRole('link', { name: "Open Meera Iyer's access in the audit log" }),
    ).toHaveAttribute('href', '/admin/audit?actor=7&kind=ACCESS');
  });

  it('shows nothing when no flag was raised', async () => {
    signInAsAdmin();
    server.use(http.get('/api/v1/dashboard/', ({ response }) => response(200).json(adminDashboard())));
    renderApp('/admin');

    expect(await screen.findByText('Welcome, Asha Nair')).toBeVisible();
    await screen.findByText('Doctors');
    expect(screen.queryByRole('region', { name: 'Unusual access' })).toBeNull();
  });
});
