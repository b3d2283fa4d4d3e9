import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { mockAuth, server } from '@/test/server';
import {
  FUTURE_END,
  FUTURE_START,
  PAST_END,
  PAST_START,
  appointmentDetail,
  appointmentRecord,
  invoiceRecord,
  page,
  patientDashboard,
} from '@/test/workspace-fixtures';

function signInAsPatient() {
  mockAuth.refreshCookieUser = users.patient;
}

describe('patient dashboard', () => {
  it("shows the assigned doctor's card, the admission and the next appointment", async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) =>
        response(200).json(
          patientDashboard({
            appointments: { next_appointment: appointmentRecord(), pending: 2 },
            admissions: {
              admission: 41,
              status: 'ADMITTED',
              admitted_on: '2026-11-24',
              discharged_on: null,
              invoices: 0,
            },
          }),
        ),
      ),
    );
    renderApp('/patient');

    const doctor = await screen.findByRole('region', { name: 'Your doctor' });
    expect(within(doctor).getByText('Dr. Meera Iyer')).toBeVisible();
    expect(within(doctor).getByText('Cardiologist')).toBeVisible();
    expect(within(doctor).getByRole('link', { name: '+919800000007' })).toBeVisible();
    expect(within(doctor).getByText('1 Hospital Road, Bengaluru')).toBeVisible();

    const stay = screen.getByRole('region', { name: 'Hospital stay' });
    expect(within(stay).getByText('Admitted')).toBeVisible();
    expect(within(stay).getByText('Admitted on Nov 24, 2026.')).toBeVisible();

    const next = screen.getByRole('region', { name: 'Next appointment' });
    expect(within(next).getByText('Jan 5, 2099, 9:00 AM–9:30 AM')).toBeVisible();
    expect(within(next).getByText('Dr. Meera Iyer (Cardiologist)')).toBeVisible();
    expect(
      within(next).getByRole('link', { name: "2 requests are waiting for the hospital's approval" }),
    ).toHaveAttribute('href', '/patient/appointments');
  });

  it('says when no doctor is assigned, nothing is booked and there was no stay', async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) =>
        response(200).json(patientDashboard({ assigned_doctor: null })),
      ),
    );
    renderApp('/patient');

    expect(
      await screen.findByText(
        'No doctor is assigned to you yet. The hospital assigns one; it will show here.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('You have no confirmed appointment coming up.')).toBeInTheDocument();
    expect(screen.getByText('You are not admitted to the hospital.')).toBeInTheDocument();
  });
});

describe('book an appointment', () => {
  const slots = [
    { starts_at: FUTURE_START, ends_at: FUTURE_END },
    { starts_at: '2099-01-05T04:00:00Z', ends_at: '2099-01-05T04:30:00Z' },
  ];

  async function chooseDateAndTime(user: ReturnType<typeof renderApp>['user'], time: string) {
    fireEvent.change(await screen.findByLabelText(/^Date/), { target: { value: '2099-01-05' } });
    await user.click(await screen.findByRole('radio', { name: time }));
  }

  it('books a free slot of the assigned doctor and says it waits for approval', async () => {
    signInAsPatient();
    const slotQueries: string[] = [];
    let booked: unknown = null;
    server.use(
      http.get('/api/v1/doctors/{id}/slots/', ({ params, request, response }) => {
        slotQueries.push(`${params.id} ${new URL(request.url).searchParams.get('date') ?? ''}`);
        return response(200).json(slots);
      }),
      http.post('/api/v1/appointments/', async ({ request, response }) => {
        booked = await request.json();
        return response(201).json(
          appointmentDetail(
            appointmentRecord({ status: 'PENDING', starts_at: '2099-01-05T04:00:00Z' }),
          ),
        );
      }),
    );
    const { user } = renderApp('/patient/book');

    // The assigned doctor is proposed.
    const doctor = await screen.findByRole('combobox', { name: /^Doctor/ });
    await waitFor(() => {
      expect(doctor).toHaveValue('Dr. Meera Iyer (Cardiologist)');
    });
    await chooseDateAndTime(user, '9:30 AM');
    expect(screen.getByRole('radio', { name: '9:00 AM' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Reason/), 'Chest pain after climbing stairs');
    await user.click(screen.getByRole('button', { name: 'Request appointment' }));

    const result = await screen.findByRole('status', { name: /Request sent/ });
    expect(result).toHaveTextContent(
      "You asked for an appointment with Dr. Meera Iyer on Jan 5, 2099, 9:30 AM. It is not confirmed yet: it waits for the hospital's approval.",
    );
    expect(booked).toEqual({
      doctor: 7,
      starts_at: '2099-01-05T04:00:00Z',
      reason: 'Chest pain after climbing stairs',
    });
    expect(slotQueries[0]).toBe('7 2099-01-05');
  });

  it('answers a taken slot with "choose another" and shows the free slots again', async () => {
    signInAsPatient();
    let free = slots;
    server.use(
      http.get('/api/v1/doctors/{id}/slots/', ({ response }) => response(200).json(free)),
      http.post('/api/v1/appointments/', ({ response }) => {
        // Someone else booked 9:00 a moment ago.
        free = slots.slice(1);
        return response(409).json(
          errorBody('SLOT_TAKEN', 'This doctor already has an appointment at this time.'),
        );
      }),
    );
    const { user } = renderApp('/patient/book');

    await chooseDateAndTime(user, '9:00 AM');
    await user.type(screen.getByLabelText(/^Reason/), 'Check-up');
    await user.click(screen.getByRole('button', { name: 'Request appointment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This slot was just taken, choose another.',
    );
    await waitFor(() => {
      expect(screen.queryByRole('radio', { name: '9:00 AM' })).not.toBeInTheDocument();
    });
    const remaining = screen.getByRole('radio', { name: '9:30 AM' });
    expect(remaining).not.toBeChecked();
    // The reason is kept; choosing another time and sending again is all it takes.
    expect(screen.getByLabelText(/^Reason/)).toHaveValue('Check-up');
  });

  it('says when a day has no free slot', async () => {
    signInAsPatient();
    server.use(http.get('/api/v1/doctors/{id}/slots/', ({ response }) => response(200).json([])));
    renderApp('/patient/book');

    fireEvent.change(await screen.findByLabelText(/^Date/), { target: { value: '2099-01-04' } });
    expect(
      await screen.findByText('No free times on Jan 4, 2099. Choose another date.'),
    ).toBeInTheDocument();
  });
});

describe('my appointments (patient)', () => {
  const rows = [
    appointmentRecord({ id: 1, status: 'PENDING', reason: 'Pending one' }),
    appointmentRecord({ id: 2, status: 'CONFIRMED', reason: 'Confirmed ahead' }),
    appointmentRecord({
      id: 3,
      status: 'CONFIRMED',
      reason: 'Confirmed started',
      starts_at: PAST_START,
      ends_at: PAST_END,
    }),
    appointmentRecord({
      id: 4,
      status: 'REJECTED',
      reason: 'Rejected one',
      status_reason: 'The doctor is away that week.',
    }),
    appointmentRecord({ id: 5, status: 'CANCELLED', reason: 'Cancelled one' }),
    appointmentRecord({
      id: 6,
      status: 'COMPLETED',
      reason: 'Completed one',
      starts_at: PAST_START,
      ends_at: PAST_END,
    }),
  ];

  function row(reason: string) {
    const element = screen.getByText(reason).closest('tr');
    if (element === null) throw new Error(`no row for ${reason}`);
    return element;
  }

  it('shows a badge per status, the rejection reason, and cancel only where allowed', async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/appointments/', ({ response }) => response(200).json(page(rows))),
    );
    renderApp('/patient/appointments');

    expect(await screen.findByText('Pending one')).toBeInTheDocument();
    const expected: [string, string, boolean][] = [
      ['Pending one', 'Pending approval', true],
      ['Confirmed ahead', 'Confirmed', true],
      ['Confirmed started', 'Confirmed', false],
      ['Rejected one', 'Rejected', false],
      ['Cancelled one', 'Cancelled', false],
      ['Completed one', 'Completed', false],
    ];
    for (const [reason, badge, cancellable] of expected) {
      const element = row(reason);
      expect(within(element).getByText(badge)).toBeVisible();
      expect(within(element).queryAllByRole('button', { name: /^Cancel appointment, / })).toHaveLength(
        cancellable ? 1 : 0,
      );
    }
    expect(within(row('Rejected one')).getByText('Why it was rejected')).toBeVisible();
    expect(within(row('Rejected one')).getByText('The doctor is away that week.')).toBeVisible();
    expect(within(row('Pending one')).getByText("Waiting for the hospital's approval.")).toBeVisible();
    const table = screen.getByRole('table', { name: 'My appointments' });
    expect(within(table).getAllByRole('row')[1]).toBe(row('Pending one'));
    expect(within(row('Pending one')).getByRole('button')).toHaveAccessibleName(
      'Cancel appointment, Jan 5, 2099, 9:00 AM',
    );
  });

  it('cancels a pending request after confirmation', async () => {
    signInAsPatient();
    let current = [rows[0]!];
    const cancelled: unknown[] = [];
    server.use(
      http.get('/api/v1/appointments/', ({ response }) => response(200).json(page(current))),
      http.post('/api/v1/appointments/{id}/cancel/', async ({ params, request, response }) => {
        cancelled.push({ id: params.id, body: await request.json() });
        current = [{ ...rows[0]!, status: 'CANCELLED', status_reason: 'Feeling better' }];
        return response(200).json(appointmentDetail(current[0]!));
      }),
    );
    const { user } = renderApp('/patient/appointments');

    await user.click(await screen.findByRole('button', { name: /^Cancel appointment, / }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this appointment?' });
    await user.type(within(dialog).getByLabelText(/^Reason/), 'Feeling better');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));

    expect(await screen.findByText('Appointment cancelled')).toBeInTheDocument();
    await waitFor(() => {
      expect(within(row('Pending one')).getByText('Cancelled')).toBeVisible();
    });
    expect(within(row('Pending one')).getByText('Feeling better')).toBeVisible();
    expect(within(row('Pending one')).queryByRole('button', { name: /^Cancel appointment, / })).toBeNull();
    expect(cancelled).toEqual([{ id: '1', body: { reason: 'Feeling better' } }]);
  });

  it('offers booking when there is no appointment', async () => {
    signInAsPatient();
    server.use(http.get('/api/v1/appointments/', ({ response }) => response(200).json(page([]))));
    renderApp('/patient/appointments');

    expect(await screen.findByText('You have no appointments yet')).toBeInTheDocument();
  });
});

describe('my invoices', () => {
  it('before discharge, says the invoice appears after discharge', async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/invoices/', ({ response }) => response(200).json(page([]))),
      http.get('/api/v1/dashboard/', ({ response }) =>
        response(200).json(
          patientDashboard({
            admissions: {
              admission: 41,
              status: 'ADMITTED',
              admitted_on: '2026-11-24',
              discharged_on: null,
              invoices: 0,
            },
          }),
        ),
      ),
    );
    renderApp('/patient/invoices');

    expect(
      await screen.findByText('Your invoice appears here after discharge'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'You are in hospital since Nov 24, 2026. The invoice for your stay is issued when you are discharged.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Download/ })).not.toBeInTheDocument();
  });

  it('lists the invoice with its total and downloads the PDF with the access token', async () => {
    signInAsPatient();
    const downloads: { auth: string | null }[] = [];
    server.use(
      http.get('/api/v1/invoices/', ({ response }) => response(200).json(page([invoiceRecord()]))),
      http.get('/api/v1/invoices/{id}/pdf/', ({ request, response }) => {
        downloads.push({ auth: request.headers.get('Authorization') });
        return response.untyped(
          new HttpResponse('%PDF-1.7 test', { headers: { 'Content-Type': 'application/pdf' } }),
        );
      }),
    );
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:invoice');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/patient/invoices');

    const invoice = (await screen.findByText('Invoice INV-2026-000042')).closest('tr')!;
    expect(within(invoice).getByText('₹3,350.00')).toBeVisible();
    expect(within(invoice).getByText('Nov 1, 2026 to Nov 5, 2026 (4 days)')).toBeVisible();
    expect(within(invoice).getByRole('link', { name: 'View invoice INV-2026-000042' })).toHaveAttribute(
      'href',
      '/patient/invoices/51',
    );

    await user.click(
      within(invoice).getByRole('button', { name: 'Download invoice INV-2026-000042 (PDF)' }),
    );
    await waitFor(() => {
      expect(saved).toEqual(['invoice-INV-2026-000042.pdf blob:invoice']);
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.auth).toMatch(/^Bearer access-ravi-/);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(await blob?.text()).toBe('%PDF-1.7 test');
  });

  it('shows one invoice with every charge line', async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(invoiceRecord()),
      ),
    );
    renderApp('/patient/invoices/51');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Invoice INV-2026-000042' }),
    ).toBeInTheDocument();
    const charges = screen.getByRole('table', { name: 'Charges' });
    const lines = within(charges)
      .getAllByRole('row')
      .map((line) => line.textContent);
    expect(lines).toEqual([
      'ItemAmount',
      'Room: 4 days × ₹500.00₹2,000.00',
      "Doctor's fee₹1,000.00",
      'Medicines₹250.00',
      'Other charges₹100.00',
      'Total₹3,350.00',
    ]);
  });

  it("answers another patient's invoice like a missing one", async () => {
    signInAsPatient();
    server.use(
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(404).json(errorBody('NOT_FOUND', 'Not found.')),
      ),
    );
    renderApp('/patient/invoices/999');

    expect(await screen.findByRole('heading', { name: 'Invoice not found' })).toBeInTheDocument();
    expect(screen.queryByText(/₹/)).not.toBeInTheDocument();
  });
});

describe('my profile', () => {
  it('saves contact details and shows server field errors next to the field', async () => {
    signInAsPatient();
    const patched: unknown[] = [];
    server.use(
      http.patch('/api/v1/auth/me/', async ({ request, response }) => {
        const body = (await request.json()) ?? {};
        patched.push(body);
        if (body.mobile === '123') {
          return response(400).json(
            errorBody('VALIDATION_ERROR', 'Invalid input.', { mobile: ['Enter a valid mobile number.'] }),
          );
        }
        return response(200).json({ ...users.patient, ...body });
      }),
    );
    const { user } = renderApp('/patient/profile');

    const mobile = await screen.findByRole('textbox', { name: /^Mobile/ });
    const address = screen.getByRole('textbox', { name: /^Address/ });
    await user.type(address, '7 New Street, Kochi');
    await user.clear(mobile);
    await user.type(mobile, '123');
    await user.click(screen.getByRole('button', { name: 'Save contact details' }));
    expect(await screen.findByText('Enter a valid mobile number.')).toBeInTheDocument();

    await user.clear(mobile);
    await user.type(mobile, '+919811111111');
    await user.click(screen.getByRole('button', { name: 'Save contact details' }));

    expect(await screen.findByText('Contact details saved')).toBeInTheDocument();
    expect(patched.at(-1)).toEqual({
      email: '',
      mobile: '+919811111111',
      address: '7 New Street, Kochi',
    });
  });

  it('changes the password and stays signed in on this device', async () => {
    signInAsPatient();
    let changed: unknown = null;
    server.use(
      http.post('/api/v1/auth/password/', async ({ request, response }) => {
        changed = await request.json();
        return response(204).empty();
      }),
    );
    const { user, router } = renderApp('/patient/profile');

    await user.type(await screen.findByLabelText(/^Current password/), 'correct-horse');
    await user.type(screen.getByLabelText(/^New password/), 'A-much-longer-password-42');
    await user.type(screen.getByLabelText(/^Repeat the new password/), 'A-much-longer-password-42');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/patient/profile');
    expect(screen.getByText('Every other device was signed out; this one stays signed in.')).toBeInTheDocument();
    expect(changed).toEqual({
      current_password: 'correct-horse',
      new_password: 'A-much-longer-password-42',
    });
  });
});
