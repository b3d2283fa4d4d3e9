import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { doctorRecord, signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import {
  FUTURE_END,
  FUTURE_START,
  appointmentDetail,
  appointmentRecord,
  page,
  patientRecord,
} from '@/test/workspace-fixtures';

/** 9:30-10:00 in Kolkata on 5 Jan 2099, the slot after FUTURE_START. */
const LATER_START = '2099-01-05T04:00:00Z';
const LATER_END = '2099-01-05T04:30:00Z';

const pending = appointmentRecord({ id: 32, status: 'PENDING' });
const confirmed = appointmentRecord({
  id: 33,
  status: 'CONFIRMED',
  patient: 12,
  patient_details: {
    id: 12,
    full_name: 'Elena Petrova',
    mobile: '+919800000012',
    address: '9 Hill Road, Ooty',
    symptoms: 'Headache',
  },
  starts_at: LATER_START,
  ends_at: LATER_END,
  reason: 'Headache for a week',
});

/** Answer the appointment lists from the rows given, by the `status` asked for. */
function appointmentsBy(rows: () => (typeof pending)[]) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get('/api/v1/appointments/', ({ request, response }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const status = query.get('status');
      return response(200).json(
        page(rows().filter((row) => status === null || row.status === status)),
      );
    }),
  );
  return queries;
}

describe('admin: appointments list', () => {
  it('lists appointments in the hospital’s time, by status and dates', async () => {
    signInAsAdmin();
    const queries = appointmentsBy(() => [pending, confirmed]);
    const { user, router } = renderApp('/admin/appointments');

    const table = await screen.findByRole('table', { name: 'Appointments, All' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(
      /^Jan 5, 2099, 9:00\sAMRavi Kumar\+919800000011Meera IyerCardiologistFollow-up on chest painPending approvalApproveRejectCancel$/,
    );
    expect(rows[2]).toHaveTextContent(/^Jan 5, 2099, 9:30\sAMElena Petrova.*ConfirmedCancel$/);

    await user.click(screen.getByRole('tab', { name: 'Pending approval' }));
    await waitFor(() => {
      expect(queries.at(-1)?.get('status')).toBe('PENDING');
    });
    // Requests to decide on come soonest first.
    expect(queries.at(-1)?.get('ordering')).toBe('starts_at');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2099-01-05' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2099-01-06' } });
    await waitFor(() => {
      expect(queries.at(-1)?.toString()).toBe(
        'status=PENDING&date_from=2099-01-05&date_to=2099-01-06&ordering=starts_at&page=1&page_size=25',
      );
    });
    expect(router.state.location.search).toBe('?status=PENDING&from=2099-01-05&to=2099-01-06');
  });

  it('says so when nothing matches the dates', async () => {
    signInAsAdmin();
    appointmentsBy(() => []);
    renderApp('/admin/appointments?from=2099-02-01');

    expect(await screen.findByText('No appointments match these filters.')).toBeVisible();
  });

  it('explains a failure to load', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/appointments/', ({ response }) =>
        response(400).json(errorBody('VALIDATION_ERROR', 'Invalid input.', { date_from: ['Enter a valid date.'] })),
      ),
    );
    renderApp('/admin/appointments');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the appointments');
    expect(alert).toHaveTextContent('Some fields need attention. Please check the form.');
  });
});

describe('admin: deciding on appointments', () => {
  it('approves a pending request', async () => {
    signInAsAdmin();
    let current = pending;
    appointmentsBy(() => [current]);
    const approvals: string[] = [];
    server.use(
      http.post('/api/v1/appointments/{id}/approve/', ({ params, response }) => {
        approvals.push(params.id);
        current = { ...pending, status: 'CONFIRMED' };
        return response(200).json(appointmentDetail(current));
      }),
    );
    const { user } = renderApp('/admin/appointments?status=PENDING');

    await user.click(await screen.findByRole('button', { name: /^Approve Ravi Kumar, Jan 5, 2099/ }));

    expect(await screen.findByText('Appointment confirmed')).toBeVisible();
    expect(screen.getByText(/^Ravi Kumar with Meera Iyer, Jan 5, 2099, 9:00\sAM\.$/)).toBeVisible();
    expect(await screen.findByText('No request is waiting for approval.')).toBeVisible();
    expect(approvals).toEqual(['32']);
  });

  it('rejects a request only with a reason, which it sends', async () => {
    signInAsAdmin();
    appointmentsBy(() => [pending]);
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/v1/appointments/{id}/reject/', async ({ request, response }) => {
        bodies.push(await request.json());
        return response(200).json(appointmentDetail({ ...pending, status: 'REJECTED' }));
      }),
    );
    const { user } = renderApp('/admin/appointments');

    await user.click(await screen.findByRole('button', { name: /^Reject Ravi Kumar/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the request' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject request' }));
    expect(await within(dialog).findByText('Give a reason.')).toBeVisible();
    expect(bodies).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Reason/), 'The doctor is away that week');
    await user.click(within(dialog).getByRole('button', { name: 'Reject request' }));

    expect(await screen.findByText('Ravi Kumar sees your reason.')).toBeVisible();
    expect(bodies).toEqual([{ reason: 'The doctor is away that week' }]);
  });

  it('cancels a confirmed appointment and shows a refusal in words', async () => {
    signInAsAdmin();
    appointmentsBy(() => [confirmed]);
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/v1/appointments/{id}/cancel/', async ({ request, response }) => {
        bodies.push(await request.json());
        if (bodies.length === 1) {
          return response(409).json(
            errorBody('INVALID_STATE', 'Only a pending or confirmed appointment can be cancelled.'),
          );
        }
        return response(200).json(appointmentDetail({ ...confirmed, status: 'CANCELLED' }));
      }),
    );
    const { user } = renderApp('/admin/appointments?status=CONFIRMED');

    await user.click(await screen.findByRole('button', { name: /^Cancel Elena Petrova/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the appointment' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a pending or confirmed appointment can be cancelled.',
    );

    await user.type(within(dialog).getByLabelText(/^Reason/), 'Asked by phone');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));

    expect(await screen.findByText('Appointment cancelled')).toBeVisible();
    expect(bodies).toEqual([{ reason: '' }, { reason: 'Asked by phone' }]);
  });
});

describe('admin: booking an appointment', () => {
  function bookingApi(options: { taken?: boolean } = {}) {
    const slotRequests: { doctor: string; date: string | null }[] = [];
    const bookings: unknown[] = [];
    server.use(
      http.get('/api/v1/patients/{id}/', ({ response }) => response(200).json(patientRecord())),
      http.get('/api/v1/doctors/', ({ response }) => response(200).json(page([doctorRecord()]))),
      http.get('/api/v1/doctors/{id}/slots/', ({ params, query, response }) => {
        slotRequests.push({ doctor: params.id, date: query.get('date') });
        return response(200).json(
          query.get('date') === '2099-01-05'
            ? [
                { starts_at: FUTURE_START, ends_at: FUTURE_END },
                { starts_at: LATER_START, ends_at: LATER_END },
              ]
            : [],
        );
      }),
      http.post('/api/v1/appointments/', async ({ request, response }) => {
        bookings.push(await request.json());
        if (options.taken === true) {
          return response(409).json(
            errorBody('SLOT_TAKEN', 'This slot was just taken. Choose another one.'),
          );
        }
        return response(201).json(appointmentDetail(appointmentRecord({ starts_at: LATER_START })));
      }),
    );
    return { slotRequests, bookings };
  }

  it('books a free slot of the patient’s doctor: the appointment is confirmed', async () => {
    signInAsAdmin();
    const { slotRequests, bookings } = bookingApi();
    appointmentsBy(() => [appointmentRecord({ starts_at: LATER_START })]);
    const { user, router } = renderApp('/admin/appointments/new?patient=11');

    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    await waitFor(() => {
      expect(within(form).getByRole('combobox', { name: /^Doctor/ })).toHaveValue('Meera Iyer');
    });
    fireEvent.change(within(form).getByLabelText(/^Day/), { target: { value: '2099-01-06' } });
    expect(await within(form).findByText('No free slots on this day. Try another day.')).toBeVisible();

    fireEvent.change(within(form).getByLabelText(/^Day/), { target: { value: '2099-01-05' } });
    const slots = within(form).getByRole('group', { name: 'Free slots' });
    await user.click(await within(slots).findByText(/^9:30\sAM$/));
    expect(within(slots).getByRole('radio', { name: /^9:30\sAM$/ })).toBeChecked();
    await user.type(within(form).getByLabelText(/^Reason/), 'Follow-up on chest pain');
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    expect(await screen.findByText('Appointment booked')).toBeVisible();
    expect(bookings).toEqual([
      { patient: 11, doctor: 7, starts_at: LATER_START, reason: 'Follow-up on chest pain' },
    ]);
    expect(slotRequests).toContainEqual({ doctor: '7', date: '2099-01-05' });
    await waitFor(() => {
      expect(router.state.location.search).toBe('?status=CONFIRMED');
    });
    expect(router.state.location.pathname).toBe('/admin/appointments');
  });

  it('asks for a slot, and says so when the slot was taken meanwhile', async () => {
    signInAsAdmin();
    const { slotRequests, bookings } = bookingApi({ taken: true });
    const { user } = renderApp('/admin/appointments/new?patient=11');

    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    await waitFor(() => {
      expect(within(form).getByRole('combobox', { name: /^Doctor/ })).toHaveValue('Meera Iyer');
    });
    fireEvent.change(within(form).getByLabelText(/^Day/), { target: { value: '2099-01-05' } });
    await user.type(within(form).getByLabelText(/^Reason/), 'Follow-up');
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));
    expect(await within(form).findByText('Choose a free slot.')).toBeVisible();
    expect(bookings).toEqual([]);

    const slots = within(form).getByRole('group', { name: 'Free slots' });
    await user.click(await within(slots).findByText(/^9:00\sAM$/));
    const before = slotRequests.length;
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    expect(await within(form).findByText('This slot was just taken. Choose another one.')).toBeVisible();
    expect(within(slots).getByRole('radio', { name: /^9:00\sAM$/ })).not.toBeChecked();
    // The free slots are asked for again.
    await waitFor(() => {
      expect(slotRequests.length).toBeGreaterThan(before);
    });
  });
});
