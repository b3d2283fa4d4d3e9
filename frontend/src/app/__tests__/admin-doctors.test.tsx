import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';

import { doctorRecord, pendingDoctor, signInAsAdmin } from '@/test/admin-fixtures';
import { errorBody } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import { page } from '@/test/workspace-fixtures';

/** The query strings of the doctor list requests, in order. */
function recordDoctorLists(answer: (query: URLSearchParams) => ReturnType<typeof page>) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get('/api/v1/doctors/', ({ request, response }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      return response(200).json(answer(query) as never);
    }),
  );
  return queries;
}

describe('admin: doctors list', () => {
  it('lists doctors with department, status and the filters in the request', async () => {
    signInAsAdmin();
    const queries = recordDoctorLists(() => page([doctorRecord(), pendingDoctor]));
    const { user, router } = renderApp('/admin/doctors');

    const table = await screen.findByRole('table', { name: 'Doctors, All' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'NameDepartmentMobileStatusSinceActions',
      'Meera IyerdrmeeraCardiologist+919800000007ApprovedOct 1, 2026, 10:30 AM',
      'Arjun NairdrarjunDermatologists+919800000007Pending approvalNov 20, 2026, 10:30 AMApproveReject',
    ]);
    expect(within(table).getByRole('link', { name: 'Meera Iyer' })).toHaveAttribute(
      'href',
      '/admin/doctors/7',
    );
    expect(queries.at(-1)?.toString()).toBe('page=1&page_size=25');

    await user.click(screen.getByRole('tab', { name: 'Pending approval' }));
    await waitFor(() => {
      expect(queries.at(-1)?.get('status')).toBe('PENDING');
    });
    expect(router.state.location.search).toBe('?status=PENDING');

    await user.click(screen.getByRole('combobox', { name: 'Department' }));
    await user.click(await screen.findByRole('option', { name: 'Dermatologists' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'arjun');
    await waitFor(() => {
      expect(queries.at(-1)?.toString()).toBe(
        'status=PENDING&department=DERMATOLOGISTS&search=arjun&page=1&page_size=25',
      );
    });
    expect(router.state.location.search).toBe(
      '?status=PENDING&department=DERMATOLOGISTS&search=arjun',
    );
  });

  it('pages through a long list', async () => {
    signInAsAdmin();
    const queries = recordDoctorLists((query) =>
      page([doctorRecord({ id: Number(query.get('page')) })], 60),
    );
    const { user, router } = renderApp('/admin/doctors?status=APPROVED');

    expect(await screen.findByText('1–25 of 60')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Page 3' }));

    expect(await screen.findByText('51–60 of 60')).toBeInTheDocument();
    expect(queries.at(-1)?.toString()).toBe('status=APPROVED&page=3&page_size=25');
    expect(router.state.location.search).toBe('?status=APPROVED&page=3');
    expect(screen.getByRole('link', { name: 'Meera Iyer' })).toHaveAttribute(
      'href',
      '/admin/doctors/3',
    );
  });

  it('says so when a tab is empty, and when filters match nobody', async () => {
    signInAsAdmin();
    recordDoctorLists(() => page([]));
    renderApp('/admin/doctors?status=PENDING');

    expect(await screen.findByText('No doctor is waiting for approval.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a readable error and tries again', async () => {
    signInAsAdmin();
    let calls = 0;
    server.use(
      http.get('/api/v1/doctors/', ({ response }) => {
        calls += 1;
        if (calls === 1) return response.untyped(new HttpResponse(null, { status: 500 }));
        return response(200).json(page([doctorRecord()]));
      }),
    );
    const { user } = renderApp('/admin/doctors');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the doctors');
    expect(alert).toHaveTextContent(
      'The server could not complete the request. Please try again in a moment.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('link', { name: 'Meera Iyer' })).toBeInTheDocument();
  });
});

describe('admin: approving and rejecting doctors', () => {
  it('approves a pending doctor once, tells the admin, and refreshes the list', async () => {
    signInAsAdmin();
    let approved = false;
    let approvals = 0;
    recordDoctorLists(() => page(approved ? [] : [pendingDoctor]));
    server.use(
      http.post('/api/v1/doctors/{id}/approve/', async ({ params, response }) => {
        approvals += 1;
        expect(params.id).toBe('21');
        await delay(50);
        approved = true;
        return response(200).json({ ...pendingDoctor, status: 'APPROVED' });
      }),
    );
    const { user } = renderApp('/admin/doctors?status=PENDING');

    const approve = await screen.findByRole('button', { name: 'Approve Arjun Nair' });
    await user.click(approve);
    await user.click(approve);

    expect(await screen.findByText('Arjun Nair can now sign in.')).toBeInTheDocument();
    expect(screen.getByText('Doctor approved')).toBeInTheDocument();
    expect(await screen.findByText('No doctor is waiting for approval.')).toBeInTheDocument();
    expect(approvals).toBe(1);
  });

  it('rejects a pending doctor with the reason the admin typed', async () => {
    signInAsAdmin();
    const bodies: unknown[] = [];
    let current = pendingDoctor;
    server.use(
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(current)),
      http.post('/api/v1/doctors/{id}/reject/', async ({ request, response }) => {
        bodies.push(await request.json());
        current = { ...pendingDoctor, status: 'REJECTED' };
        return response(200).json(current);
      }),
    );
    const { user } = renderApp('/admin/doctors/21');

    expect(await screen.findByRole('heading', { level: 1, name: 'Arjun Nair' })).toBeVisible();
    expect(screen.getByText('Pending approval')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Reject Arjun Nair' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Arjun Nair' });
    await user.type(within(dialog).getByLabelText('Reason'), '  No licence number  ');
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }));

    expect(await screen.findByText('Arjun Nair cannot sign in.')).toBeInTheDocument();
    expect(bodies).toEqual([{ reason: 'No licence number' }]);
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(
      await screen.findByText('This application was rejected; the doctor cannot sign in.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Approve Arjun Nair' })).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the server’s reason when the doctor was decided meanwhile', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(pendingDoctor)),
      http.post('/api/v1/doctors/{id}/reject/', ({ response }) =>
        response(409).json(
          errorBody('INVALID_STATE', 'Only a pending application can be rejected.'),
        ),
      ),
    );
    const { user } = renderApp('/admin/doctors/21');

    await user.click(await screen.findByRole('button', { name: 'Reject Arjun Nair' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Arjun Nair' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a pending application can be rejected.',
    );
  });
});

describe('admin: registering, editing and deleting a doctor', () => {
  it('shows the server’s field errors next to the fields, then registers', async () => {
    signInAsAdmin();
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/v1/doctors/', async ({ request, response }) => {
        const body = await request.json();
        bodies.push(body);
        if (bodies.length === 1) {
          return response(400).json(
            errorBody('VALIDATION_ERROR', 'Invalid input.', {
              username: ['A user with that username already exists.'],
              password: ['This password is too common.'],
            }),
          );
        }
        return response(201).json(doctorRecord({ id: 30, username: body.username }));
      }),
      http.get('/api/v1/doctors/{id}/', ({ response }) =>
        response(200).json(doctorRecord({ id: 30, username: 'drmeera2' })),
      ),
    );
    const { user, router } = renderApp('/admin/doctors/new');

    const form = await screen.findByRole('form', { name: 'Register a doctor' });
    await user.type(within(form).getByLabelText(/^First name/), 'Meera');
    await user.type(within(form).getByLabelText(/^Last name/), 'Iyer');
    await user.type(within(form).getByLabelText(/^Username/), 'drmeera');
    await user.type(within(form).getByLabelText(/^Initial password/), 'password123456');
    await user.type(within(form).getByLabelText(/^Mobile/), '+919800000007');
    await user.type(within(form).getByLabelText(/^Address/), '1 Hospital Road, Bengaluru');
    await user.click(within(form).getByRole('combobox', { name: /^Department/ }));
    await user.click(await screen.findByRole('option', { name: 'Cardiologist' }));
    await user.click(within(form).getByRole('button', { name: 'Register doctor' }));

    expect(await within(form).findByText('A user with that username already exists.')).toBeVisible();
    expect(within(form).getByLabelText(/^Username/)).toHaveAccessibleDescription(
      /A user with that username already exists\./,
    );
    expect(within(form).getByLabelText(/^Initial password/)).toHaveAccessibleDescription(
      /This password is too common\./,
    );
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Some fields need attention. Please check the form.',
    );
    expect(bodies[0]).toEqual({
      first_name: 'Meera',
      last_name: 'Iyer',
      username: 'drmeera',
      password: 'password123456',
      email: '',
      mobile: '+919800000007',
      address: '1 Hospital Road, Bengaluru',
      department: 'CARDIOLOGIST',
    });

    await user.clear(within(form).getByLabelText(/^Username/));
    await user.type(within(form).getByLabelText(/^Username/), 'drmeera2');
    await user.click(within(form).getByRole('button', { name: 'Register doctor' }));

    expect(await screen.findByText('Meera Iyer can sign in as drmeera2.')).toBeInTheDocument();
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/admin/doctors/30');
    });
  });

  it('edits a doctor: sends the changed profile and shows it', async () => {
    signInAsAdmin();
    let current = doctorRecord();
    const bodies: unknown[] = [];
    server.use(
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(current)),
      http.patch('/api/v1/doctors/{id}/', async ({ request, response }) => {
        const body = await request.json();
        bodies.push(body);
        current = { ...current, address: body?.address ?? current.address };
        return response(200).json(current);
      }),
    );
    const { user, router } = renderApp('/admin/doctors/7/edit');

    const form = await screen.findByRole('form', { name: 'Edit doctor' });
    expect(within(form).queryByLabelText(/^Username/)).not.toBeInTheDocument();
    const address = within(form).getByLabelText(/^Address/);
    expect(address).toHaveValue('1 Hospital Road, Bengaluru');
    await user.clear(address);
    await user.type(address, '7 New Clinic Street, Pune');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText("Meera Iyer's profile is up to date.")).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        first_name: 'Meera',
        last_name: 'Iyer',
        email: 'meera@example.com',
        mobile: '+919800000007',
        address: '7 New Clinic Street, Pune',
        department: 'CARDIOLOGIST',
      },
    ]);
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/admin/doctors/7');
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Meera Iyer' })).toBeVisible();
    expect(screen.getByText('7 New Clinic Street, Pune')).toBeVisible();
  });

  it('deletes a doctor only after the confirmation', async () => {
    signInAsAdmin();
    let deletes = 0;
    server.use(
      http.get('/api/v1/doctors/{id}/', ({ response }) => response(200).json(doctorRecord())),
      http.delete('/api/v1/doctors/{id}/', ({ response }) => {
        deletes += 1;
        return response(204).empty();
      }),
    );
    const { user, router } = renderApp('/admin/doctors/7');

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Meera Iyer?' });
    expect(dialog).toHaveTextContent('their patients become unassigned');
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(deletes).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete Meera Iyer?' })).getByRole(
        'button',
        { name: 'Delete doctor' },
      ),
    );

    expect(await screen.findByText('Meera Iyer can no longer sign in.')).toBeInTheDocument();
    expect(deletes).toBe(1);
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/admin/doctors');
    });
  });

  it('answers an unknown doctor with the API’s not-found message', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/doctors/{id}/', ({ response }) =>
        response(404).json(errorBody('NOT_FOUND', 'Not found.')),
      ),
    );
    renderApp('/admin/doctors/999');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This record was not found. It may have been removed.',
    );
  });
});
