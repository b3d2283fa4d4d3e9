/**
 * Stories 1 and 2 of the product (SPEC section 1 and 4): a doctor and a patient apply, wait for
 * the hospital's approval, and then see their own workspace, and only their own data.
 */
import type { Page as BrowserPage } from '@playwright/test';

import {
  HmsApi,
  approveDoctor,
  approvePatient,
  approvedDoctor,
  expect,
  expectNoSeriousA11yViolations,
  expectSignedInAs,
  loginAs,
  newDoctorInput,
  newPatientInput,
  registerPatient,
  screenshotPage,
  submitLogin,
  test,
} from './support';
import type { Doctor, Page, Patient } from './support';

const AWAITING_APPROVAL =
  'Your account is awaiting approval by the hospital. You can sign in once an administrator approves it.';

async function expectAwaitingApproval(page: BrowserPage, username: string, password: string) {
  const answer = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/auth/token/') && response.request().method() === 'POST',
  );
  await submitLogin(page, username, password);
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { code: string }).code).toBe('ACCOUNT_PENDING_APPROVAL');
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText(
    AWAITING_APPROVAL,
  );
  await expect(page).toHaveURL(/\/login$/);
}

test('story 1: a doctor applies, waits for approval, then sees only their assigned patients', async ({
  page,
  baseURL,
  adminApi,
}) => {
  // The doctor applies through the sign-up form.
  const input = newDoctorInput({ department: 'DERMATOLOGISTS' });
  await page.goto('/signup/doctor');
  const form = page.getByRole('form', { name: 'Doctor sign-up' });
  await form.getByLabel('First name').fill(input.first_name);
  await form.getByLabel('Last name').fill(input.last_name);
  await form.getByLabel('Username').fill(input.username);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(input.password);
  await form.getByLabel('Mobile').fill(input.mobile);
  await form.getByLabel('Address').fill(input.address);
  await form.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Dermatologists' }).click();
  await form.getByRole('button', { name: 'Apply as a doctor' }).click();
  await expect(page).toHaveURL(/\/signup\/submitted$/);

  // Not approved yet: the login page says so.
  await expectAwaitingApproval(page, input.username, input.password);

  // The admin approves the application; two patients are assigned to the doctor, one to another.
  const applied = await adminApi.get<Page<Doctor>>('doctors/', {
    status: 'PENDING',
    search: input.last_name,
  });
  expect(applied.results.map((doctor) => doctor.username)).toEqual([input.username]);
  const doctor = await approveDoctor(adminApi, applied.results[0]?.id ?? 0);
  expect(doctor.status).toBe('APPROVED');
  const otherDoctor = await approvedDoctor(adminApi);
  const mine = [
    await registerPatient(adminApi, {
      assigned_doctor: doctor.id,
      last_name: 'Acharya',
      symptoms: 'Itchy rash on both forearms',
    }),
    await registerPatient(adminApi, {
      assigned_doctor: doctor.id,
      last_name: 'Bose',
      symptoms: 'Dry skin and eczema',
    }),
  ];
  const notMine = await registerPatient(adminApi, {
    assigned_doctor: otherDoctor.id,
    symptoms: 'Itchy rash on the neck',
  });

  // Now the doctor signs in and finds exactly their two patients.
  await loginAs(page, input.username, input.password);
  await expectSignedInAs(page, doctor.full_name, 'DOCTOR');
  await expect(page.getByRole('region', { name: 'Assigned patients' })).toContainText('2');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My patients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My patients' })).toBeVisible();
  // Off the menu: the hovered active menu entry is the shell's, not this page's (see the report).
  await page.mouse.move(600, 5);
  // A row per patient (the headings' row has no cells), the name in its first cell.
  const cards = page
    .getByRole('table', { name: 'My patients' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
  const names = cards.locator('td:first-child');
  await expect(cards).toHaveCount(2);
  await expect(names).toHaveText([mine[0]!.full_name, mine[1]!.full_name]);
  const first = cards.filter({ hasText: mine[0]!.full_name });
  await expect(first).toContainText('Itchy rash on both forearms');
  await expect(first).toContainText(mine[0]!.mobile);
  await expect(first).toContainText(mine[0]!.address);
  await expect(page.getByText(notMine.full_name)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'doctor-my-patients');

  // Search by symptoms: the other doctor's patient with the same words stays invisible.
  await page.getByLabel('Search by name or symptoms').fill('itchy rash');
  await expect(cards).toHaveCount(1);
  await expect(names).toHaveText([mine[0]!.full_name]);
  await page.getByLabel('Search by name or symptoms').fill('Bose');
  await expect(names).toHaveText([mine[1]!.full_name]);

  // The server refuses what the screen does not offer: another doctor's patient is a 404.
  const doctorApi = await HmsApi.login(baseURL ?? '', input.username, input.password);
  expect((await doctorApi.send('GET', `patients/${notMine.id}/`)).status()).toBe(404);
  const listed = await doctorApi.get<Page<Patient>>('patients/');
  expect(listed.results.map((patient) => patient.id).sort()).toEqual(
    mine.map((patient) => patient.id).sort(),
  );
  await doctorApi.dispose();
});

test("story 2: a patient signs up, waits for approval, then sees their doctor's department, mobile and address", async ({
  page,
  adminApi,
}) => {
  const doctor = await approvedDoctor(adminApi, {
    department: 'ALLERGISTS_IMMUNOLOGISTS',
    address: '5 Clinic Lane, Mysuru',
  });

  // The patient signs up through the form and picks that doctor.
  const input = newPatientInput();
  await page.goto('/signup/patient');
  const form = page.getByRole('form', { name: 'Patient sign-up' });
  await form.getByLabel('First name').fill(input.first_name);
  await form.getByLabel('Last name').fill(input.last_name);
  await form.getByLabel('Username').fill(input.username);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(input.password);
  await form.getByLabel('Mobile').fill(input.mobile);
  await form.getByLabel('Address').fill(input.address);
  await form.getByLabel('Symptoms').fill(input.symptoms);
  await form.getByRole('combobox', { name: 'Preferred doctor' }).fill(doctor.last_name);
  await page
    .getByRole('option', { name: `${doctor.full_name} (Allergists/Immunologists)` })
    .click();
  await form.getByRole('button', { name: 'Sign up as a patient' }).click();
  await expect(page).toHaveURL(/\/signup\/submitted$/);

  await expectAwaitingApproval(page, input.username, input.password);

  // The admin approves; the doctor the patient picked becomes their assigned doctor.
  const pending = await adminApi.get<Page<Patient>>('patients/', {
    status: 'PENDING',
    search: input.last_name,
  });
  expect(pending.results.map((patient) => patient.username)).toEqual([input.username]);
  const patient = await approvePatient(adminApi, pending.results[0]?.id ?? 0);
  expect(patient).toMatchObject({ status: 'APPROVED', assigned_doctor: doctor.id });

  await loginAs(page, input.username, input.password);
  await expectSignedInAs(page, patient.full_name, 'PATIENT');
  const card = page.getByRole('region', { name: 'Your doctor' });
  await expect(card.getByRole('definition')).toHaveText([
    `Dr. ${doctor.full_name}`,
    'Allergists/Immunologists',
    doctor.mobile,
    '5 Clinic Lane, Mysuru',
  ]);
  await expect(page.getByRole('region', { name: 'Hospital stay' })).toContainText(
    'You are not admitted to the hospital.',
  );
  await expect(page.getByRole('region', { name: 'Next appointment' })).toContainText(
    'You have no confirmed appointment coming up.',
  );
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'patient-dashboard');
});
