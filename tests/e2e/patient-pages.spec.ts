/**
 * Every page of the patient's workspace passes axe, and what a patient changes in it: cancel a
 * request, lose a slot to someone faster, update contact details.
 */
import {
  DEMO_PASSWORD,
  DEMO_PATIENTS,
  HmsApi,
  approvedDoctor,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerPatient,
  screenshotPage,
  test,
  uniqueMobile,
} from './support';
import { appointmentsOf, fillDate, firstFreeSlot, slotTimeName } from './support/workspace';
import type { Appointment } from './support/workspace';

// The patient's pages are used on phones above all: this file runs at a phone's width.
test.use({ viewport: { width: 390, height: 844 } });

const PAGES = [
  { path: '/patient', heading: 'Dashboard', screenshot: 'patient-dashboard-demo' },
  { path: '/patient/book', heading: 'Book an appointment', screenshot: 'patient-book' },
  { path: '/patient/appointments', heading: 'My appointments', screenshot: 'patient-appointments' },
  { path: '/patient/invoices', heading: 'My invoices', screenshot: 'patient-invoices-demo' },
  { path: '/patient/profile', heading: 'My profile', screenshot: 'patient-profile' },
  { path: '/patient/access-log', heading: 'Who saw my record', screenshot: 'patient-access-log' },
];

test('every patient page has no serious accessibility violations', async ({ page }) => {
  // arav has a discharged stay with its invoice, and appointments in several statuses (seed_demo).
  const patient = DEMO_PATIENTS[1];
  await loginViaApi(page, patient.username, DEMO_PASSWORD, '/patient');
  for (const { path, heading, screenshot } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotPage(page, screenshot);
  }
  await page.goto('/patient/invoices');
  await page.getByRole('link', { name: /^View invoice INV-/ }).first().click();
  await expect(page.getByRole('table', { name: 'Charges' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'patient-invoice-demo');

  await page.goto('/patient/invoices/999999');
  await expect(page.getByRole('heading', { level: 1, name: 'Invoice not found' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a patient cancels a pending request', async ({ page, adminApi, baseURL }) => {
  const doctor = await approvedDoctor(adminApi);
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { slot } = await firstFreeSlot(adminApi, doctor.id);
  const patientApi = await HmsApi.login(baseURL ?? '', patient.username, patient.password);
  const booked = await patientApi.post<Appointment>('appointments/', {
    doctor: doctor.id,
    starts_at: slot.starts_at,
    reason: 'Second opinion on a rash',
  });
  await patientApi.dispose();

  await loginViaApi(page, patient.username, patient.password, '/patient/appointments');
  const card = page.getByRole('article').filter({ hasText: 'Second opinion on a rash' });
  await expect(card.getByText('Pending approval', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Cancel appointment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this appointment?' });
  await dialog.getByLabel('Reason').fill('Feeling better');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();

  await expect(card.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(card).toContainText('Feeling better');
  await expect(card.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0);
  const [after] = await appointmentsOf(adminApi, patient.id);
  expect(after).toMatchObject({ id: booked.id, status: 'CANCELLED', status_reason: 'Feeling better' });
});

test('a slot taken a moment earlier is refused and the free slots are shown again', async ({
  page,
  adminApi,
}) => {
  const doctor = await approvedDoctor(adminApi);
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const faster = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { date, slot } = await firstFreeSlot(adminApi, doctor.id);

  await loginViaApi(page, patient.username, patient.password, '/patient/book');
  const form = page.getByRole('form', { name: 'Book an appointment' });
  await expect(form.getByRole('combobox', { name: 'Doctor' })).toHaveValue(
    `Dr. ${doctor.full_name} (Cardiologist)`,
  );
  await fillDate(form.getByLabel('Date'), date);
  await form.getByRole('radio', { name: slotTimeName(slot.starts_at) }).check();
  await form.getByLabel('Reason').fill('Annual check-up');

  // Someone else gets the same slot first (the hospital books it for another patient).
  await adminApi.post<Appointment>('appointments/', {
    doctor: doctor.id,
    patient: faster.id,
    starts_at: slot.starts_at,
    reason: 'Booked at the desk',
  });
  await form.getByRole('button', { name: 'Request appointment' }).click();

  await expect(form.getByRole('alert')).toHaveText(/This slot was just taken, choose another\./);
  await expect(form.getByRole('radio', { name: slotTimeName(slot.starts_at) })).toHaveCount(0);
  await expect(form.getByRole('radio').first()).toBeVisible();
  await expect(form.getByLabel('Reason')).toHaveValue('Annual check-up');
  expect(await appointmentsOf(adminApi, patient.id)).toEqual([]);
  await screenshotPage(page, 'patient-book-slot-taken');
});

test('a patient updates their contact details', async ({ page, adminApi }) => {
  const patient = await registerPatient(adminApi);
  const mobile = uniqueMobile();

  await loginViaApi(page, patient.username, patient.password, '/patient/profile');
  const form = page.getByRole('form', { name: 'Contact details' });
  await expect(form.getByLabel('Mobile')).toHaveValue(patient.mobile);
  await form.getByLabel('Mobile').fill(mobile);
  await form.getByLabel('Address').fill('8 Temple Street, Madurai');
  await form.getByRole('button', { name: 'Save contact details' }).click();

  await expect(page.getByText('Contact details saved')).toBeVisible();
  const saved = await adminApi.get<{ mobile: string; address: string }>(`patients/${patient.id}/`);
  expect(saved).toMatchObject({ mobile, address: '8 Temple Street, Madurai' });
});
