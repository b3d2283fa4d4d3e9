/**
 * Every page of the admin's workspace, as the demo admin sees it with the demo data: it loads its
 * data, has no serious accessibility violation, and is saved as a screenshot. Read-only: nothing
 * here changes state (the journeys in admin-*.spec.ts do, with their own accounts).
 */
import type { Page as BrowserPage, Locator } from '@playwright/test';

import {
  DEMO_ADMIN,
  DEMO_PATIENTS,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  screenshotPage,
  test,
} from './support';
import type { Page } from './support';

interface IdRow {
  id: number;
}

const LIST_PAGES = [
  { path: '/admin', heading: 'Dashboard', screenshot: 'admin-dashboard' },
  { path: '/admin/doctors', heading: 'Doctors', screenshot: 'admin-doctors' },
  {
    path: '/admin/doctors?status=PENDING',
    heading: 'Doctors',
    screenshot: 'admin-doctors-pending',
  },
  { path: '/admin/doctors/new', heading: 'Register a doctor', screenshot: 'admin-doctor-register' },
  { path: '/admin/patients', heading: 'Patients', screenshot: 'admin-patients' },
  {
    path: '/admin/patients/new',
    heading: 'Register a patient',
    screenshot: 'admin-patient-register',
  },
  { path: '/admin/admissions', heading: 'Admissions', screenshot: 'admin-admissions' },
  {
    path: '/admin/admissions?status=DISCHARGED',
    heading: 'Admissions',
    screenshot: 'admin-admissions-discharged',
  },
  { path: '/admin/admissions/new', heading: 'Admit a patient', screenshot: 'admin-admit' },
  { path: '/admin/invoices', heading: 'Invoices', screenshot: 'admin-invoices' },
  { path: '/admin/appointments', heading: 'Appointments', screenshot: 'admin-appointments' },
  {
    path: '/admin/appointments/new',
    heading: 'Book an appointment',
    screenshot: 'admin-appointment-book',
  },
  { path: '/admin/audit', heading: 'Audit log', screenshot: 'admin-audit' },
];

async function expectPage(page: BrowserPage, heading: string, screenshot: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, screenshot);
}

for (const { path, heading, screenshot } of LIST_PAGES) {
  test(`${path} loads and has no serious accessibility violations`, async ({ page }) => {
    await loginViaApi(page, DEMO_ADMIN.username, undefined, path);
    await expectPage(page, heading, screenshot);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test('the dashboard shows the counts, the week ahead and the queues of the demo data', async ({
  page,
  adminApi,
}) => {
  const doctors = await adminApi.get<Page<IdRow>>('doctors/', { status: 'PENDING' });
  await loginViaApi(page, DEMO_ADMIN.username, undefined, '/admin');

  const doctorsCard = page.getByRole('region', { name: 'Doctors', exact: true });
  await expect(doctorsCard).toContainText(`${doctors.count} pending approval`);
  await expect(page.getByRole('img', { name: /^Appointments per day\./ })).toBeVisible();
  const queue = page.getByRole('region', { name: 'Doctors awaiting approval' });
  await expect(queue.getByText(`${doctors.count} waiting`)).toBeVisible();
  await expect(queue.getByRole('listitem')).toHaveCount(Math.min(5, doctors.count));
});

test('the detail pages of a demo doctor, patient, admission and invoice', async ({
  page,
  adminApi,
}) => {
  const patient = DEMO_PATIENTS[0];
  const [found] = (await adminApi.get<Page<IdRow & { assigned_doctor: number }>>('patients/', {
    search: patient.fullName,
  })).results;
  if (found === undefined) throw new Error(`demo patient ${patient.username} not found`);
  const [current] = (await adminApi.get<Page<IdRow>>('admissions/', {
    patient: found.id,
    status: 'ADMITTED',
  })).results;
  const [invoice] = (await adminApi.get<Page<IdRow & { number: string }>>('invoices/')).results;
  if (current === undefined || invoice === undefined) throw new Error('demo stays are missing');

  await loginViaApi(page, DEMO_ADMIN.username, undefined, `/admin/patients/${found.id}`);
  await expectPage(page, patient.fullName, 'admin-patient');
  // The assign-doctor dialog, opened and left without saving.
  await page.getByRole('button', { name: 'Assign doctor' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign a doctor' });
  await expect(assign.getByRole('combobox', { name: 'Doctor' })).toHaveValue('Anita Desai');
  await dialogShown(assign);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-patient-assign-doctor');
  await assign.getByRole('button', { name: 'Back' }).click();
  await expect(assign).toBeHidden();

  await page.getByRole('link', { name: 'Edit' }).click();
  await expectPage(page, `Edit ${patient.fullName}`, 'admin-patient-edit');
  await page.goBack();

  await page.getByRole('link', { name: 'Anita Desai' }).first().click();
  await expectPage(page, 'Anita Desai', 'admin-doctor');

  await page.goto(`/admin/admissions/${current.id}`);
  await expectPage(page, `Admission of ${patient.fullName}`, 'admin-admission');
  await expect(page.getByRole('form', { name: 'Discharge' })).toBeVisible();

  await page.goto(`/admin/invoices/${invoice.id}`);
  await expectPage(page, `Invoice ${invoice.number}`, 'admin-invoice');
});

/** A dialog that has finished fading in: axe must not measure colours mid-transition. */
async function dialogShown(dialog: Locator) {
  await expect(dialog).toHaveCSS('opacity', '1');
}
