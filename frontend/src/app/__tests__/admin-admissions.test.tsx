import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { dateInputText } from '@/components/date-field';
import { todayIn } from '@/lib/format';
import { doctorRecord, invoicePreview, signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody, hospital } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import {
  admissionRecord,
  invoiceRecord,
  page,
  patientRecord,
} from '@/test/workspace-fixtures';

const TODAY = todayIn(hospital.time_zone);

/** Ravi Kumar, admitted today at 500.00 a day. */
const current = admissionRecord({
  admitted_on: TODAY,
  discharged_on: null,
  discharged_at: null,
  status: 'ADMITTED',
  invoice: null,
  room_charge_per_day: '500.00',
});

function rowsOf(table: HTMLElement): (string | null)[] {
  return within(table)
    .getAllByRole('row')
    .map((row) => row.textContent);
}

describe('admin: discharge with a live bill preview', () => {
  it('shows the server’s bill for the entries exactly as sent, then discharges and opens the invoice', async () => {
    signInAsAdmin();
    const previews: unknown[] = [];
    const discharges: unknown[] = [];
    server.use(
      http.get('/api/v1/admissions/{id}/', ({ response }) =>
        response(200).json(current),
      ),
      http.post(
        '/api/v1/admissions/{id}/discharge/preview/',
        async ({ request, response }) => {
          previews.push(await request.json());
          // A same-day stay is billed as one day: the server's rule, not the browser's.
          return response(200).json(
            invoicePreview({
              admitted_on: TODAY,
              discharged_on: TODAY,
              days: 1,
              room_charge_per_day: '500.00',
              room_charge: '500.00',
              doctor_fee: '1000.00',
              medicine_cost: '250.50',
              other_charge: '100.00',
              total: '1850.50',
            }),
          );
        },
      ),
      http.post('/api/v1/admissions/{id}/discharge/', async ({ request, response }) => {
        discharges.push(await request.json());
        return response(201).json(invoiceRecord({ total: '1850.50' }));
      }),
      http.get('/api/v1/invoices/{id}/', ({ response }) =>
        response(200).json(invoiceRecord({ total: '1850.50' })),
      ),
    );
    const { user, router } = renderApp('/admin/admissions/41');

    const form = await screen.findByRole('form', { name: 'Discharge' });
    const confirm = within(form).getByRole('button', { name: 'Discharge and issue invoice' });
    expect(within(form).getByLabelText(/^Discharge date/)).toHaveValue(dateInputText(TODAY));
    expect(within(form).getByLabelText(/^Daily room charge/)).toHaveValue('500.00');
    expect(within(form).getByText('Fill in the date and every charge to see the bill.')).toBeVisible();

    await user.type(within(form).getByLabelText(/^Doctor fee/), '1000');
    await user.type(within(form).getByLabelText(/^Medicine cost/), '250.5');
    await user.clear(within(form).getByLabelText(/^Other charges/));
    await user.type(within(form).getByLabelText(/^Other charges/), '100');

    const bill = await within(form).findByRole('table', { name: 'Bill preview' });
    await waitFor(() => {
      expect(confirm).toBeEnabled();
    });
    expect(rowsOf(bill)).toEqual([
      `Stay${dateShown(TODAY)} – ${dateShown(TODAY)}`,
      'Days billed1',
      'Room charge (1 × ₹500.00)₹500.00',
      'Doctor fee₹1,000.00',
      'Medicine cost₹250.50',
      'Other charges₹100.00',
      'Total₹1,850.50',
    ]);
    // The amounts go to the server as typed, never parsed or recomputed in the browser.
    expect(previews.at(-1)).toEqual({
      discharged_on: TODAY,
      room_charge_per_day: '500.00',
      doctor_fee: '1000',
      medicine_cost: '250.5',
      other_charge: '100',
    });
    expect(discharges).toEqual([]);

    await user.click(confirm);
    const dialog = await screen.findByRole('dialog', { name: 'Discharge Ravi Kumar?' });
    expect(dialog).toHaveTextContent(
      'The admission closes and invoice for ₹1,850.50 is issued. An issued invoice cannot be changed.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Discharge and issue invoice' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Invoice INV-2026-000042' }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/admin/invoices/51');
    expect(screen.getByText('Invoice INV-2026-000042 for ₹1,850.50 was issued.')).toBeVisible();
    expect(discharges).toEqual([previews.at(-1)]);
  });

  it('asks again when an entry changes and waits for the new bill before allowing the discharge', async () => {
    signInAsAdmin();
    const fees: string[] = [];
    server.use(
      http.get('/api/v1/admissions/{id}/', ({ response }) =>
        response(200).json(current),
      ),
      http.post(
        '/api/v1/admissions/{id}/discharge/preview/',
        async ({ request, response }) => {
          const body = await request.json();
          fees.push(body.doctor_fee);
          return response(200).json(
            invoicePreview({ doctor_fee: `${body.doctor_fee}.00`, total: `${body.doctor_fee}.00` }),
          );
        },
      ),
    );
    const { user } = renderApp('/admin/admissions/41');

    const form = await screen.findByRole('form', { name: 'Discharge' });
    await user.type(within(form).getByLabelText(/^Doctor fee/), '700');
    await user.type(within(form).getByLabelText(/^Medicine cost/), '0');
    const bill = await within(form).findByRole('table', { name: 'Bill preview' });
    await waitFor(() => {
      expect(rowsOf(bill).at(-1)).toBe('Total₹700.00');
    });

    await user.type(within(form).getByLabelText(/^Doctor fee/), '0');
    // Until the server has answered for 7000, the discharge waits.
    expect(within(form).getByRole('button', { name: 'Discharge and issue invoice' })).toBeDisabled();
    await waitFor(() => {
      expect(rowsOf(bill).at(-1)).toBe('Total₹7,000.00');
    });
    expect(within(form).getByRole('button', { name: 'Discharge and issue invoice' })).toBeEnabled();
    expect(fees.at(-1)).toBe('7000');
  });

  it('shows why the server cannot compute the bill, and does not allow the discharge', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/admissions/{id}/', ({ response }) =>
        response(200).json({ ...current, admitted_on: '2026-11-01' }),
      ),
      http.post('/api/v1/admissions/{id}/discharge/preview/', ({ response }) =>
        response(400).json(
          errorBody('VALIDATION_ERROR', 'Invalid input.', {
            other_charge: ['Ensure that there are no more than 8 digits before the decimal point.'],
          }),
        ),
      ),
    );
    const { user } = renderApp('/admin/admissions/41');

    const form = await screen.findByRole('form', { name: 'Discharge' });
    fireEvent.change(within(form).getByLabelText(/^Discharge date/), {
      target: { value: '2026-11-20' },
    });
    await user.type(within(form).getByLabelText(/^Doctor fee/), '1');
    await user.type(within(form).getByLabelText(/^Medicine cost/), '1');

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The bill cannot be computed');
    expect(alert).toHaveTextContent(
      'Ensure that there are no more than 8 digits before the decimal point.',
    );
    expect(within(form).getByRole('button', { name: 'Discharge and issue invoice' })).toBeDisabled();
  });

  it('checks the entries before asking: a discharge before the admission date', async () => {
    signInAsAdmin();
    let previews = 0;
    server.use(
      http.get('/api/v1/admissions/{id}/', ({ response }) =>
        response(200).json({ ...current, admitted_on: '2026-11-10' }),
      ),
      http.post('/api/v1/admissions/{id}/discharge/preview/', ({ response }) => {
        previews += 1;
        return response(200).json(invoicePreview());
      }),
    );
    const { user } = renderApp('/admin/admissions/41');

    const form = await screen.findByRole('form', { name: 'Discharge' });
    const date = within(form).getByLabelText(/^Discharge date/);
    fireEvent.change(date, { target: { value: '2026-11-09' } });
    fireEvent.blur(date);
    await user.type(within(form).getByLabelText(/^Doctor fee/), '10');
    await user.type(within(form).getByLabelText(/^Medicine cost/), 'abc');
    await user.tab();

    // Each wrong entry says what is wrong as the admin leaves it; nothing is asked meanwhile.
    expect(
      within(form).getByText('The discharge date cannot be before the admission date.'),
    ).toBeVisible();
    expect(within(form).getByText('Enter an amount like 1500 or 1500.50.')).toBeVisible();
    expect(within(form).getByText('Fill in the date and every charge to see the bill.')).toBeVisible();
    // Pressing the button with wrong entries asks nothing and opens no confirmation.
    await user.click(within(form).getByRole('button', { name: 'Discharge and issue invoice' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(previews).toBe(0);
  });

  it('says which charge is wrong when one is negative, and sends nothing', async () => {
    signInAsAdmin();
    const requests: string[] = [];
    server.use(
      http.get('/api/v1/admissions/{id}/', ({ response }) => response(200).json(current)),
      http.post('/api/v1/admissions/{id}/discharge/preview/', ({ response }) => {
        requests.push('preview');
        return response(200).json(invoicePreview());
      }),
      http.post('/api/v1/admissions/{id}/discharge/', ({ response }) => {
        requests.push('discharge');
        return response(201).json(invoiceRecord());
      }),
    );
    const { user } = renderApp('/admin/admissions/41');

    const form = await screen.findByRole('form', { name: 'Discharge' });
    await user.type(within(form).getByLabelText(/^Doctor fee/), '1000');
    await user.type(within(form).getByLabelText(/^Medicine cost/), '-250');
    await user.click(within(form).getByRole('button', { name: 'Discharge and issue invoice' }));

    const medicine = within(form).getByLabelText(/^Medicine cost/);
    expect(medicine).toHaveAttribute('aria-invalid', 'true');
    expect(medicine).toHaveAccessibleDescription('The amount cannot be negative.');
    expect(medicine).toHaveFocus();
    for (const label of [/^Doctor fee/, /^Daily room charge/, /^Other charges/, /^Discharge date/]) {
      expect(within(form).getByLabelText(label)).not.toHaveAttribute('aria-invalid', 'true');
    }
    expect(screen.queryByRole('dialog')).toBeNull();
    // Long enough for a debounced preview to have gone out, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests).toEqual([]);
  });

  it('keeps the confirmation open with the server’s answer when the stay was already discharged', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/admissions/{id}/', ({ response }) =>
        response(200).json(current),
      ),
      http.post('/api/v1/admissions/{id}/discharge/preview/', ({ response }) =>
        response(200).json(invoicePreview()),
      ),
      http.post('/api/v1/admissions/{id}/discharge/', ({ response }) =>
        response(409).json(errorBody('INVALID_STATE', 'This admission is already discharged.')),
      ),
    );
    const { user } = renderApp('/admin/admissions/41');

    const form = await screen.findByRole('form', { name: 'Discharge' });
    await user.type(within(form).getByLabelText(/^Doctor fee/), '1000');
    await user.type(within(form).getByLabelText(/^Medicine cost/), '250');
    const confirm = within(form).getByRole('button', { name: 'Discharge and issue invoice' });
    await waitFor(() => {
      expect(confirm).toBeEnabled();
    });
    await user.click(confirm);
    const dialog = await screen.findByRole('dialog', { name: 'Discharge Ravi Kumar?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discharge and issue invoice' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This admission is already discharged.',
    );
  });
});

describe('admin: admissions list', () => {
  it('lists who is in hospital, and the discharged stays with their invoices', async () => {
    signInAsAdmin();
    const statuses: (string | null)[] = [];
    server.use(
      http.get('/api/v1/admissions/', ({ query, response }) => {
        statuses.push(query.get('status'));
        return response(200).json(
          query.get('status') === 'DISCHARGED' ? page([admissionRecord()]) : page([current]),
        );
      }),
    );
    const { user } = renderApp('/admin/admissions');

    const inHospital = await screen.findByRole('table', { name: 'Admissions, In hospital' });
    expect(rowsOf(inHospital)).toEqual([
      'PatientDoctorAdmittedRoomActions',
      `Ravi KumarChest pain on exertionMeera IyerCardiologist${dateShown(TODAY)}B-12Discharge`,
    ]);
    expect(within(inHospital).getByRole('link', { name: 'Discharge Ravi Kumar' })).toHaveAttribute(
      'href',
      '/admin/admissions/41',
    );

    await user.click(screen.getByRole('tab', { name: 'Discharged' }));
    const discharged = await screen.findByRole('table', { name: 'Admissions, Discharged' });
    expect(rowsOf(discharged)[1]).toBe(
      'Ravi KumarChest pain on exertionMeera IyerCardiologistNov 1, 2026Nov 5, 2026Invoice',
    );
    expect(within(discharged).getByRole('link', { name: 'Invoice of Ravi Kumar' })).toHaveAttribute(
      'href',
      '/admin/invoices/51',
    );
    expect(statuses).toEqual(['ADMITTED', 'DISCHARGED']);
  });

  it('says so when nobody is in hospital, and explains a failure', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/admissions/', ({ query, response }) =>
        query.get('status') === 'ADMITTED'
          ? response(200).json(page([]))
          : response(403).json(errorBody('PERMISSION_DENIED', 'Not allowed.')),
      ),
    );
    const { user } = renderApp('/admin/admissions');

    expect(await screen.findByText('No patient is in hospital.')).toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'Discharged' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
  });
});

describe('admin: admitting a patient', () => {
  it('starts from the patient’s page values and shows the server’s refusal', async () => {
    signInAsAdmin();
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/v1/patients/{id}/', ({ response }) => response(200).json(patientRecord())),
      http.get('/api/v1/doctors/', ({ response }) => response(200).json(page([doctorRecord()]))),
      http.post('/api/v1/admissions/', async ({ request, response }) => {
        bodies.push(await request.json());
        if (bodies.length === 1) {
          return response(409).json(
            errorBody('ALREADY_ADMITTED', 'Ravi Kumar is already admitted.'),
          );
        }
        return response(201).json(current);
      }),
      http.get('/api/v1/admissions/{id}/', ({ response }) =>
        response(200).json(current),
      ),
    );
    const { user, router } = renderApp('/admin/admissions/new?patient=11');

    const form = await screen.findByRole('form', { name: 'Admit a patient' });
    await waitFor(() => {
      expect(within(form).getByRole('combobox', { name: /^Patient/ })).toHaveValue('Ravi Kumar');
    });
    await waitFor(() => {
      expect(within(form).getByRole('combobox', { name: /^Attending doctor/ })).toHaveValue(
        'Meera Iyer',
      );
    });
    expect(within(form).getByLabelText(/^Symptoms or reason/)).toHaveValue('Chest pain');
    expect(within(form).getByLabelText(/^Admission date/)).toHaveValue(dateInputText(TODAY));
    await user.type(within(form).getByLabelText(/^Room or bed/), 'B-12');
    await user.type(within(form).getByLabelText(/^Daily room rate/), '500');
    await user.click(within(form).getByRole('button', { name: 'Admit patient' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Ravi Kumar is already admitted.',
    );
    expect(bodies[0]).toEqual({
      patient: 11,
      doctor: 7,
      admitted_on: TODAY,
      symptoms: 'Chest pain',
      room: 'B-12',
      room_charge_per_day: '500',
    });

    await user.click(within(form).getByRole('button', { name: 'Admit patient' }));
    expect(await screen.findByText('Ravi Kumar is admitted under Meera Iyer.')).toBeVisible();
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/admin/admissions/41');
    });
  });

  it('asks for the patient, the doctor and a valid rate before sending anything', async () => {
    signInAsAdmin();
    let posts = 0;
    server.use(
      http.post('/api/v1/admissions/', ({ response }) => {
        posts += 1;
        return response.untyped(new HttpResponse(null, { status: 500 }));
      }),
    );
    const { user } = renderApp('/admin/admissions/new');

    const form = await screen.findByRole('form', { name: 'Admit a patient' });
    await user.type(within(form).getByLabelText(/^Daily room rate/), '12.345');
    await user.click(within(form).getByRole('button', { name: 'Admit patient' }));

    expect(await within(form).findByText('Choose the patient.')).toBeVisible();
    expect(within(form).getByText('Choose the attending doctor.')).toBeVisible();
    expect(within(form).getByText('Symptoms or reason is required.')).toBeVisible();
    expect(within(form).getByText('Enter an amount like 1500 or 1500.50.')).toBeVisible();
    expect(posts).toBe(0);
  });
});

function dateShown(isoDate: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
