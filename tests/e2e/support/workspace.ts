/**
 * Helpers for the doctor's and the patient's journeys: appointments on the hospital's slot grid,
 * hospital stays, and the two things a browser test cannot do through the API (read a PDF's
 * text, let an appointment's time come).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import type { Locator } from '@playwright/test';
import { expect } from '@playwright/test';

import type { HmsApi } from './api';
import { E2E_DIR } from './paths';
import type { Page } from './types';

const BACKEND_DIR = join(E2E_DIR, '..', '..', 'backend');
const PYTHON = join(BACKEND_DIR, '.venv', 'bin', 'python');
/** The demo hospital's time zone (settings); dates and times below are in it. */
export const HOSPITAL_TIME_ZONE = 'Asia/Kolkata';

export interface Slot {
  starts_at: string;
  ends_at: string;
}

export interface Appointment {
  id: number;
  patient: number;
  doctor: number;
  starts_at: string;
  ends_at: string;
  reason: string;
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'COMPLETED';
  status_reason: string;
}

export interface Admission {
  id: number;
  patient: number;
  doctor: number;
  admitted_on: string;
  discharged_on: string | null;
  status: 'ADMITTED' | 'DISCHARGED';
  invoice: number | null;
}

export interface Invoice {
  id: number;
  number: string;
  patient: number;
  total: string;
  currency: string;
  days: number;
}

// --- dates ------------------------------------------------------------------------------------

/** A calendar date ("YYYY-MM-DD") in the hospital's time zone, `offsetDays` from today. */
export function hospitalDate(offsetDays = 0, now: Date = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: HOSPITAL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as the SPA's date inputs show it, e.g. "06 Dec 2026". */
export function dateInputText(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day} ${MONTHS[Number(month) - 1]} ${year}`;
}

/**
 * Type a date ("YYYY-MM-DD", which the SPA's date inputs understand as typed) into a date input
 * and leave the field, which closes its calendar (Escape would also close a dialog around it).
 */
export async function fillDate(input: Locator, isoDate: string): Promise<void> {
  await input.fill(isoDate);
  await input.blur();
  await expect(input).toHaveValue(dateInputText(isoDate));
}

/** A date as the SPA shows it (en-US, medium), e.g. "Nov 26, 2026". */
export function shownDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/**
 * The accessible name of a slot's time as the SPA shows it ("9:30 AM", hospital time), as a
 * pattern: ICU versions differ on the space before AM/PM.
 */
export function slotTimeName(startsAt: string): RegExp {
  const text = new Intl.DateTimeFormat('en-US', {
    timeZone: HOSPITAL_TIME_ZONE,
    timeStyle: 'short',
  }).format(new Date(startsAt));
  return new RegExp(`^${text.replace(/\s+/g, '\\s')}$`);
}

// --- appointments -----------------------------------------------------------------------------

/**
 * The first free slot of `doctorId` from tomorrow on (hospital time), found through the slots
 * endpoint: whatever weekday the run falls on, and never a slot about to start.
 */
export async function firstFreeSlot(
  api: HmsApi,
  doctorId: number,
): Promise<{ date: string; slot: Slot }> {
  for (let offset = 1; offset <= 14; offset += 1) {
    const date = hospitalDate(offset);
    const slots = await api.get<Slot[]>(`doctors/${doctorId}/slots/`, { date });
    const slot = slots[0];
    if (slot !== undefined) return { date, slot };
  }
  throw new Error(`doctor ${doctorId} has no free slot in the next 14 days`);
}

/** The appointments of one patient, as the admin sees them (newest first). */
export async function appointmentsOf(admin: HmsApi, patientId: number): Promise<Appointment[]> {
  const page = await admin.get<Page<Appointment>>('appointments/', { patient: patientId });
  return page.results;
}

function manageShell(code: string): string {
  const port = process.env.HMS_E2E_PORT;
  if (port === undefined) throw new Error('HMS_E2E_PORT is not set; run through `npm run e2e`.');
  // The run's database (see server.mjs).
  const database = join(E2E_DIR, '.tmp', `e2e-${port}.sqlite3`);
  return execFileSync(PYTHON, ['manage.py', 'shell', '-c', code], {
    cwd: BACKEND_DIR,
    encoding: 'utf8',
    env: {
      ...process.env,
      DJANGO_SETTINGS_MODULE: 'config.settings.local',
      DATABASE_URL: `sqlite:///${database}?timeout=30`,
      CACHE_URL: 'locmem://',
    },
  });
}

/**
 * Let an appointment's time come: move it back by whole weeks until it has started (same
 * weekday and time, so it stays on the slot grid). The API, rightly, has no way to do this:
 * appointments are booked in the future and may be marked attended only once they start, so a
 * journey that books one and then attends it must let time pass. Only the times change; the
 * status and the history stay as the API wrote them.
 */
export function letAppointmentStart(appointmentId: number): void {
  const id = String(Math.trunc(appointmentId));
  const code = [
    'from datetime import timedelta',
    'from django.utils import timezone',
    'from hms.appointments.models import Appointment',
    `a = Appointment.objects.get(pk=${id})`,
    'weeks = (a.starts_at - timezone.now()).days // 7 + 1',
    'shift = timedelta(weeks=weeks)',
    `Appointment.objects.filter(pk=${id}).update(starts_at=a.starts_at - shift, ends_at=a.ends_at - shift)`,
    'print("moved", weeks)',
  ].join('\n');
  manageShell(code);
}

// --- hospital stays ---------------------------------------------------------------------------

export interface Charges {
  room_charge_per_day: string;
  doctor_fee: string;
  medicine_cost: string;
  other_charge: string;
}

/** The admin admits a patient under a doctor, `daysAgo` days before today (hospital time). */
export function admit(
  admin: HmsApi,
  patientId: number,
  doctorId: number,
  options: { daysAgo?: number; symptoms?: string; room?: string } = {},
): Promise<Admission> {
  return admin.post<Admission>('admissions/', {
    patient: patientId,
    doctor: doctorId,
    admitted_on: hospitalDate(-(options.daysAgo ?? 0)),
    symptoms: options.symptoms ?? 'Fever and breathlessness',
    room: options.room ?? 'Ward 3, bed 7',
    room_charge_per_day: '500.00',
  });
}

/** The admin discharges today (hospital time) and the invoice is issued. */
export function discharge(admin: HmsApi, admissionId: number, charges: Charges): Promise<Invoice> {
  return admin.post<Invoice>(`admissions/${admissionId}/discharge/`, {
    discharged_on: hospitalDate(0),
    ...charges,
  });
}

/** The text of a PDF file, every run of whitespace made one space (pypdf, from the backend). */
export function pdfText(path: string): string {
  const text = execFileSync(
    PYTHON,
    [
      '-c',
      'import sys\nfrom pypdf import PdfReader\nprint("\\n".join(p.extract_text() for p in PdfReader(sys.argv[1]).pages))',
      path,
    ],
    { encoding: 'utf8' },
  );
  return text.replace(/\s+/g, ' ').trim();
}

// --- scheduled jobs ---------------------------------------------------------------------------

/** Where the e2e server's file mail backend writes (see server.mjs). */
export function mailDir(): string {
  return join(E2E_DIR, '.tmp', `mail-${process.env.HMS_E2E_PORT ?? ''}`);
}

/**
 * Run the appointment reminder job once (`manage.py send_reminders`), as Celery beat or
 * `make run`'s loop would, on the run's database and into the run's mail folder. `hours` widens
 * the reminder window (HMS_REMINDER_HOURS) so a visit booked days ahead is due now.
 */
export function sendReminders(hours: number): string {
  const port = process.env.HMS_E2E_PORT;
  if (port === undefined) throw new Error('HMS_E2E_PORT is not set; run through `npm run e2e`.');
  const database = join(E2E_DIR, '.tmp', `e2e-${port}.sqlite3`);
  return execFileSync(PYTHON, ['manage.py', 'send_reminders'], {
    cwd: BACKEND_DIR,
    encoding: 'utf8',
    env: {
      ...process.env,
      DJANGO_SETTINGS_MODULE: 'config.settings.local',
      DATABASE_URL: `sqlite:///${database}?timeout=30`,
      CACHE_URL: 'locmem://',
      EMAIL_URL: `file://${mailDir()}`,
      HMS_REMINDER_HOURS: String(Math.trunc(hours)),
    },
  });
}
