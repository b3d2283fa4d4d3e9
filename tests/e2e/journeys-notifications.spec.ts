/**
 * SPEC section 9: a patient asks for an appointment, the admin's bell counts it, the admin
 * approves, the patient sees the notification; the reminder job e-mails the confirmed visit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import {
  HmsApi,
  approvedDoctor,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerPatient,
  signUpAdmin,
  test,
} from './support';
import { firstFreeSlot, mailDir, sendReminders } from './support/workspace';

/** The unread count the header's bell announces ("Notifications, 3 unread"; 0 when none). */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications/ });
  await expect(bell).toBeVisible();
  const label = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}

test('notifications: the admin is told of a request, the patient of the approval, and the reminder is e-mailed', async ({
  page,
  browser,
  baseURL,
  api,
  adminApi,
}) => {
  test.setTimeout(90_000);
  const doctor = await approvedDoctor(adminApi, { department: 'CARDIOLOGIST' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { slot } = await firstFreeSlot(adminApi, doctor.id);

  // A new admin of the test's own, watching the bell.
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, '/admin');
  const before = await bellCount(page);

  // The patient asks for an appointment.
  const patientApi = await HmsApi.login(baseURL ?? '', patient.username, patient.password);
  const booked = await patientApi.post<{ id: number }>('appointments/', {
    doctor: doctor.id,
    starts_at: slot.starts_at,
    reason: 'Chest tightness when climbing stairs',
  });
  await patientApi.dispose();

  // The bell counts it (a reload stands in for the 30-second poll), and the list says what.
  await page.reload();
  await expect.poll(() => bellCount(page)).toBeGreaterThan(before);
  await page.getByRole('banner').getByRole('link', { name: /^Notifications/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const request = page
    .getByRole('row')
    .filter({ has: page.getByText('New', { exact: true }) })
    .filter({ hasText: `A patient asked for an appointment with Dr. ${doctor.full_name}` });
  await expect(request).toBeVisible();
  // No clinical detail reaches a notification.
  await expect(request).not.toContainText('Chest tightness');
  await expectNoSeriousA11yViolations(page);
  await request.getByRole('button', { name: 'Mark read' }).click();
  await expect(request).toBeHidden();

  // The admin approves.
  await adminApi.post(`appointments/${booked.id}/approve/`);

  // The patient sees it on the bell and in the list.
  const context = await browser.newContext({ baseURL });
  const patientPage = await context.newPage();
  await loginViaApi(patientPage, patient.username, patient.password, '/patient');
  await expect(
    patientPage.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' }),
  ).toBeVisible();
  await patientPage.getByRole('banner').getByRole('link', { name: /^Notifications/ }).click();
  const approved = patientPage
    .getByRole('row')
    .filter({ has: patientPage.getByText('New', { exact: true }) })
    .filter({ hasText: `Your appointment with Dr. ${doctor.full_name}` });
  await expect(approved).toContainText('is confirmed.');
  await patientPage.getByRole('button', { name: 'Mark all read' }).click();
  await expect(
    patientPage.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true }),
  ).toBeVisible();
  await patientPage.getByRole('link', { name: 'E-mail preferences' }).click();
  await expect(
    patientPage.getByRole('checkbox', { name: 'Appointment reminder' }),
  ).toBeChecked();
  await expect(patientPage.getByRole('checkbox', { name: 'Account approved' })).toBeDisabled();
  await expectNoSeriousA11yViolations(patientPage);
  await context.close();

  // The reminder job e-mails the confirmed visit (the window widened to reach it); a second
  // run sends nothing more.
  sendReminders(24 * 16);
  sendReminders(24 * 16);
  const reminders = () =>
    readdirSync(mailDir())
      .map((name) => readFileSync(join(mailDir(), name), 'utf8'))
      .filter((text) => text.includes(`To: ${patient.email}`) && text.includes('Reminder: your appointment'));
  expect(reminders()).toHaveLength(1);
  const mail = reminders()[0] ?? '';
  expect(mail).toContain(`Reminder: your appointment with Dr. ${doctor.full_name} is on`);
  expect(mail).toContain('IST');
  expect(mail).toContain('/patient/notifications/preferences');
  expect(mail).not.toContain('Chest tightness');
});
