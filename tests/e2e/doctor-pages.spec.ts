/** Every page of the doctor's workspace loads its data and passes axe (demo doctor, read-only). */
import {
  DEMO_DOCTORS,
  DEMO_PASSWORD,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  screenshotPage,
  test,
} from './support';

const PAGES = [
  { path: '/doctor', heading: 'Dashboard', screenshot: 'doctor-dashboard' },
  { path: '/doctor/appointments', heading: 'My appointments', screenshot: 'doctor-appointments' },
  { path: '/doctor/patients', heading: 'My patients', screenshot: 'doctor-patients' },
  { path: '/doctor/discharged', heading: 'Discharged patients', screenshot: 'doctor-discharged' },
  { path: '/doctor/profile', heading: 'My profile', screenshot: 'doctor-profile' },
];

test('every doctor page has no serious accessibility violations', async ({ page }) => {
  // dr.rahul has a confirmed visit from yesterday waiting to be marked attended (seed_demo).
  const doctor = DEMO_DOCTORS[1];
  await loginViaApi(page, doctor.username, DEMO_PASSWORD, '/doctor');
  for (const { path, heading, screenshot } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotPage(page, screenshot);
  }
});

test("the doctor's appointments carry the patient's details, soonest first", async ({ page }) => {
  const doctor = DEMO_DOCTORS[1];
  await loginViaApi(page, doctor.username, DEMO_PASSWORD, '/doctor/appointments');
  // seed_demo: arav's visit of yesterday is confirmed and not yet marked attended.
  const appointments = page.getByRole('table', { name: 'My confirmed appointments' });
  const visit = appointments.getByRole('row').filter({ hasText: 'आरव गुप्ता' }).filter({
    hasText: 'Itchy rash on both arms',
  });
  await expect(visit.getByRole('button', { name: 'Mark as attended' })).toBeVisible();
  // The first row under the headings is the soonest.
  await expect(appointments.getByRole('row').nth(1)).toContainText('Itchy rash on both arms');
  // Opening the dialog changes nothing; it is closed without confirming.
  await visit.getByRole('button', { name: 'Mark as attended' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as attended?' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(visit).toHaveCount(1);
});
