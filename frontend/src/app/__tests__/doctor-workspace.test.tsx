import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import {
  FUTURE_END,
  FUTURE_START,
  PAST_END,
  PAST_START,
  admissionRecord,
  appointmentDetail,
  appointmentRecord,
  doctorDashboard,
  page,
  patientRecord,
} from '@/test/workspace-fixtures';

function signInAsDoctor() {
  mockAuth.refreshCookieUser = users.doctor;
}

/** The list's row of one patient (a table at this width). */
function card(name: string) {
  return screen.getByRole('row', { name: new RegExp(name) });
}

describe('doctor dashboard', () => {
  it("shows today's confirmed appointments and the patient counts", async () => {
    signInAsDoctor();
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) =>
        response(200).json(
          doctorDashboard({
            appointments: {
              upcoming_confirmed: 5,
              today: [
                {
                  id: 1,
                  starts_at: PAST_START,
                  ends_at: PAST_END,
                  patient: 11,
                  patient_name: 'Ravi Kumar',
                },
              ],
            },
          }),
        ),
      ),
    );
    renderApp('/doctor');

    expect(await screen.findByText('Ravi Kumar')).toBeInTheDocument();
    expect(screen.getByText('10:00 AM–10:30 AM')).toBeInTheDocument();
    const counts = {
      'Assigned patients': '12',
      'Admitted now': '3',
      'Discharged patients': '8',
      'Upcoming appointments': '5',
    };
    for (const [label, value] of Object.entries(counts)) {
      expect(within(screen.getByRole('region', { name: label })).getByText(value)).toBeVisible();
    }
  });

  it('says when there is no appointment today', async () => {
    signInAsDoctor();
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) => response(200).json(doctorDashboard())),
    );
    renderApp('/doctor');

    expect(await screen.findByText('No confirmed appointments today')).toBeInTheDocument();
  });
});

describe('my patients', () => {
  it('lists the assigned patients and searches by name or symptoms', async () => {
    signInAsDoctor();
    const searches: string[] = [];
    server.use(
      http.get('/api/v1/patients/', ({ request, response }) => {
        const search = new URL(request.url).searchParams.get('search') ?? '';
        searches.push(search);
        const all = [
          patientRecord(),
          patientRecord({
            id: 12,
            full_name: 'Anita Shah',
            symptoms: 'Migraine',
            mobile: '+919800000012',
            address: '9 Hill Street, Pune',
            is_admitted: true,
          }),
        ];
        const found = all.filter(
          (patient) =>
            search === '' ||
            patient.full_name.toLowerCase().includes(search.toLowerCase()) ||
            patient.symptoms.toLowerCase().includes(search.toLowerCase()),
        );
        return response(200).json(page(found));
      }),
    );
    const { user } = renderApp('/doctor/patients');

    expect(await screen.findByRole('row', { name: /Ravi Kumar/ })).toBeInTheDocument();
    const anita = card('Anita Shah');
    expect(within(anita).getByText('Migraine')).toBeVisible();
    expect(within(anita).getByRole('link', { name: '+919800000012' })).toHaveAttribute(
      'href',
      'tel:+919800000012',
    );
    expect(within(anita).getByText('9 Hill Street, Pune')).toBeVisible();
    expect(within(anita).getByText('Admitted')).toBeVisible();
    expect(within(card('Ravi Kumar')).queryByText('Admitted')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Search by name or symptoms'), 'migraine');
    await waitFor(() => {
      expect(screen.queryByRole('row', { name: /Ravi Kumar/ })).not.toBeInTheDocument();
    });
    expect(screen.getByRole('row', { name: /Anita Shah/ })).toBeInTheDocument();
    expect(searches.at(-1)).toBe('migraine');

    await user.clear(screen.getByLabelText('Search by name or symptoms'));
    await user.type(screen.getByLabelText('Search by name or symptoms'), 'nobody');
    expect(await screen.findByText('No patient matches “nobody”')).toBeInTheDocument();
  });

  it('says so when no patient is assigned', async () => {
    signInAsDoctor();
    server.use(http.get('/api/v1/patients/', ({ response }) => response(200).json(page([]))));
    renderApp('/doctor/patients');

    expect(await screen.findByText('No patients assigned to you yet')).toBeInTheDocument();
  });

  it('shows a readable error and tries again', async () => {
    signInAsDoctor();
    let calls = 0;
    server.use(
      http.get('/api/v1/patients/', ({ response }) => {
        calls += 1;
        if (calls === 1) return response(429).json(errorBody('THROTTLED', 'Slow down.'));
        return response(200).json(page([patientRecord()]));
      }),
    );
    const { user } = renderApp('/doctor/patients');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your patients');
    expect(alert).toHaveTextContent('Too many attempts. Please wait a minute and try again.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /Ravi Kumar/ })).toBeInTheDocument();
  });
});

describe('discharged patients', () => {
  it('lists discharged stays with dates, symptoms and contact details, and no money', async () => {
    signInAsDoctor();
    const statuses: (string | null)[] = [];
    server.use(
      http.get('/api/v1/admissions/', ({ request, response }) => {
        statuses.push(new URL(request.url).searchParams.get('status'));
        return response(200).json(
          page([
            admissionRecord(),
            admissionRecord({
              id: 42,
              patient: 13,
              patient_name: 'Omar Haddad',
              patient_mobile: '+971500000013',
              patient_address: '7 Corniche Road',
            }),
          ]),
        );
      }),
    );
    renderApp('/doctor/discharged');

    expect(await screen.findByRole('row', { name: /Ravi Kumar/ })).toBeInTheDocument();
    const ravi = card('Ravi Kumar');
    expect(within(ravi).getByText('Nov 1, 2026')).toBeVisible();
    expect(within(ravi).getByText('Nov 5, 2026')).toBeVisible();
    expect(within(ravi).getByText('Chest pain on exertion')).toBeVisible();
    expect(within(ravi).getByText('+919800000011')).toBeVisible();
    expect(within(ravi).getByText('4 Lake Road, Kochi')).toBeVisible();
    // The stay keeps the contact details even when the patient is now assigned elsewhere.
    expect(within(card('Omar Haddad')).getByText('+971500000013')).toBeVisible();
    expect(within(card('Omar Haddad')).getByText('7 Corniche Road')).toBeVisible();
    expect(statuses).toEqual(['DISCHARGED']);
    expect(screen.queryByText(/₹|500\.00|Total/)).not.toBeInTheDocument();
  });

  it('says so when nobody was discharged yet', async () => {
    signInAsDoctor();
    server.use(http.get('/api/v1/admissions/', ({ response }) => response(200).json(page([]))));
    renderApp('/doctor/discharged');

    expect(await screen.findByText('No discharged patients yet')).toBeInTheDocument();
  });
});

describe('my appointments (doctor)', () => {
  const started = appointmentRecord({ id: 31, starts_at: PAST_START, ends_at: PAST_END });
  const upcoming = appointmentRecord({
    id: 32,
    starts_at: FUTURE_START,
    ends_at: FUTURE_END,
    reason: 'Blood pressure check',
    patient: 12,
    patient_details: {
      id: 12,
      full_name: 'Anita Shah',
      mobile: '+919800000012',
      address: '9 Hill Street, Pune',
      symptoms: 'Migraine',
    },
  });

  it('lists confirmed appointments with the patient, and marks a started one attended', async () => {
    signInAsDoctor();
    let rows = [started, upcoming];
    const completed: string[] = [];
    server.use(
      http.get('/api/v1/appointments/', ({ response }) => response(200).json(page(rows))),
      http.post('/api/v1/appointments/{id}/complete/', ({ params, response }) => {
        completed.push(params.id);
        rows = rows.filter((row) => String(row.id) !== params.id);
        return response(200).json(appointmentDetail({ ...started, status: 'COMPLETED' }));
      }),
    );
    const { user } = renderApp('/doctor/appointments');

    expect(await screen.findByRole('row', { name: /Ravi Kumar/ })).toBeInTheDocument();
    const ravi = card('Ravi Kumar');
    expect(within(ravi).getByText('Nov 20, 2026, 10:00 AM–10:30 AM')).toBeVisible();
    expect(within(ravi).getByText('Follow-up on chest pain')).toBeVisible();
    expect(within(ravi).getByText('Chest pain')).toBeVisible();
    expect(within(ravi).getByText('+919800000011')).toBeVisible();
    expect(within(ravi).getByText('4 Lake Road, Kochi')).toBeVisible();
    // Not started yet: the API would refuse, so there is no button.
    const anita = card('Anita Shah');
    expect(within(anita).queryByRole('button', { name: /^Mark as attended/ })).toBeNull();
    expect(within(anita).getByText('You can mark it attended once it has started.')).toBeVisible();

    await user.click(within(ravi).getByRole('button', { name: 'Mark as attended, Ravi Kumar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as attended?' });
    expect(dialog).toHaveTextContent(
      'The appointment with Ravi Kumar on Nov 20, 2026, 10:00 AM becomes completed and leaves your list.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Mark as attended' }));

    expect(await screen.findByText('Marked as attended')).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByRole('row', { name: /Ravi Kumar/ })).not.toBeInTheDocument();
    });
    expect(completed).toEqual(['31']);
    expect(card('Anita Shah')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the row and explains a refusal from the server', async () => {
    signInAsDoctor();
    server.use(
      http.get('/api/v1/appointments/', ({ response }) => response(200).json(page([started]))),
      http.post('/api/v1/appointments/{id}/complete/', ({ response }) =>
        response(409).json(
          errorBody('INVALID_STATE', 'This appointment was cancelled by the patient.'),
        ),
      ),
    );
    const { user } = renderApp('/doctor/appointments');

    await user.click(await screen.findByRole('button', { name: 'Mark as attended, Ravi Kumar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as attended?' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as attended' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This appointment was cancelled by the patient.',
    );
    expect(card('Ravi Kumar')).toBeInTheDocument();
  });

  it('says so when there is no confirmed appointment', async () => {
    signInAsDoctor();
    server.use(http.get('/api/v1/appointments/', ({ response }) => response(200).json(page([]))));
    renderApp('/doctor/appointments');

    expect(await screen.findByText('No confirmed appointments')).toBeInTheDocument();
  });
});
