/**
 * Lists on a phone and on a laptop: at 390×844 the admin approves a pending doctor and cancels
 * an appointment from the lists, whose rows are cards with their buttons in view and no
 * sideways scrolling; at 1366×768 the same lists are tables. Each test acts as an admin of its
 * own on accounts it created.
 */
import type { Page } from '@playwright/test';

import {
  HmsApi,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerDoctor,
  registerPatient,
  signUpAdmin,
  signUpDoctor,
  test,
} from './support';
import { firstFreeSlot } from './support/workspace';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function signInAsNewAdmin(page: Page, api: HmsApi, path: string) {
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, path);
  return admin;
}

/** Nothing on the page is wider than the window: no horizontal scrolling. */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.window);
}

test('on a phone, an admin approves a pending doctor from the list of cards', async ({
  page,
  api,
}) => {
  const doctor = await signUpDoctor(api);
  await page.setViewportSize(PHONE);
  await signInAsNewAdmin(page, api, `/admin/doctors?status=PENDING&search=${doctor.username}`);

  const list = page.getByRole('list', { name: 'Doctors, Pending approval' });
  const card = list.getByRole('article', { name: new RegExp(escapeRegExp(doctor.full_name)) });
  await expect(card).toHaveCount(1);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(card.getByText('Pending approval', { exact: true })).toBeVisible();
  const approve = card.getByRole('button', { name: `Approve ${doctor.full_name}` });
  await expect(approve).toBeInViewport();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);

  await approve.click();
  await expect(page.getByText(`${doctor.full_name} can now sign in.`)).toBeVisible();
  await expect(page.getByText('No doctors match these filters.')).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The same list on a laptop is a table, sortable by name.
  await page.setViewportSize(LAPTOP);
  await page.goto(`/admin/doctors?status=APPROVED&search=${doctor.username}`);
  const table = page.getByRole('table', { name: 'Doctors, Approved' });
  await expect(table.getByRole('row', { name: new RegExp(escapeRegExp(doctor.full_name)) })).toContainText(
    'Approved',
  );
  await expect(page.getByRole('list', { name: 'Doctors, Approved' })).toHaveCount(0);
  await table.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/[?&]ordering=name(&|$)/);
  await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expectNoHorizontalScroll(page);
});

test('on a phone, an admin cancels an appointment from the list; on a laptop it is a table', async ({
  page,
  api,
  adminApi,
}) => {
  const doctor = await registerDoctor(adminApi, { department: 'CARDIOLOGIST' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { slot } = await firstFreeSlot(adminApi, doctor.id);
  await adminApi.post('appointments/', {
    patient: patient.id,
    doctor: doctor.id,
    starts_at: slot.starts_at,
    reason: 'Chest pain when climbing stairs',
  });
  await page.setViewportSize(PHONE);
  await signInAsNewAdmin(page, api, `/admin/appointments?status=CONFIRMED&doctor=${doctor.id}`);

  const list = page.getByRole('list', { name: 'Appointments, Confirmed' });
  const cards = list.getByRole('article');
  await expect(cards).toHaveCount(1);
  const card = cards.first();
  await expect(card).toContainText(patient.full_name);
  await expect(card).toContainText('Chest pain when climbing stairs');
  const cancelButton = card.getByRole('button', {
    name: new RegExp(`^Cancel ${escapeRegExp(patient.full_name)},`),
  });
  await cancelButton.scrollIntoViewIfNeeded();
  await expect(cancelButton).toBeInViewport();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);

  await cancelButton.click();
  const dialog = page.getByRole('dialog', { name: 'Cancel the appointment' });
  await dialog.getByLabel('Reason').fill('Doctor called away');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Appointment cancelled')).toBeVisible();
  await expect(page.getByText('No appointments match these filters.')).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.setViewportSize(LAPTOP);
  await page.goto(`/admin/appointments?status=CANCELLED&doctor=${doctor.id}`);
  const table = page.getByRole('table', { name: 'Appointments, Cancelled' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(
    table.getByRole('row', { name: new RegExp(escapeRegExp(patient.full_name)) }),
  ).toContainText('CancelledDoctor called away');
  await expect(page.getByRole('list', { name: 'Appointments, Cancelled' })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  const [cancelled] = (
    await adminApi.get<{ results: { status: string; status_reason: string }[] }>('appointments/', {
      patient: patient.id,
    })
  ).results;
  expect(cancelled).toMatchObject({ status: 'CANCELLED', status_reason: 'Doctor called away' });
});
