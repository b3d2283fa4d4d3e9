/**
 * axe on every page of the app, signed out and as each role, at a laptop's size (1366×768) and a
 * phone's (390×844): no serious or critical violation anywhere. Read-only: the demo accounts are
 * only looked at.
 *
 * Kept cheap: one sign-in per role and size, and a page is checked once its heading shows and no
 * loader is left (not after the network has gone idle).
 */
import type { Page as BrowserPage } from '@playwright/test';

import {
  DEMO_ADMIN,
  DEMO_DOCTORS,
  DEMO_PATIENTS,
  HmsApi,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  test,
} from './support';
import type { Page } from './support';

interface IdRow {
  id: number;
}

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1366, height: 768 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

// dr.rahul and his patient arav: the demo pair with a confirmed visit, so every page has rows.
const DOCTOR = DEMO_DOCTORS[1];
const PATIENT = DEMO_PATIENTS[1];

const SIGNED_OUT = [
  '/login',
  '/signup/patient',
  '/signup/doctor',
  '/signup/submitted',
  '/forgot-password',
  '/reset-password',
  '/notifications/unsubscribe',
  '/no-such-page',
];

async function firstId(api: HmsApi, path: string, query: Record<string, string> = {}) {
  const [row] = (await api.get<Page<IdRow>>(path, { page_size: '1', ...query })).results;
  if (row === undefined) throw new Error(`the demo data has no row in ${path}`);
  return row.id;
}

/** Open `path`, wait for its h1 and for every loader to give way to its data, and run axe. */
async function check(page: BrowserPage, path: string) {
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[role="status"] .mantine-Loader-root')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, { settle: false });
}

/** Check every path and report all the pages with violations at once, not only the first. */
async function checkAll(page: BrowserPage, paths: string[]) {
  const failures: string[] = [];
  for (const path of paths) {
    await test.step(path, async () => {
      try {
        await check(page, path);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push(`${path}: ${message}`);
      }
    });
  }
  expect(failures.join('\n\n'), 'pages with serious accessibility violations').toBe('');
}

async function adminPaths(admin: HmsApi): Promise<string[]> {
  const doctor = await firstId(admin, 'doctors/', { status: 'APPROVED' });
  const patient = await firstId(admin, 'patients/', { status: 'APPROVED' });
  const admission = await firstId(admin, 'admissions/');
  const invoice = await firstId(admin, 'invoices/');
  const appointment = await firstId(admin, 'appointments/');
  return [
    '/admin',
    '/admin/doctors',
    '/admin/doctors?status=PENDING',
    '/admin/doctors/new',
    `/admin/doctors/${doctor}`,
    `/admin/doctors/${doctor}/edit`,
    '/admin/patients',
    '/admin/patients/new',
    `/admin/patients/${patient}`,
    `/admin/patients/${patient}/edit`,
    '/admin/admissions',
    '/admin/admissions/new',
    `/admin/admissions/${admission}`,
    '/admin/invoices',
    `/admin/invoices/${invoice}`,
    '/admin/reports',
    '/admin/appointments',
    '/admin/appointments/new',
    `/admin/appointments/${appointment}`,
    '/admin/calendar',
    '/admin/schedules',
    '/admin/waitlist',
    '/admin/audit',
    '/admin/notifications',
    '/admin/notifications/preferences',
    '/admin/profile',
    '/admin/no-such-page',
  ];
}

async function doctorPaths(baseURL: string): Promise<string[]> {
  const doctor = await HmsApi.login(baseURL, DOCTOR.username);
  try {
    const patient = await firstId(doctor, 'patients/');
    const appointment = await firstId(doctor, 'appointments/', { history: 'true' });
    const stay = await firstId(doctor, 'admissions/');
    return [
      '/doctor',
      '/doctor/appointments',
      '/doctor/appointments/history',
      `/doctor/appointments/${appointment}`,
      `/doctor/appointments/${appointment}/note`,
      '/doctor/calendar',
      '/doctor/patients',
      `/doctor/patients/${patient}`,
      `/doctor/patients/${patient}/record`,
      `/doctor/stays/${stay}`,
      '/doctor/discharged',
      '/doctor/notifications',
      '/doctor/notifications/preferences',
      '/doctor/profile',
    ];
  } finally {
    await doctor.dispose();
  }
}

async function patientPaths(baseURL: string): Promise<string[]> {
  const patient = await HmsApi.login(baseURL, PATIENT.username);
  try {
    const appointment = await firstId(patient, 'appointments/');
    const invoice = await firstId(patient, 'invoices/');
    return [
      '/patient',
      '/patient/book',
      '/patient/appointments',
      `/patient/appointments/${appointment}`,
      '/patient/waitlist',
      '/patient/invoices',
      `/patient/invoices/${invoice}`,
      '/patient/record',
      '/patient/access-log',
      '/patient/notifications',
      '/patient/notifications/preferences',
      '/patient/profile',
    ];
  } finally {
    await patient.dispose();
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.size.width}×${viewport.size.height}`, () => {
    test.use({ viewport: viewport.size });
    test.describe.configure({ timeout: 600_000 });

    test(`every signed-out page (${viewport.name})`, async ({ page }) => {
      await checkAll(page, SIGNED_OUT);
    });

    test(`every admin page (${viewport.name})`, async ({ page, adminApi }) => {
      const paths = await adminPaths(adminApi);
      await loginViaApi(page, DEMO_ADMIN.username, undefined, '/admin');
      await checkAll(page, paths);
    });

    test(`every doctor page (${viewport.name})`, async ({ page, baseURL }) => {
      const paths = await doctorPaths(baseURL ?? '');
      await loginViaApi(page, DOCTOR.username, undefined, '/doctor');
      await checkAll(page, paths);
    });

    test(`every patient page (${viewport.name})`, async ({ page, baseURL }) => {
      const paths = await patientPaths(baseURL ?? '');
      await loginViaApi(page, PATIENT.username, undefined, '/patient');
      await checkAll(page, paths);
    });
  });
}
