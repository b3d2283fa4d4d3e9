import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { doctorRecord, signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import {
  admissionRecord,
  appointmentRecord,
  page,
  patientRecord,
} from '@/test/workspace-fixtures';

const pendingPatient = patientRecord({
  id: 12,
  username: 'elena',
  first_name: 'Elena',
  last_name: 'Petrova',
  full_name: 'Elena Petrova',
  symptoms: 'Persistent headache',
  status: 'PENDING',
  assigned_doctor: null,
  assigned_doctor_name: null,
  preferred_doctor: 9,
});

const otherDoctor = doctorRecord({
  id: 9,
  username: 'drarjun',
  first_name: 'Arjun',
  last_name: 'Rao',
  full_name: 'Arjun Rao',
  department: 'DERMATOLOGISTS',
  department_name: 'Dermatologists',
});

function patientHistory() {
  return [
    http.get('/api/v1/admissions/', ({ response }) => response(200).json(page([]))),
    http.get('/api/v1/appointments/', ({ response }) => response(200).json(page([]))),
  ];
}

describe('admin: patients list', () => {
  it('lists patients with symptoms, doctor and status, filtered by the doctor in the address', async () => {
    signInAsAdmin();
    const queries: string[] = [];
    server.use(
      http.get('/api/v1/patients/', ({ request, response }) => {
        queries.push(new URL(request.url).search);
        return response(200).json(
          page([patientRecord({ is_admitted: true }), pendingPatient]),
        );
      }),
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(doctorRecord())),
    );
    renderApp('/admin/patients?doctor=7');

    const table = await screen.findByRole('table', { name: 'Patients, All' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'NameSymptomsAssigned doctorMobileStatusActions',
      'Ravi KumarraviChest painMeera Iyer+919800000011ApprovedIn hospital',
      'Elena PetrovaelenaPersistent headache—+919800000011Pending approvalApproveReject',
    ]);
    expect(queries[0]).toBe('?assigned_doctor=7&page=1&page_size=25');
    // The filter shows the doctor's name, not an id.
    await waitFor(() => {
      expect(screen.getByRole('combobox', { name: 'Assigned doctor' })).toHaveValue('Meera Iyer');
    });
  });

  it('says so when no patient waits for approval, and explains a failure', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/patients/', ({ query, response }) =>
        query.get('status') === 'PENDING'
          ? response(200).json(page([]))
          : response.untyped(new HttpResponse(null, { status: 503 })),
      ),
    );
    const { user } = renderApp('/admin/patients?status=PENDING');

    expect(await screen.findByText('No patient is waiting for approval.')).toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'All' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the patients');
    expect(alert).toHaveTextContent(
      'The server could not complete the request. Please try again in a moment.',
    );
  });
});

describe('admin: one patient', () => {
  it('approves a pending patient from their page', async () => {
    signInAsAdmin();
    let current = pendingPatient;
    server.use(
      ...patientHistory(),
      http.get('/api/v1/patients/{id}/', ({ response }) => response(200).json(current)),
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(otherDoctor)),
      http.post('/api/v1/patients/{id}/approve/', ({ response }) => {
        // The preferred doctor becomes the assigned doctor on approval.
        current = {
          ...pendingPatient,
          status: 'APPROVED',
          assigned_doctor: 9,
          assigned_doctor_name: 'Arjun Rao',
        };
        return response(200).json(current);
      }),
    );
    const { user } = renderApp('/admin/patients/12');

    expect(await screen.findByRole('heading', { level: 1, name: 'Elena Petrova' })).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Arjun Rao' })).toHaveAttribute(
      'href',
      '/admin/doctors/9',
    );
    expect(screen.queryByRole('link', { name: 'Admit' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve Elena Petrova' }));

    expect(await screen.findByText('Elena Petrova can now sign in.')).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Admit' })).toHaveAttribute(
      'href',
      '/admin/admissions/new?patient=12',
    );
    expect(screen.getByRole('link', { name: 'Book appointment' })).toHaveAttribute(
      'href',
      '/admin/appointments/new?patient=12',
    );
    expect(screen.getByText('Approved')).toBeVisible();
  });

  it('assigns another doctor, found by name', async () => {
    signInAsAdmin();
    let current = patientRecord();
    const searches: (string | null)[] = [];
    const bodies: unknown[] = [];
    server.use(
      ...patientHistory(),
      http.get('/api/v1/patients/{id}/', ({ response }) => response(200).json(current)),
      http.get('/api/v1/doctors/', ({ query, response }) => {
        searches.push(query.get('search'));
        const search = query.get('search') ?? '';
        // The first page does not hold Arjun Rao: only a search finds him.
        const found =
          search === ''
            ? [doctorRecord()]
            : [doctorRecord(), otherDoctor].filter((doctor) => doctor.full_name.includes(search));
        return response(200).json(page(found, 40));
      }),
      http.patch('/api/v1/patients/{id}/', async ({ request, response }) => {
        bodies.push(await request.json());
        current = { ...current, assigned_doctor: 9, assigned_doctor_name: 'Arjun Rao' };
        return response(200).json(current);
      }),
    );
    const { user } = renderApp('/admin/patients/11');

    await user.click(await screen.findByRole('button', { name: 'Assign doctor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign a doctor' });
    const field = within(dialog).getByRole('combobox', { name: 'Doctor' });
    expect(field).toHaveValue('Meera Iyer');
    await user.clear(field);
    await user.type(field, 'Arjun');
    await user.click(await screen.findByRole('option', { name: /^Arjun Rao/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save doctor' }));

    expect(await screen.findByText("Arjun Rao is now Ravi Kumar's doctor.")).toBeVisible();
    expect(bodies).toEqual([{ assigned_doctor: 9 }]);
    expect(searches).toContain('Arjun');
    expect(await screen.findByRole('link', { name: 'Arjun Rao' })).toHaveAttribute(
      'href',
      '/admin/doctors/9',
    );
  });

  it('shows the patient’s stays and appointments, and keeps an admitted patient from deletion', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/patients/{id}/', ({ response }) =>
        response(200).json(patientRecord({ is_admitted: true, date_of_birth: '1980-04-12' })),
      ),
      http.get('/api/v1/admissions/', ({ query, response }) => {
        expect(query.get('patient')).toBe('11');
        return response(200).json(page([admissionRecord()]));
      }),
      http.get('/api/v1/appointments/', ({ response }) =>
        response(200).json(page([appointmentRecord({ status: 'PENDING' })])),
      ),
    );
    renderApp('/admin/patients/11');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ravi Kumar' })).toBeVisible();
    expect(screen.getByText('In hospital')).toBeVisible();
    expect(screen.getByText('Apr 12, 1980')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
    expect(screen.queryByRole('link', { name: 'Admit' })).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Nov 1, 2026' })).toHaveAttribute(
      'href',
      '/admin/admissions/41',
    );
    expect(await screen.findByText('Follow-up on chest pain')).toBeVisible();
    expect(screen.getByText('Pending approval')).toBeVisible();
  });

  it('registers a patient with an assigned doctor', async () => {
    signInAsAdmin();
    const bodies: unknown[] = [];
    server.use(
      ...patientHistory(),
      http.get('/api/v1/doctors/', ({ response }) =>
        response(200).json(page([doctorRecord(), otherDoctor])),
      ),
      http.post('/api/v1/patients/', async ({ request, response }) => {
        bodies.push(await request.json());
        return response(201).json(patientRecord({ id: 15, username: 'ravi' }));
      }),
      http.get('/api/v1/patients/{id}/', ({ response }) =>
        response(200).json(patientRecord({ id: 15 })),
      ),
    );
    const { user, router } = renderApp('/admin/patients/new');

    const form = await screen.findByRole('form', { name: 'Register a patient' });
    await user.type(within(form).getByLabelText(/^First name/), 'Ravi');
    await user.type(within(form).getByLabelText(/^Last name/), 'Kumar');
    await user.type(within(form).getByLabelText(/^Username/), 'ravi');
    await user.type(within(form).getByLabelText(/^Initial password/), 'Correct-Horse-42');
    await user.type(within(form).getByLabelText(/^Mobile/), '+919800000011');
    await user.type(within(form).getByLabelText(/^Address/), '4 Lake Road, Kochi');
    await user.type(within(form).getByLabelText(/^Symptoms/), 'Chest pain');
    await user.click(within(form).getByRole('combobox', { name: /^Assigned doctor/ }));
    await user.click(await screen.findByRole('option', { name: /^Meera Iyer/ }));
    await user.click(within(form).getByRole('button', { name: 'Register patient' }));

    expect(await screen.findByText('Ravi Kumar can sign in as ravi.')).toBeVisible();
    expect(bodies).toEqual([
      {
        first_name: 'Ravi',
        last_name: 'Kumar',
        username: 'ravi',
        password: 'Correct-Horse-42',
        email: '',
        mobile: '+919800000011',
        address: '4 Lake Road, Kochi',
        symptoms: 'Chest pain',
        date_of_birth: null,
        assigned_doctor: 7,
      },
    ]);
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/admin/patients/15');
    });
  });

  it('rejects a sign-up with an optional reason', async () => {
    signInAsAdmin();
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/v1/patients/', ({ response }) => response(200).json(page([pendingPatient]))),
      http.post('/api/v1/patients/{id}/reject/', async ({ request, response }) => {
        bodies.push(await request.json());
        return response(200).json({ ...pendingPatient, status: 'REJECTED' });
      }),
    );
    const { user } = renderApp('/admin/patients?status=PENDING');

    await user.click(await screen.findByRole('button', { name: 'Reject Elena Petrova' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Elena Petrova' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject sign-up' }));

    expect(await screen.findByText('Elena Petrova cannot sign in.')).toBeVisible();
    expect(bodies).toEqual([{ reason: '' }]);
  });

  it('answers a patient that is not there', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/patients/{id}/', ({ response }) =>
        response(404).json(errorBody('NOT_FOUND', 'Not found.')),
      ),
    );
    renderApp('/admin/patients/404');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the patient');
    expect(alert).toHaveTextContent('This record was not found. It may have been removed.');
  });
});
