import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { addDays, formatDayShort, todayIn } from '@/lib/format';
import { adminDashboard, pendingDoctor, signInAsAdmin } from '@/test/admin-fixtures';
import { hospital } from '@/test/fixtures';
import { http } from '@/test/http';
import { renderApp } from '@/test/render';
import { server } from '@/test/server';
import { appointmentRecord, page, patientRecord } from '@/test/workspace-fixtures';

const TODAY = todayIn(hospital.time_zone);
const TOMORROW = addDays(TODAY, 1);

describe('admin dashboard', () => {
  it('shows the counts, the week ahead as a chart and the queues waiting for the admin', async () => {
    signInAsAdmin();
    const countQueries: string[] = [];
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) => response(200).json(adminDashboard())),
      http.get('/api/v1/doctors/', ({ query, response }) => {
        expect(query.get('status')).toBe('PENDING');
        return response(200).json(page([pendingDoctor], 2));
      }),
      http.get('/api/v1/patients/', ({ response }) => response(200).json(page([]))),
      http.get('/api/v1/appointments/', ({ request, query, response }) => {
        if (query.get('date_from') === null) {
          return response(200).json(page([appointmentRecord({ status: 'PENDING' })], 4));
        }
        countQueries.push(new URL(request.url).search);
        // The week ahead: tomorrow has 3 confirmed and 1 pending, the other days nothing.
        const day = query.get('date_from');
        const count =
          day === TOMORROW ? (query.get('status') === 'CONFIRMED' ? 3 : 1) : 0;
        return response(200).json(page([], count));
      }),
    );
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

    const chart = await screen.findByRole('img', { name: /^Appointments per day\./ });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(`${formatDayShort(TOMORROW)}: 3 confirmed, 1 pending`) as string,
    );
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(`${formatDayShort(TODAY)}: 0 confirmed, 0 pending`) as string,
    );
    // Seven days, two statuses, one row each: the server counts.
    expect(countQueries).toHaveLength(14);
    expect(countQueries).toContain(
      `?date_from=${TOMORROW}&date_to=${TOMORROW}&status=CONFIRMED&page_size=1`,
    );

    const doctorQueue = screen.getByRole('region', { name: 'Doctors awaiting approval' });
    expect(within(doctorQueue).getByText('2 waiting')).toBeVisible();
    expect(within(doctorQueue).getByRole('link', { name: 'Arjun Nair' })).toHaveAttribute(
      'href',
      '/admin/doctors/21',
    );
    expect(within(doctorQueue).getByRole('link', { name: 'All pending doctors' })).toHaveAttribute(
      'href',
      '/admin/doctors?status=PENDING',
    );
    const patientQueue = screen.getByRole('region', { name: 'Patients awaiting approval' });
    expect(within(patientQueue).getByText('No patient is waiting for approval.')).toBeVisible();
    const requests = screen.getByRole('region', { name: 'Appointment requests' });
    expect(within(requests).getByText('4 waiting')).toBeVisible();
    expect(within(requests).getByText('Ravi Kumar')).toBeVisible();
    expect(within(requests).getByText(/^Jan 5, 2099, 9:00\sAM with Meera Iyer$/)).toBeVisible();
  });

  it('explains what could not be loaded and keeps the rest', async () => {
    signInAsAdmin();
    server.use(
      http.get('/api/v1/dashboard/', ({ response }) =>
        response.untyped(new HttpResponse(null, { status: 502 })),
      ),
      http.get('/api/v1/patients/', ({ response }) =>
        response(200).json(page([patientRecord({ status: 'PENDING' })])),
      ),
    );
    renderApp('/admin');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the counts');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    const patientQueue = screen.getByRole('region', { name: 'Patients awaiting approval' });
    expect(await within(patientQueue).findByRole('link', { name: 'Ravi Kumar' })).toHaveAttribute(
      'href',
      '/admin/patients/11',
    );
  });
});
