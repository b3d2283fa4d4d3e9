/**
 * The admin's account stories (SPEC section 1): an admin signs up and signs in; approves a
 * pending doctor, who can then sign in; rejects another with a reason, who cannot; registers,
 * edits and deletes a doctor; approves a pending patient from the dashboard's queue. Each test
 * acts as an admin of its own and changes only accounts it created.
 */
import type { Browser, Locator, Page } from '@playwright/test';

import {
  E2E_PASSWORD,
  HmsApi,
  expect,
  expectNoSeriousA11yViolations,
  expectSignedInAs,
  loginAs,
  loginViaApi,
  newDoctorInput,
  newPerson,
  screenshotPage,
  signUpAdmin,
  signUpDoctor,
  signUpPatient,
  submitLogin,
  test,
} from './support';
import type { Doctor, Patient } from './support';

const NOT_APPROVED =
  'Your account was not approved by the hospital. Please contact the hospital if you think this is a mistake.';

/** A new admin of the test's own, signed in to the browser page. */
async function signInAsNewAdmin(page: Page, api: HmsApi, path = '/admin') {
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, path);
  return admin;
}

/** Sign in as someone else in a separate browser window (its own cookies). */
async function otherWindow(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test('an admin signs up through the form and signs in to the dashboard', async ({ page }) => {
  const admin = newPerson('e2e.admin');
  await page.goto('/signup/admin');
  const form = page.getByRole('form', { name: 'Admin sign-up' });
  await form.getByLabel('First name').fill(admin.first_name);
  await form.getByLabel('Last name').fill(admin.last_name);
  await form.getByLabel('Username').fill(admin.username);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
  await form.getByRole('button', { name: 'Create admin account' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your admin account is ready. Sign in to continue.')).toBeVisible();
  await loginAs(page, admin.username, admin.password);

  await expectSignedInAs(page, `${admin.first_name} ${admin.last_name}`, 'ADMIN');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(
    page.getByText(`Welcome, ${admin.first_name} ${admin.last_name}`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Doctors', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Appointments per day\./ })).toBeVisible();
});

test('an admin approves a pending doctor, who can then sign in', async ({
  page,
  api,
  browser,
  baseURL,
}) => {
  const doctor = await signUpDoctor(api);
  expect(doctor.status).toBe('PENDING');
  await signInAsNewAdmin(page, api);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Doctors' }).click();
  await page.getByRole('tab', { name: 'Pending approval' }).click();
  await page.getByLabel('Search by name').fill(doctor.username);
  const row = page.getByRole('row', { name: new RegExp(escapeRegExp(doctor.full_name)) });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Pending approval', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-doctors-pending-search');

  await row.getByRole('button', { name: `Approve ${doctor.full_name}` }).click();

  await expect(page.getByText(`${doctor.full_name} can now sign in.`)).toBeVisible();
  await expect(page.getByText('No doctors match these filters.')).toBeVisible();
  await page.getByRole('tab', { name: 'Approved' }).click();
  await expect(row.getByText('Approved', { exact: true })).toBeVisible();

  const other = await otherWindow(browser, baseURL);
  await loginAs(other.page, doctor.username, doctor.password);
  await expectSignedInAs(other.page, doctor.full_name, 'DOCTOR');
  await other.context.close();
});

test('an admin rejects a doctor with a reason, who then cannot sign in', async ({
  page,
  api,
  adminApi,
  browser,
  baseURL,
}) => {
  const doctor = await signUpDoctor(api);
  await signInAsNewAdmin(page, api, `/admin/doctors/${doctor.id}`);
  await expect(page.getByRole('heading', { level: 1, name: doctor.full_name })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: `Reject ${doctor.full_name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Reject ${doctor.full_name}` });
  await dialog.getByLabel('Reason').fill('No licence number on the application');
  await dialogShown(dialog);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-doctor-reject-dialog');
  await dialog.getByRole('button', { name: 'Reject application' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${doctor.full_name} cannot sign in.`)).toBeVisible();
  await expect(page.getByText('This application was rejected; the doctor cannot sign in.')).toBeVisible();
  await expect(page.getByRole('button', { name: `Approve ${doctor.full_name}` })).toHaveCount(0);
  expect((await adminApi.get<Doctor>(`doctors/${doctor.id}/`)).status).toBe('REJECTED');

  const other = await otherWindow(browser, baseURL);
  await submitLogin(other.page, doctor.username, doctor.password);
  const alert = other.page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  await expect(alert).toContainText(NOT_APPROVED);
  await expect(other.page).toHaveURL(/\/login$/);
  await other.context.close();
});

test('an admin registers a doctor, edits the profile and deletes the account', async ({
  page,
  api,
  adminApi,
}) => {
  const input = newDoctorInput();
  const fullName = `${input.first_name} ${input.last_name}`;
  await signInAsNewAdmin(page, api, '/admin/doctors');

  await page.getByRole('link', { name: 'Register a doctor' }).click();
  const form = page.getByRole('form', { name: 'Register a doctor' });
  await form.getByLabel('First name').fill(input.first_name);
  await form.getByLabel('Last name').fill(input.last_name);
  await form.getByLabel('Username').fill(input.username);
  await form.getByLabel('Initial password').fill('short');
  await form.getByLabel('Mobile').fill(input.mobile);
  await form.getByLabel('Address').fill(input.address);
  await form.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Dermatologists' }).click();
  await form.getByRole('button', { name: 'Register doctor' }).click();

  // The server's password rules, next to the field.
  await expect(form.getByText(/at least 12 characters/i).last()).toBeVisible();
  await form.getByLabel('Initial password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Register doctor' }).click();

  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByText(`${fullName} can sign in as ${input.username}.`)).toBeVisible();
  await expect(page.getByText('Approved', { exact: true })).toBeVisible();
  await expect(page.getByRole('definition')).toContainText(['Dermatologists', input.username]);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-doctor-registered');

  await page.getByRole('link', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit doctor' });
  await expect(edit.getByLabel('Mobile')).toHaveValue(input.mobile);
  await edit.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Cardiologist' }).click();
  await edit.getByLabel('Address').fill('7 New Clinic Street, Pune');
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-doctor-edit');
  await edit.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByRole('definition').first()).toHaveText('Cardiologist');
  await expect(page.getByText('7 New Clinic Street, Pune')).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${fullName}?` });
  await expect(dialog).toContainText('can no longer sign in');
  await dialogShown(dialog);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Delete doctor' }).click();

  await expect(page).toHaveURL(/\/admin\/doctors$/);
  await expect(page.getByText(`${fullName} can no longer sign in.`)).toBeVisible();
  const deleted = await adminApi.get<{ results: Doctor[] }>('doctors/', {
    status: 'DELETED',
    search: input.username,
  });
  expect(deleted.results.map((doctor) => doctor.username)).toEqual([input.username]);
  const login = await api.send('POST', 'auth/token/', {
    data: { username: input.username, password: E2E_PASSWORD },
  });
  expect(login.status()).not.toBe(200);
});

test('an admin approves a pending patient from the dashboard and rejects another', async ({
  page,
  api,
  adminApi,
}) => {
  const first = await signUpPatient(api);
  const second = await signUpPatient(api);
  await signInAsNewAdmin(page, api);

  await page.getByRole('link', { name: 'All pending patients' }).click();
  await expect(page).toHaveURL(/\/admin\/patients\?status=PENDING$/);
  await page.getByLabel('Search by name or symptoms').fill(first.username);
  await expect(page).toHaveURL(new RegExp(`search=${first.username}`));
  // The list re-renders when the search's answer arrives: a click on the row it replaces is
  // lost, so click again until the patient's page opens.
  await expect(async () => {
    await page.getByRole('link', { name: first.full_name }).click({ timeout: 5_000 });
    await expect(page.getByRole('heading', { level: 1, name: first.full_name })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText('Pending approval', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Approve ${first.full_name}` }).click();
  await expect(page.getByText(`${first.full_name} can now sign in.`)).toBeVisible();
  await expect(page.getByText('Approved', { exact: true })).toBeVisible();
  // An approved patient can be admitted and booked from here.
  await expect(page.getByRole('link', { name: 'Admit' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Book appointment' })).toBeVisible();

  await page.goto(`/admin/patients?status=PENDING&search=${second.username}`);
  await page.getByRole('button', { name: `Reject ${second.full_name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Reject ${second.full_name}` });
  await dialog.getByLabel('Reason').fill('Registered twice');
  await dialog.getByRole('button', { name: 'Reject sign-up' }).click();
  await expect(page.getByText(`${second.full_name} cannot sign in.`)).toBeVisible();
  await expect(page.getByText('No patients match these filters.')).toBeVisible();

  expect((await adminApi.get<Patient>(`patients/${first.id}/`)).status).toBe('APPROVED');
  expect((await adminApi.get<Patient>(`patients/${second.id}/`)).status).toBe('REJECTED');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A dialog that has finished fading in: axe must not measure colours mid-transition. */
async function dialogShown(dialog: Locator) {
  await expect(dialog).toHaveCSS('opacity', '1');
}
