import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { components } from '@/lib/api/schema';
import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import {
  PAST_END,
  PAST_START,
  admissionRecord,
  appointmentDetail,
  appointmentRecord,
  page,
  patientRecord,
} from '@/test/workspace-fixtures';

type AppointmentEvent = components['schemas']['AppointmentEvent'];

const HISTORY: AppointmentEvent[] = [
  {
    from_status: null,
    to_status: 'PENDING',
    at: '2026-11-18T05:00:00Z',
    actor_role: 'PATIENT',
    actor_name: 'Ravi Kumar',
    reason: '',
  },
  {
    from_status: 'PENDING',
    to_status: 'CONFIRMED',
    at: '2026-11-19T05:00:00Z',
    actor_role: 'ADMIN',
    actor_name: 'Asha Nair',
    reason: '',
  },
  {
    from_status: 'CONFIRMED',
    to_status: 'CANCELLED',
    at: '2026-11-19T09:15:00Z',
    actor_role: 'DOCTOR',
    actor_name: 'Meera Iyer',
    reason: 'Doctor on leave',
  },
];

const cancelled = appointmentRecord({
  starts_at: PAST_START,
  ends_at: PAST_END,
  status: 'CANCELLED',
  status_reason: 'Doctor on leave',
  status_changed_at: '2026-11-19T09:15:00Z',
});

function historyItems(): string[] {
  return Array.from(document.querySelectorAll('.mantine-Timeline-item')).map(
    (item) => item.textContent,
  );
}

const EXPECTED_HISTORY = [
  'Booked: Pending approvalNov 18, 2026, 10:30 AM, by Ravi Kumar (Patient)',
  'Pending approval → ConfirmedNov 19, 2026, 10:30 AM, by Asha Nair (Admin)',
  'Confirmed → CancelledNov 19, 2026, 2:45 PM, by Meera Iyer (Doctor)Reason: Doctor on leave',
];

describe("the doctor's patient page", () => {
  it("shows the patient's details, the stays and the appointments with their history", async () => {
    mockAuth.refreshCookieUser = users.doctor;
    const requests: string[] = [];
    server.use(
      http.get('/api/v1/patients/{id}/', ({ params, response }) => {
        requests.push(`patient ${params.id}`);
        return response(200).json(
          patientRecord({ date_of_birth: '1980-02-14', is_admitted: true }),
        );
      }),
      http.get('/api/v1/admissions/', ({ request, response }) => {
        requests.push(`admissions ${new URL(request.url).search}`);
        return response(200).json(
          page([
            admissionRecord({
              id: 42,
              admitted_on: '2026-11-25',
              discharged_on: null,
              discharged_at: null,
              status: 'ADMITTED',
              room: 'C-3',
              symptoms: 'Breathlessness',
            }),
            admissionRecord(),
          ]),
        );
      }),
      http.get('/api/v1/appointments/', ({ request, response }) => {
        requests.push(`appointments ${new URL(request.url).search}`);
        return response(200).json(page([cancelled]));
      }),
      http.get('/api/v1/appointments/{id}/', ({ params, response }) => {
        requests.push(`appointment ${params.id}`);
        return response(200).json(appointmentDetail(cancelled, { history: HISTORY }));
      }),
    );
    const { user } = renderApp('/doctor/patients/11');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ravi Kumar' })).toBeVisible();
    expect(screen.getByText('In hospital')).toBeVisible();
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('Chest pain')).toBeVisible();
    expect(within(details).getByText('Feb 14, 1980')).toBeVisible();
    expect(within(details).getByRole('link', { name: '+919800000011' })).toHaveAttribute(
      'href',
      'tel:+919800000011',
    );
    expect(within(details).getByText('ravi@example.com')).toBeVisible();
    expect(within(details).getByText('4 Lake Road, Kochi')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Health record' })).toHaveAttribute(
      'href',
      '/doctor/patients/11/record',
    );

    const stays = screen.getByRole('region', { name: 'Stays' });
    const current = await within(stays).findByRole('article', { name: 'Since Nov 25, 2026' });
    expect(within(current).getByText('Admitted')).toBeVisible();
    expect(within(current).getByText('Room C-3 · Breathlessness')).toBeVisible();
    expect(
      within(current).getByRole('link', { name: 'Open the stay from Nov 25, 2026' }),
    ).toHaveAttribute('href', '/doctor/stays/42');
    const past = within(stays).getByRole('article', { name: 'Nov 1, 2026 – Nov 5, 2026' });
    expect(within(past).getByText('Discharged')).toBeVisible();
    expect(within(past).getByText('Room B-12 · Chest pain on exertion')).toBeVisible();

    const visits = screen.getByRole('region', { name: 'Appointments with you' });
    const visit = await within(visits).findByRole('article', {
      name: 'Nov 20, 2026, 10:00 AM–10:30 AM',
    });
    expect(within(visit).getByText('Cancelled')).toBeVisible();
    expect(within(visit).getByText('Follow-up on chest pain')).toBeVisible();
    expect(
      within(visit).getByRole('link', { name: 'Open the appointment of Nov 20, 2026, 10:00 AM–10:30 AM' }),
    ).toHaveAttribute('href', '/doctor/appointments/31');

    const toggle = within(visit).getByRole('button', { name: 'Show status history' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(await within(visit).findByText('Reason: Doctor on leave')).toBeVisible();
    expect(historyItems()).toEqual(EXPECTED_HISTORY);
    expect(within(visit).getByRole('button', { name: 'Hide status history' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    expect(requests).toEqual([
      'patient 11',
      'admissions ?patient=11&page=1&page_size=10',
      'appointments ?history=true&patient=11&page=1&page_size=10',
      'appointment 31',
    ]);
  });

  it('says a patient who is not theirs was not found, without "Try again", and reads nothing else', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    const requests: string[] = [];
    server.use(
      http.get('/api/v1/patients/{id}/', ({ params, response }) => {
        requests.push(`patient ${params.id}`);
        return response(404).json(errorBody('NOT_FOUND', 'Not found.'));
      }),
      http.get('/api/v1/admissions/', ({ response }) => {
        requests.push('admissions');
        return response(200).json(page([]));
      }),
      http.get('/api/v1/appointments/', ({ response }) => {
        requests.push('appointments');
        return response(200).json(page([]));
      }),
    );
    renderApp('/doctor/patients/99');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Patient not found' }),
    ).toBeVisible();
    expect(screen.getByText('There is no patient of yours at this address.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← My patients' })).toHaveAttribute(
      'href',
      '/doctor/patients',
    );
    expect(requests).toEqual(['patient 99']);
  });

  it('offers "Try again" when the server fails', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    server.use(
      http.get('/api/v1/patients/{id}/', ({ response }) =>
        response(503).json(errorBody('SERVICE_UNAVAILABLE', 'Try later.')),
      ),
    );
    renderApp('/doctor/patients/11');

    expect(await screen.findByText('Could not load the patient')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('is reached from "My patients"', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    server.use(
      http.get('/api/v1/patients/', ({ response }) => response(200).json(page([patientRecord()]))),
    );
    renderApp('/doctor/patients');

    expect(await screen.findByRole('link', { name: "Open Ravi Kumar's page" })).toHaveAttribute(
      'href',
      '/doctor/patients/11',
    );
  });
});

describe("the doctor's appointment history", () => {
  it('lists past appointments newest first (history=true) with links to each one', async () => {
    mockAuth.refreshCookieUser = users.doctor;
    const searches: string[] = [];
    server.use(
      http.get('/api/v1/appointments/', ({ request, response }) => {
        searches.push(new URL(request.url).search);
        return response(200).json(
          page([
            cancelled,
            appointmentRecord({
              id: 30,
              starts_at: '2026-11-10T04:30:00Z',
              ends_at: '2026-11-10T05:00:00Z',
              status: 'COMPLETED',
              reason: 'First visit',
            }),
          ]),
        );
      }),
    );
    const { user } = renderApp('/doctor/appointments/history');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Appointment history' }),
    ).toBeVisible();
    expect(await screen.findByText('2 appointments, newest first')).toBeVisible();
    const [newest, older] = screen.getAllByRole('article');
    if (newest === undefined || older === undefined) throw new Error('Two cards expected.');
    const cards = [newest, older];
    expect(cards.map((card) => within(card).getByText(/Nov \d+, 2026/).textContent)).toEqual([
      'Nov 20, 2026, 10:00 AM–10:30 AM',
      'Nov 10, 2026, 10:00 AM–10:30 AM',
    ]);
    expect(within(newest).getByText('Cancelled')).toBeVisible();
    expect(within(newest).getByText('Doctor on leave')).toBeVisible();
    expect(within(older).getByText('Completed')).toBeVisible();
    expect(within(older).getByText('First visit')).toBeVisible();
    expect(
      within(older).getByRole('link', {
        name: 'Details and status history of Nov 10, 2026, 10:00 AM–10:30 AM with Ravi Kumar',
      }),
    ).toHaveAttribute('href', '/doctor/appointments/30');
    expect(
      within(older).getByRole('link', { name: "Open Ravi Kumar's page" }),
    ).toHaveAttribute('href', '/doctor/patients/11');
    expect(searches).toEqual(['?history=true&page=1&page_size=25']);

    const tabs = screen.getByRole('navigation', { name: 'Appointment views' });
    expect(within(tabs).getByRole('link', { name: 'History' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(within(tabs).getByRole('link', { name: 'Upcoming' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'My appointments' }),
    ).toBeVisible();
    expect(
      within(screen.getByRole('navigation', { name: 'Appointment views' })).getByRole('link', {
        name: 'Upcoming',
      }),
    ).toHaveAttribute('aria-current', 'page');
  });
});

describe('the appointment page', () => {
  function serveDetail(status = 200) {
    const opened: string[] = [];
    server.use(
      http.get('/api/v1/appointments/{id}/', ({ params, response }) => {
        opened.push(params.id);
        if (status === 404) {
          return response(404).json(errorBody('NOT_FOUND', 'Not found.'));
        }
        return response(200).json(appointmentDetail(cancelled, { history: HISTORY }));
      }),
    );
    return opened;
  }

  it.each([
    ['admin', users.admin, '/admin/appointments/31', '← Appointments', '/admin/appointments'],
    ['doctor', users.doctor, '/doctor/appointments/31', '← My appointments', '/doctor/appointments'],
    [
      'patient',
      users.patient,
      '/patient/appointments/31',
      '← My appointments',
      '/patient/appointments',
    ],
  ])('shows the %s the appointment and its status history', async (role, user, path, back, list) => {
    mockAuth.refreshCookieUser = user;
    const opened = serveDetail();
    renderApp(path);

    expect(await screen.findByRole('heading', { level: 1, name: 'Appointment' })).toBeVisible();
    expect(screen.getByText('Nov 20, 2026, 10:00 AM–10:30 AM')).toBeVisible();
    const details = screen.getByRole('region', { name: 'Details' });
    expect(screen.getByText('Cancelled')).toBeVisible();
    expect(within(details).getByText('Follow-up on chest pain')).toBeVisible();
    expect(within(details).getByText('Nov 18, 2026, 10:30 AM')).toBeVisible();
    expect(within(details).getByText('Doctor on leave')).toBeVisible();
    expect(historyItems()).toEqual(EXPECTED_HISTORY);
    expect(screen.getByRole('link', { name: back })).toHaveAttribute('href', list);
    if (role === 'patient') {
      expect(within(details).queryByText('Patient')).not.toBeInTheDocument();
      expect(within(details).getByText('Dr. Meera Iyer, Cardiologist')).toBeVisible();
    } else {
      expect(within(details).getByRole('link', { name: 'Ravi Kumar' })).toHaveAttribute(
        'href',
        `/${role}/patients/11`,
      );
    }
    expect(opened).toEqual(['31']);
  });

  it('says an appointment that is not yours was not found, without "Try again"', async () => {
    mockAuth.refreshCookieUser = users.patient;
    serveDetail(404);
    renderApp('/patient/appointments/77');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Appointment not found' }),
    ).toBeVisible();
    expect(screen.getByText('There is no appointment at this address.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it.each([
    ['admin', users.admin, '/admin/appointments'],
    ['patient', users.patient, '/patient/appointments'],
    ['doctor', users.doctor, '/doctor/appointments'],
  ])("is linked from the %s's appointments list", async (role, user, path) => {
    mockAuth.refreshCookieUser = user;
    server.use(
      http.get('/api/v1/appointments/', ({ response }) =>
        response(200).json(page([appointmentRecord()])),
      ),
    );
    renderApp(path);

    const link =
      role === 'admin'
        ? await screen.findByRole('link', { name: 'Jan 5, 2099, 9:00 AM' })
        : await screen.findByRole('link', { name: /^Details and status history of Jan 5, 2099, 9:00 AM/ });
    expect(link).toHaveAttribute('href', `/${role}/appointments/31`);
  });
});
