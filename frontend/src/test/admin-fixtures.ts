/**
 * Records for the admin's workspace, typed from the schema (see workspace-fixtures.ts for
 * patients, appointments, admissions and invoices).
 */
import type { components } from '@/lib/api/schema';

import { users } from './fixtures';
import { mockAuth } from './server';

type Schemas = components['schemas'];

/** Start the app with the admin's refresh cookie: the session is restored on the first page. */
export function signInAsAdmin(): void {
  mockAuth.refreshCookieUser = users.admin;
}

export function doctorRecord(overrides: Partial<Schemas['Doctor']> = {}): Schemas['Doctor'] {
  return {
    id: 7,
    username: 'drmeera',
    first_name: 'Meera',
    last_name: 'Iyer',
    full_name: 'Meera Iyer',
    email: 'meera@example.com',
    mobile: '+919800000007',
    address: '1 Hospital Road, Bengaluru',
    department: 'CARDIOLOGIST',
    department_name: 'Cardiologist',
    status: 'APPROVED',
    created_at: '2026-10-01T05:00:00Z',
    ...overrides,
  };
}

/** A doctor who applied and waits for the admin's decision. */
export const pendingDoctor = doctorRecord({
  id: 21,
  username: 'drarjun',
  first_name: 'Arjun',
  last_name: 'Nair',
  full_name: 'Arjun Nair',
  department: 'DERMATOLOGISTS',
  department_name: 'Dermatologists',
  status: 'PENDING',
  created_at: '2026-11-20T05:00:00Z',
});

export function adminDashboard(
  overrides: Partial<Schemas['AdminDashboard']> = {},
): Schemas['Dashboard'] {
  return {
    role: 'ADMIN',
    doctor: null,
    patient: null,
    admin: {
      accounts: {
        approved_doctors: 6,
        pending_doctors: 2,
        approved_patients: 14,
        pending_patients: 3,
      },
      appointments: { confirmed: 9, pending: 4, today: 5 },
      appointments_by_day: [
        { date: '2026-11-26', confirmed: 5, pending: 1 },
        { date: '2026-11-27', confirmed: 3, pending: 2 },
        { date: '2026-11-28', confirmed: 1, pending: 1 },
        { date: '2026-11-29', confirmed: 0, pending: 0 },
        { date: '2026-11-30', confirmed: 0, pending: 0 },
        { date: '2026-12-01', confirmed: 0, pending: 0 },
        { date: '2026-12-02', confirmed: 0, pending: 0 },
      ],
      queues: { doctors: [], patients: [], appointment_requests: [] },
      admissions: {
        currently_admitted: 2,
        discharged: 17,
        invoiced_total_this_month: '42931.25',
        currency: 'INR',
      },
      unusual_access: [],
      ...overrides,
    },
  };
}

export function invoicePreview(
  overrides: Partial<Schemas['InvoicePreview']> = {},
): Schemas['InvoicePreview'] {
  return {
    id: null,
    number: null,
    admission: 41,
    patient: 11,
    patient_name: 'Ravi Kumar',
    patient_mobile: '+919800000011',
    patient_address: '4 Lake Road, Kochi',
    symptoms: 'Chest pain on exertion',
    doctor_name: 'Meera Iyer',
    doctor_department: 'Cardiologist',
    admitted_on: '2026-11-01',
    discharged_on: '2026-11-05',
    days: 4,
    room_charge_per_day: '500.00',
    room_charge: '2000.00',
    doctor_fee: '1000.00',
    medicine_cost: '250.00',
    other_charge: '100.00',
    total: '3350.00',
    advance_applied: '0.00',
    currency: 'INR',
    issued_at: null,
    issued_by: null,
    pdf_sha256: null,
    replaces: null,
    ...overrides,
  };
}
