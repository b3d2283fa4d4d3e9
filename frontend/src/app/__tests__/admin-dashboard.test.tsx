import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';

import {
  chartSummary,
  toChartData,
} from '@/features/dashboard/components/appointments-week-chart';
import type { components } from '@/lib/api/schema';
import { adminDashboard, pendingDoctor, signInAsAdmin } from '@/test/admin-fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import { appointmentDetail, appointmentRecord } from '@/test/workspace-fixtures';

type Queues = components['schemas']['AdminQueues'];

const QUEUES: Queues = {
  doctors: [
    {
      id: 21,
      full_name: 'Arjun Nair',
      department_name: 'Dermatologists',
      created_at: '2026-11-20T05:00:00Z',
    },
  ],
  patients: [
    {
      id: 11,
      full_name: 'Ravi Kumar',
      symptoms: 'Chest pain on exertion',
      created_at: '2026-11-21T04:30:00Z',
    },
  ],
  appointment_requests: [
    {
      id: 32,
      patient: 12,
      patient_name: 'Lata Menon',
      doctor: 7,
      doctor_name: 'Meera Iyer',
      department_name: 'Cardiologist',
      starts_at: '2099-01-05T03:30:00Z',
      ends_at: '2099-01-05T04:00:00Z',
      created_at: '2026-11-22T10:00:00Z',
    },
  ],
};

/**
 * Every API request made while the page is open, but the app shell's own: the session (auth/),
 * the hospital's settings and the header's unread-notifications badge.
 */
function recordDataRequests(): string[] {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const shell =
      url.pathname.startsWith('/api/v1/auth/') ||
      url.pathname === '/api/v1/hospital/' ||
      (url.pathname === '/api/v1/notifications/' && url.searchParams.get('unread') === 'true');
    if (!url.pathname.startsWith('/api/v1/') || shell) return;
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  };
  server.events.on('request:start', listener);
  return seen;
}

/** Answer the dashboard with `queues()` as they are at each request. */
function dashboardWith(queues: () => Queues) {
  server.use(
    http.get('/api/v1/dashboard/', ({ response }) =>
      response(200).json(adminDashboard({ queues: queues() })),
    ),
  );
}

/** Mantine's breakpoints are `min-width` queries: from `sm` (48em) up, the screen is not a phone. */
function screenWidth(kind: 'phone' | 'desktop') {
  const matchMedia = (query: string) =>
    ({
      matches: kind === 'desktop' && query.includes('min-width'),
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
  Object.defineProperty(window, 'matchMedia', { writable: true, value: matchMedia });
}

const originalMatchMedia = Object.getOwnPropertyDescriptor(window, 'matchMedia');

afterEach(() => {
  server.events.removeAllListeners();
  if (originalMatchMedia !== undefined) {
    Object.defineProperty(window, 'matchMedia', originalMatchMedia);
  }
});

describe('admin dashboard', () => {
  it('shows the counts, the week ahead and the queues from one request', async () => {
    signInAsAdmin();
    screenWidth('desktop');
    const requests = recordDataRequests();
    dashboardWith(() => QUEUES);
    renderApp('/admin');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    expect(screen.getByText('Welcome, Asha Nair')).toBeVisible();
    const doctors = await screen.findByRole('region', { name: 'Doctors' });
    expect(doctors).toHaveTextContent('Doctors6approved · 2 pending approvalOpen doctors');
    expect(screen.getByRole('region', { name: 'Patients' })).toHaveTextContent(
      'Patients14approved · 3 pending approval',
    );
    expect(screen.getByRole('region', { name: 'In hospital' })).toHaveTextContent(
      'In hospital2admitted now · 17 discharged in all',
    );
    expect(screen.getByRole('region', { name: 'Appointments today' })).toHaveTextContent(
      'Appointments today59 confirmed · 4 pending approval',
    );
    // Money is formatted from the server's decimal string.
    expect(screen.getByRole('region', { name: 'Invoiced this month' })).toHaveTextContent(
      'Invoiced this month₹42,931.25',
    );

    const chart = screen.getByRole('img', { name: /^Appointments per day\./ });
    expect(chart).toHaveAccessibleName(
      'Appointments per day. Thu, Nov 26: 5 confirmed, 1 pending; Fri, Nov 27: 3 confirmed, ' +
        '2 pending; Sat, Nov 28: 1 confirmed, 1 pending; Sun, Nov 29: 0 confirmed, 0 pending; ' +
        'Mon, Nov 30: 0 confirmed, 0 pending; Tue, Dec 1: 0 confirmed, 0 pending; ' +
        'Wed, Dec 2: 0 confirmed, 0 pending.',
    );

    const doctorQueue = screen.getByRole('region', { name: 'Doctors awaiting approval' });
    expect(within(doctorQueue).getByText('2 waiting')).toBeVisible();
    expect(within(doctorQueue).getByRole('link', { name: 'Arjun Nair' })).toHaveAttribute(
      'href',
      '/admin/doctors/21',
    );
    expect(within(doctorQueue).getByText(/^Dermatologists · applied Nov 20, 2026, 10:30\sAM$/))
      .toBeVisible();
    expect(within(doctorQueue).getByRole('button', { name: 'Approve Arjun Nair' })).toBeVisible();
    expect(within(doctorQueue).getByRole('button', { name: 'Reject Arjun Nair' })).toBeVisible();
    expect(within(doctorQueue).getByRole('link', { name: 'All pending doctors' })).toHaveAttribute(
      'href',
      '/admin/doctors?status=PENDING',
    );
    const patientQueue = screen.getByRole('region', { name: 'Patients awaiting approval' });
    expect(within(patientQueue).getByText('3 waiting')).toBeVisible();
    expect(within(patientQueue).getByRole('link', { name: 'Ravi Kumar' })).toHaveAttribute(
      'href',
      '/admin/patients/11',
    );
    expect(within(patientQueue).getByRole('button', { name: 'Approve Ravi Kumar' })).toBeVisible();
    const requestQueue = screen.getByRole('region', { name: 'Appointment requests' });
    expect(within(requestQueue).getByText('4 waiting')).toBeVisible();
    expect(within(requestQueue).getByText(/^Jan 5, 2099, 9:00\sAM with Meera Iyer$/)).toBeVisible();
    expect(
      within(requestQueue).getAllByRole('button').map((button) => button.getAttribute('aria-label')),
    ).toEqual([
      expect.stringMatching(/^Approve Lata Menon, Jan 5, 2099, 9:00\sAM$/) as string,
      expect.stringMatching(/^Reject Lata Menon, Jan 5, 2099, 9:00\sAM$/) as string,
    ]);

    // On a desktop the week ahead comes before the queues.
    const week = screen.getByRole('heading', { name: 'Appointments in the next 7 days' });
    expect(week.compareDocumentPosition(doctorQueue) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Everything above came from one request.
    expect(requests).toEqual(['GET /api/v1/dashboard/']);
  });

  it('puts the queues before the counts and the chart on a phone', async () => {
    signInAsAdmin();
    screenWidth('phone');
    dashboardWith(() => QUEUES);
    renderApp('/admin');

    const doctorQueue = await screen.findByRole('region', { name: 'Doctors awaiting approval' });
    const counts = screen.getByRole('region', { name: 'Doctors' });
    const week = screen.getByRole('heading', { name: 'Appointments in the next 7 days' });
    expect(doctorQueue.compareDocumentPosition(counts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(counts.compareDocumentPosition(week) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('approves a doctor in place and shows the refreshed queue', async () => {
    signInAsAdmin();
    const requests = recordDataRequests();
    const approvals: string[] = [];
    dashboardWith(() => (approvals.length > 0 ? { ...QUEUES, doctors: [] } : QUEUES));
    server.use(
      http.post('/api/v1/doctors/{id}/approve/', ({ params, response }) => {
        approvals.push(params.id);
        return response(200).json({ ...pendingDoctor, status: 'APPROVED' });
      }),
    );
    const { user } = renderApp('/admin');

    const doctorQueue = await screen.findByRole('region', { name: 'Doctors awaiting approval' });
    await user.click(within(doctorQueue).getByRole('button', { name: 'Approve Arjun Nair' }));

    expect(await screen.findByText('Arjun Nair can now sign in.')).toBeVisible();
    expect(
      await within(doctorQueue).findByText('No doctor is waiting for approval.'),
    ).toBeVisible();
    expect(approvals).toEqual(['21']);
    // The approval, then the dashboard again: nothing else.
    expect(requests).toEqual([
      'GET /api/v1/dashboard/',
      'POST /api/v1/doctors/21/approve/',
      'GET /api/v1/dashboard/',
    ]);
  });

  it('rejects an appointment request in place with the reason typed', async () => {
    signInAsAdmin();
    const bodies: { id: string; body: unknown }[] = [];
    dashboardWith(() =>
      bodies.length > 0 ? { ...QUEUES, appointment_requests: [] } : QUEUES,
    );
    server.use(
      http.post('/api/v1/appointments/{id}/reject/', async ({ params, request, response }) => {
        bodies.push({ id: params.id, body: await request.json() });
        return response(200).json(appointmentDetail(appointmentRecord({ id: 32, status: 'REJECTED' })));
      }),
    );
    const { user } = renderApp('/admin');

    const requestQueue = await screen.findByRole('region', { name: 'Appointment requests' });
    await user.click(within(requestQueue).getByRole('button', { name: /^Reject Lata Menon/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the request' });
    expect(dialog).toHaveTextContent(/Lata Menon asked for Jan 5, 2099, 9:00\sAM with Meera Iyer/);
    await user.type(within(dialog).getByLabelText(/^Reason/), 'The doctor is away that week');
    await user.click(within(dialog).getByRole('button', { name: 'Reject request' }));

    expect(await screen.findByText('Lata Menon sees your reason.')).toBeVisible();
    expect(
      await within(requestQueue).findByText('No appointment request is waiting.'),
    ).toBeVisible();
    expect(bodies).toEqual([{ id: '32', body: { reason: 'The doctor is away that week' } }]);
  });

  it('explains when the dashboard could not be loaded and offers to try again', async () => {
    signInAsAdmin();
    let calls = 0;
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) => {
        calls += 1;
        return calls === 1
          ? response.untyped(new HttpResponse(null, { status: 502 }))
          : response(200).json(adminDashboard({ queues: QUEUES }));
      }),
    );
    const { user } = renderApp('/admin');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the dashboard');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Doctors awaiting approval' })).toBeVisible();
    expect(calls).toBe(2);
  });
});

describe('the week-ahead chart', () => {
  const days = [
    { date: '2026-11-26', confirmed: 5, pending: 1 },
    { date: '2026-11-27', confirmed: 0, pending: 2 },
    { date: '2026-12-01', confirmed: 0, pending: 0 },
  ];

  it('draws one stacked bar per day, labelled by weekday and day', () => {
    expect(toChartData(days)).toEqual([
      { day: 'Thu 26', confirmed: 5, pending: 1 },
      { day: 'Fri 27', confirmed: 0, pending: 2 },
      { day: 'Tue 1', confirmed: 0, pending: 0 },
    ]);
  });

  it('says the same numbers in words', () => {
    expect(chartSummary(days)).toBe(
      'Appointments per day. Thu, Nov 26: 5 confirmed, 1 pending; Fri, Nov 27: 0 confirmed, ' +
        '2 pending; Tue, Dec 1: 0 confirmed, 0 pending.',
    );
  });
});
