/**
 * Records for the doctor's and the patient's workspaces, typed from the schema. Times are fixed
 * instants: one long past (a visit that has started), one far ahead (one that has not).
 */
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export function page<T>(results: T[], count = results.length): Page<T> {
  return { count, next: null, previous: null, results };
}

/** 10:00-10:30 in Kolkata on 20 Nov 2026: already started. */
export const PAST_START = '2026-11-20T04:30:00Z';
export const PAST_END = '2026-11-20T05:00:00Z';
/** 09:00-09:30 in Kolkata on 5 Jan 2099: still ahead. */
export const FUTURE_START = '2099-01-05T03:30:00Z';
export const FUTURE_END = '2099-01-05T04:00:00Z';

export function patientRecord(overrides: Partial<Schemas['Patient']> = {}): Schemas['Patient'] {
  return {
    id: 11,
    username: 'ravi',
    first_name: 'Ravi',
    last_name: 'Kumar',
    full_name: 'Ravi Kumar',
    email: 'ravi@example.com',
    mobile: '+919800000011',
    address: '4 Lake Road, Kochi',
    symptoms: 'Chest pain',
    date_of_birth: null,
    preferred_doctor: null,
    assigned_doctor: 7,
    assigned_doctor_name: 'Meera Iyer',
    status: 'APPROVED',
    is_admitted: false,
    created_at: '2026-11-01T05:00:00Z',
    ...overrides,
  };
}

export function appointmentRecord(
  overrides: Partial<Schemas['Appointment']> = {},
): Schemas['Appointment'] {
  return {
    id: 31,
    patient: 11,
    patient_details: {
      id: 11,
      full_name: 'Ravi Kumar',
      mobile: '+919800000011',
      address: '4 Lake Road, Kochi',
      symptoms: 'Chest pain',
    },
    doctor: 7,
    doctor_name: 'Meera Iyer',
    doctor_department: 'Cardiologist',
    starts_at: FUTURE_START,
    ends_at: FUTURE_END,
    reason: 'Follow-up on chest pain',
    status: 'CONFIRMED',
    status_reason: '',
    status_changed_at: '2026-11-19T05:00:00Z',
    created_at: '2026-11-18T05:00:00Z',
    rescheduled_from: null,
    ...overrides,
  };
}

export function appointmentDetail(
  appointment: Schemas['Appointment'],
  overrides: Partial<Schemas['AppointmentDetail']> = {},
): Schemas['AppointmentDetail'] {
  return { ...appointment, history: [], ...overrides };
}

export function admissionRecord(
  overrides: Partial<Schemas['Admission']> = {},
): Schemas['Admission'] {
  return {
    id: 41,
    patient: 11,
    patient_name: 'Ravi Kumar',
    patient_mobile: '+919800000011',
    patient_address: '4 Lake Road, Kochi',
    doctor: 7,
    doctor_name: 'Meera Iyer',
    doctor_department: 'Cardiologist',
    admitted_on: '2026-11-01',
    discharged_on: '2026-11-05',
    symptoms: 'Chest pain on exertion',
    room: 'B-12',
    room_charge_per_day: '500.00',
    status: 'DISCHARGED',
    invoice: 51,
    admitted_at: '2026-11-01T05:00:00Z',
    discharged_at: '2026-11-05T05:00:00Z',
    ...overrides,
  };
}

export function invoiceRecord(
  overrides: Partial<Schemas['InvoiceWithPayment']> = {},
): Schemas['InvoiceWithPayment'] {
  return {
    id: 51,
    number: 'INV-2026-000042',
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
    issued_at: '2026-11-05T06:30:00Z',
    issued_by: 1,
    pdf_sha256: 'a'.repeat(64),
    replaces: null,
    payment_state: 'UNPAID',
    balance: '3350.00',
    amount_paid: '0.00',
    amount_refunded: '0.00',
    credit_note: null,
    replaced_by: null,
    ...overrides,
  };
}

export function doctorDashboard(
  overrides: Partial<Schemas['DoctorDashboard']> = {},
): Schemas['Dashboard'] {
  return {
    role: 'DOCTOR',
    admin: null,
    patient: null,
    doctor: {
      assigned_patients: 12,
      appointments: { upcoming_confirmed: 5, today: [] },
      admissions: { admitted_patients: 3, discharged_patients: 8 },
      ...overrides,
    },
  };
}

export function patientDashboard(
  overrides: Partial<Schemas['PatientDashboard']> = {},
): Schemas['Dashboard'] {
  return {
    role: 'PATIENT',
    admin: null,
    doctor: null,
    patient: {
      assigned_doctor: {
        id: 7,
        full_name: 'Meera Iyer',
        department: 'CARDIOLOGIST',
        department_name: 'Cardiologist',
        mobile: '+919800000007',
        address: '1 Hospital Road, Bengaluru',
      },
      appointments: { next_appointment: null, pending: 0 },
      admissions: {
        admission: null,
        status: null,
        admitted_on: null,
        discharged_on: null,
        invoices: 0,
      },
      ...overrides,
    },
  };
}

export const emptyAdminDashboard: Schemas['Dashboard'] = {
  role: 'ADMIN',
  doctor: null,
  patient: null,
  admin: {
    accounts: {
      approved_doctors: 0,
      pending_doctors: 0,
      approved_patients: 0,
      pending_patients: 0,
    },
    appointments: { confirmed: 0, pending: 0, today: 0 },
    appointments_by_day: [
      { date: '2026-11-26', confirmed: 0, pending: 0 },
      { date: '2026-11-27', confirmed: 0, pending: 0 },
      { date: '2026-11-28', confirmed: 0, pending: 0 },
      { date: '2026-11-29', confirmed: 0, pending: 0 },
      { date: '2026-11-30', confirmed: 0, pending: 0 },
      { date: '2026-12-01', confirmed: 0, pending: 0 },
      { date: '2026-12-02', confirmed: 0, pending: 0 },
    ],
    queues: { doctors: [], patients: [], appointment_requests: [] },
    admissions: {
      currently_admitted: 0,
      discharged: 0,
      invoiced_total_this_month: '0.00',
      currency: 'INR',
    },
    unusual_access: [],
  },
};
