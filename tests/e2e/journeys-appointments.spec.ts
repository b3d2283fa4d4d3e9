/**
 * Story 3 (SPEC section 3): a patient books, the hospital approves, the doctor attends. The
 * patient's side runs at a phone's width (390 px), where the menu sits behind a button.
 */
import type { Page as BrowserPage } from '@playwright/test';

import {
  HmsApi,
  approvedDoctor,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerPatient,
  screenshotPage,
  test,
} from './support';
import {
  appointmentsOf,
  fillDate,
  firstFreeSlot,
  letAppointmentStart,
  shownDate,
  slotTimeName,
} from './support/workspace';
import type { Appointment } from './support/workspace';

const PHONE = { width: 390, height: 844 };

async function openFromMenu(page: BrowserPage, name: string) {
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.use({ viewport: PHONE });

test('story 3: a patient books, the admin approves, the doctor marks it attended', async ({
  page,
  browser,
  baseURL,
  adminApi,
}) => {
  const doctor = await approvedDoctor(adminApi, { department: 'CARDIOLOGIST' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { date, slot } = await firstFreeSlot(adminApi, doctor.id);
  const reason = 'Chest tightness when climbing stairs';

  // The patient books on a phone.
  await loginViaApi(page, patient.username, patient.password, '/patient');
  await openFromMenu(page, 'Book an appointment');
  const form = page.getByRole('form', { name: 'Book an appointment' });
  await expect(form.getByRole('combobox', { name: 'Doctor' })).toHaveValue(
    `Dr. ${doctor.full_name} (Cardiologist)`,
  );
  await fillDate(form.getByLabel('Date'), date);
  const time = form.getByRole('radio', { name: slotTimeName(slot.starts_at) });
  await time.check();
  await form.getByLabel('Reason').fill(reason);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'patient-book-filled');
  await form.getByRole('button', { name: 'Request appointment' }).click();

  const result = page.getByRole('status').filter({ hasText: 'Request sent: waiting for approval' });
  await expect(result).toContainText("It is not confirmed yet: it waits for the hospital's approval.");
  await expect(result).toContainText(shownDate(date));
  await screenshotPage(page, 'patient-book-requested');

  const [booked] = await appointmentsOf(adminApi, patient.id);
  expect(booked).toMatchObject({
    doctor: doctor.id,
    reason,
    status: 'PENDING',
  });
  expect(new Date(booked!.starts_at).getTime()).toBe(new Date(slot.starts_at).getTime());

  // "My appointments" says it is pending.
  await result.getByRole('link', { name: 'See my appointments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My appointments' })).toBeVisible();
  const card = page.getByRole('article').filter({ hasText: reason });
  await expect(card.getByText('Pending approval', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Cancel appointment' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'patient-appointments-pending');

  // The hospital approves the request.
  await adminApi.post<Appointment>(`appointments/${booked!.id}/approve/`);
  await page.reload();
  await expect(card.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(card.getByText('Pending approval', { exact: true })).toHaveCount(0);

  // The doctor sees it with the patient's details; before the visit there is nothing to mark.
  const doctorContext = await browser.newContext({ baseURL, viewport: PHONE });
  const doctorPage = await doctorContext.newPage();
  await loginViaApi(doctorPage, doctor.username, doctor.password, '/doctor/appointments');
  const visit = doctorPage.getByRole('article', { name: patient.full_name });
  await expect(visit).toContainText(reason);
  await expect(visit).toContainText(patient.mobile);
  await expect(visit).toContainText(patient.address);
  await expect(visit).toContainText(patient.symptoms);
  await expect(visit.getByRole('button', { name: 'Mark as attended' })).toHaveCount(0);
  await expect(visit).toContainText('You can mark it attended once it has started.');
  // ... and the server refuses it as well.
  const doctorApi = await HmsApi.login(baseURL ?? '', doctor.username, doctor.password);
  const early = await doctorApi.send('POST', `appointments/${booked!.id}/complete/`);
  expect(early.status()).toBe(409);

  // The time of the visit comes; the doctor marks it attended and it leaves the list.
  letAppointmentStart(booked!.id);
  await doctorPage.reload();
  await visit.getByRole('button', { name: 'Mark as attended' }).click();
  const dialog = doctorPage.getByRole('dialog', { name: 'Mark as attended?' });
  await expect(dialog).toContainText(patient.full_name);
  await expectNoSeriousA11yViolations(doctorPage);
  await dialog.getByRole('button', { name: 'Mark as attended' }).click();
  await expect(doctorPage.getByText('Marked as attended')).toBeVisible();
  await expect(visit).toHaveCount(0);
  await expect(doctorPage.getByText('No confirmed appointments')).toBeVisible();
  await screenshotPage(doctorPage, 'doctor-appointments-after-attended');

  const attended = await adminApi.get<Appointment>(`appointments/${booked!.id}/`);
  expect(attended.status).toBe('COMPLETED');
  await doctorApi.dispose();
  await doctorContext.close();

  // The patient's history keeps it, as completed.
  await page.reload();
  await expect(card.getByText('Completed', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0);
});
