/**
 * Scheduling (SPEC section 12): the admin sets a doctor's weekly hours and a day off, books a
 * free slot from the calendar's day view and reschedules that visit; a patient on a doctor's
 * waitlist accepts the slot offered to them after another patient cancels.
 */
import {
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerDoctor,
  registerPatient,
  signUpAdmin,
  test,
} from './support';
import type { Slot } from './support/workspace';
import {
  appointmentsOf,
  fillDate,
  firstFreeSlot,
  hospitalDate,
  slotTimeName,
} from './support/workspace';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function weekdayOf(isoDate: string): number {
  return (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function timeText(slot: Slot): string {
  return slotTimeName(slot.starts_at).source.slice(1, -1);
}

test('the admin sets a week and a day off, books from the day view and reschedules', async ({
  page,
  api,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const doctor = await registerDoctor(adminApi, { department: 'DERMATOLOGISTS' });
  const patient = await registerPatient(adminApi);
  const { date } = await firstFreeSlot(adminApi, doctor.id);
  const dayOff = addDays(date, 7);
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, `/admin/schedules?doctor=${doctor.id}`);

  // Weekly hours: mornings on that weekday only.
  const week = page.getByRole('form', { name: 'Weekly hours' });
  await week.getByRole('button', { name: 'Add a window' }).click();
  await week.getByRole('combobox', { name: 'Day' }).click();
  await page.getByRole('option', { name: WEEKDAYS[weekdayOf(date)] }).click();
  await week.getByLabel('Until').fill('11:00');
  await week.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByText('Weekly hours saved')).toBeVisible();

  // A day off a week later.
  const off = page.getByRole('form', { name: 'Add time off' });
  await fillDate(off.getByLabel('First day off'), dayOff);
  await fillDate(off.getByLabel('Last day off'), dayOff);
  await off.getByLabel('Reason (optional)').fill('Conference');
  await off.getByRole('button', { name: 'Add time off' }).click();
  await expect(page.getByText('Time off added')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Planned time off' }).getByRole('row').filter({ hasText: 'Conference' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(await adminApi.get<Slot[]>(`doctors/${doctor.id}/slots/`, { date: dayOff })).toEqual([]);
  const slots = await adminApi.get<Slot[]>(`doctors/${doctor.id}/slots/`, { date });
  expect(slots.length).toBe(4); // 09:00 to 11:00
  const [first, second] = slots as [Slot, Slot];

  // Book from the front desk's day view.
  await page.goto(`/admin/calendar?date=${date}`);
  const column = page.getByRole('region', { name: new RegExp(`^${escape(doctor.full_name)} · `) });
  await column
    .getByRole('button', {
      name: new RegExp(`^Book ${timeText(first)} with ${escape(doctor.full_name)}$`),
    })
    .click();
  const book = page.getByRole('form', { name: 'Book this slot' });
  await book.getByRole('combobox', { name: 'Patient' }).fill(patient.full_name);
  await page.getByRole('option', { name: new RegExp(escape(patient.full_name)) }).click();
  await book.getByLabel('Reason').fill('Rash');
  await book.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByText('Appointment booked')).toBeVisible();

  // Open it and move it to the next slot.
  await column
    .getByRole('button', { name: new RegExp(`${escape(patient.full_name)}, open the appointment`) })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Appointment' });
  await fillDate(dialog.getByLabel('Move to day'), date);
  await dialog.getByText(slotTimeName(second.starts_at)).click();
  await dialog.getByRole('button', { name: 'Reschedule' }).click();
  await expect(page.getByText('Appointment moved')).toBeVisible();

  const appointments = await appointmentsOf(adminApi, patient.id);
  const moved = appointments.find((row) => row.status === 'CONFIRMED');
  const old = appointments.find((row) => row.status === 'CANCELLED');
  expect(moved?.starts_at).toBe(second.starts_at);
  expect(old?.status_reason).toBe('rescheduled');
  expect((moved as unknown as { rescheduled_from: number }).rescheduled_from).toBe(old?.id);
});

test('a waitlisted patient accepts the slot offered after another patient cancels', async ({
  page,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const doctor = await registerDoctor(adminApi, { department: 'DERMATOLOGISTS' });
  const booked = await registerPatient(adminApi);
  const waiting = await registerPatient(adminApi);
  const { slot } = await firstFreeSlot(adminApi, doctor.id);
  const visit = await adminApi.post<{ id: number }>('appointments/', {
    doctor: doctor.id,
    patient: booked.id,
    starts_at: slot.starts_at,
    reason: 'Check-up',
  });

  await loginViaApi(page, waiting.username, waiting.password, '/patient/waitlist');
  const join = page.getByRole('form', { name: 'Join a waitlist' });
  await join.getByRole('combobox', { name: 'Doctor' }).click();
  await page.getByRole('option', { name: new RegExp(`^${escape(doctor.full_name)} · `) }).click();
  await fillDate(join.getByLabel('Until'), hospitalDate(20));
  await join.getByLabel('Reason').fill('Follow-up');
  await join.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(page.getByText('On the waitlist')).toBeVisible();
  await expect(page.getByText('Waiting', { exact: true })).toBeVisible();

  await adminApi.post(`appointments/${visit.id}/cancel/`, { reason: 'Recovered' });

  await page.reload();
  await expect(page.getByText(/^Offered: /)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Accept the offered slot' }).click();
  await expect(page.getByText('Slot accepted')).toBeVisible();

  const [mine] = await appointmentsOf(adminApi, waiting.id);
  expect([mine?.starts_at, mine?.status]).toEqual([slot.starts_at, 'PENDING']);
});
