/**
 * The admin's appointment stories (SPEC section 3): book a free slot for a patient (confirmed at
 * once); approve a patient's request, reject another with a reason, cancel a confirmed one. Each
 * test acts as an admin of its own, on a doctor and patients of its own.
 */
import type { Locator, Page } from '@playwright/test';

import {
  HmsApi,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerDoctor,
  registerPatient,
  screenshotPage,
  signUpAdmin,
  test,
} from './support';
import type { Slot } from './support/workspace';
import { appointmentsOf, fillDate, firstFreeSlot, slotTimeName } from './support/workspace';

async function signInAsNewAdmin(page: Page, api: HmsApi, path: string) {
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, path);
  return admin;
}

function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

test('an admin books a free slot for a patient: confirmed at once', async ({
  page,
  api,
  adminApi,
}) => {
  const doctor = await registerDoctor(adminApi, { department: 'DERMATOLOGISTS' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { date, slot } = await firstFreeSlot(adminApi, doctor.id);
  await signInAsNewAdmin(page, api, `/admin/patients/${patient.id}`);

  await page.getByRole('link', { name: 'Book appointment' }).click();
  const form = page.getByRole('form', { name: 'Book an appointment' });
  await expect(form.getByRole('combobox', { name: 'Patient' })).toHaveValue(patient.full_name);
  await expect(form.getByRole('combobox', { name: 'Doctor' })).toHaveValue(doctor.full_name);
  await fillDate(form.getByLabel('Day'), date);
  const slots = form.getByRole('group', { name: 'Free slots' });
  // The slot's radio button is drawn as a chip: a person clicks its text.
  await slots.getByText(slotTimeName(slot.starts_at)).click();
  await expect(slots.getByRole('radio', { name: slotTimeName(slot.starts_at) })).toBeChecked();
  await form.getByLabel('Reason').fill('Rash on both arms');
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-appointment-book-filled');
  await form.getByRole('button', { name: 'Book appointment' }).click();

  await expect(page).toHaveURL(/\/admin\/appointments\?status=CONFIRMED$/);
  await expect(page.getByText('Appointment booked')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(patient.full_name.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Confirmed');
  await expect(row).toContainText('Rash on both arms');

  const [booked] = await appointmentsOf(adminApi, patient.id);
  expect(booked).toMatchObject({ doctor: doctor.id, status: 'CONFIRMED', reason: 'Rash on both arms' });
  expect(Date.parse(booked?.starts_at ?? '')).toBe(Date.parse(slot.starts_at));

  // The slot is no longer offered.
  await page.goto(`/admin/appointments/new?patient=${patient.id}`);
  await expect(form.getByRole('combobox', { name: 'Doctor' })).toHaveValue(doctor.full_name);
  await fillDate(form.getByLabel('Day'), date);
  await expect(slots.getByRole('radio').first()).toBeAttached();
  await expect(slots.getByRole('radio', { name: slotTimeName(slot.starts_at) })).toHaveCount(0);
});

test('an admin approves a request, rejects another with a reason and cancels a confirmed one', async ({
  page,
  api,
  adminApi,
  baseURL,
}) => {
  const doctor = await registerDoctor(adminApi, { department: 'ANESTHESIOLOGISTS' });
  const first = await registerPatient(adminApi);
  const second = await registerPatient(adminApi);
  const { date } = await firstFreeSlot(adminApi, doctor.id);
  const [slotA, slotB] = await adminApi.get<Slot[]>(`doctors/${doctor.id}/slots/`, { date });
  if (slotA === undefined || slotB === undefined) throw new Error('two free slots expected');
  // The patients ask for appointments themselves: they start PENDING.
  for (const [patient, slot] of [
    [first, slotA],
    [second, slotB],
  ] as const) {
    const client = await HmsApi.login(baseURL ?? '', patient.username, patient.password);
    await client.post('appointments/', {
      doctor: doctor.id,
      starts_at: slot.starts_at,
      reason: 'Questions before the operation',
    });
    await client.dispose();
  }
  await signInAsNewAdmin(page, api, '/admin/appointments');

  await page.getByRole('tab', { name: 'Pending approval' }).click();
  const doctorFilter = page.getByRole('combobox', { name: 'Doctor' });
  await doctorFilter.click();
  await doctorFilter.fill(doctor.username);
  await page.getByRole('option', { name: doctor.full_name }).click();
  await expect(page.getByRole('row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-appointments-pending');

  await page.getByRole('button', { name: startsWith(`Approve ${first.full_name},`) }).click();
  await expect(page.getByText('Appointment confirmed')).toBeVisible();

  await page.getByRole('button', { name: startsWith(`Reject ${second.full_name},`) }).click();
  const reject = page.getByRole('dialog', { name: 'Reject the request' });
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(reject.getByText('Give a reason.')).toBeVisible();
  await reject.getByLabel('Reason').fill('The doctor is in theatre that morning');
  await dialogShown(reject);
  await expectNoSeriousA11yViolations(page);
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(reject).toBeHidden();
  await expect(page.getByText(`${second.full_name} sees your reason.`)).toBeVisible();
  await expect(page.getByText('No appointments match these filters.')).toBeVisible();

  await page.getByRole('tab', { name: 'Confirmed' }).click();
  await page.getByRole('button', { name: startsWith(`Cancel ${first.full_name},`) }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel the appointment' });
  await cancel.getByLabel('Reason').fill('Patient asked by phone');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel).toBeHidden();
  await expect(page.getByText('Appointment cancelled')).toBeVisible();

  await page.getByRole('tab', { name: 'All' }).click();
  await expect(page.getByRole('row', { name: new RegExp(first.full_name.replace(/\./g, '\\.')) })).toContainText(
    'CancelledPatient asked by phone',
  );
  await expect(page.getByRole('row', { name: new RegExp(second.full_name.replace(/\./g, '\\.')) })).toContainText(
    'RejectedThe doctor is in theatre that morning',
  );
  expect(await appointmentsOf(adminApi, first.id)).toMatchObject([
    { status: 'CANCELLED', status_reason: 'Patient asked by phone' },
  ]);
  expect(await appointmentsOf(adminApi, second.id)).toMatchObject([
    { status: 'REJECTED', status_reason: 'The doctor is in theatre that morning' },
  ]);
});

/** A dialog that has finished fading in: axe must not measure colours mid-transition. */
async function dialogShown(dialog: Locator) {
  await expect(dialog).toHaveCSS('opacity', '1');
}
