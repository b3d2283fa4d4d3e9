import type { Page } from '@playwright/test';

import {
  apiHas,
  approvedDoctor,
  DEMO_ADMIN,
  DEMO_PATIENTS,
  DEMO_PENDING_DOCTORS,
  expect,
  expectNoSeriousA11yViolations,
  expectSignedInAs,
  loginAs,
  loginViaApi,
  newDoctorInput,
  registerDoctor,
  registerPatient,
  rejectPatient,
  screenshotPage,
  signOut,
  signUpAdmin,
  signUpPatient,
  submitLogin,
  test,
} from './support';

const AWAITING_APPROVAL =
  'Your account is awaiting approval by the hospital. You can sign in once an administrator approves it.';
const NOT_APPROVED =
  'Your account was not approved by the hospital. Please contact the hospital if you think this is a mistake.';
const WRONG_CREDENTIALS = 'Wrong username or password.';

function loginAlert(page: Page) {
  return page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
}

/** Submit the login form and return the API's answer to it. */
async function loginAnswer(page: Page, username: string, password: string) {
  const answer = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/auth/token/') && response.request().method() === 'POST',
  );
  await submitLogin(page, username, password);
  const response = await answer;
  return { status: response.status(), body: (await response.json()) as { code?: string } };
}

const PUBLIC_PAGES = [
  { path: '/login', heading: 'Sign in', screenshot: 'login' },
  { path: '/signup/patient', heading: 'Create an account', screenshot: 'signup-patient' },
  { path: '/signup/doctor', heading: 'Create an account', screenshot: 'signup-doctor' },
  { path: '/signup/admin', heading: 'Create an account', screenshot: 'signup-admin' },
];

for (const { path, heading, screenshot } of PUBLIC_PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();

    await expectNoSeriousA11yViolations(page);
    await screenshotPage(page, screenshot);
  });
}

test('an admin signs in and lands on the admin dashboard', async ({ page }) => {
  await loginAs(page, DEMO_ADMIN.username);

  await expectSignedInAs(page, DEMO_ADMIN.fullName, 'ADMIN');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-dashboard');
});

test('a doctor who applied through the sign-up form is told the account awaits approval', async ({
  page,
}) => {
  const doctor = newDoctorInput();
  await page.goto('/signup/doctor');
  const form = page.getByRole('form', { name: 'Doctor sign-up' });
  await form.getByLabel('First name').fill(doctor.first_name);
  await form.getByLabel('Last name').fill(doctor.last_name);
  await form.getByLabel('Username').fill(doctor.username);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(doctor.password);
  await form.getByLabel('Email').fill(doctor.email ?? '');
  await form.getByLabel('Mobile').fill(doctor.mobile);
  await form.getByLabel('Address').fill(doctor.address);
  await form.getByRole('combobox', { name: 'Department' }).click();
  await page.getByRole('option', { name: 'Cardiologist' }).click();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'signup-doctor-filled');
  await form.getByRole('button', { name: 'Apply as a doctor' }).click();

  await expect(page).toHaveURL(/\/signup\/submitted$/);
  await expect(page.getByText('Your doctor account is waiting for the hospital')).toBeVisible();
  await screenshotPage(page, 'signup-submitted');

  const { status, body } = await loginAnswer(page, doctor.username, doctor.password);
  expect(status).toBe(403);
  expect(body.code).toBe('ACCOUNT_PENDING_APPROVAL');
  await expect(loginAlert(page)).toContainText('Awaiting approval');
  await expect(loginAlert(page)).toContainText(AWAITING_APPROVAL);
  await expect(page).toHaveURL(/\/login$/);
  await screenshotPage(page, 'login-awaiting-approval');
});

test('a patient who signed up through the API is told the account awaits approval', async ({
  page,
  api,
}) => {
  const patient = await signUpPatient(api);
  expect(patient.status).toBe('PENDING');

  const { status, body } = await loginAnswer(page, patient.username, patient.password);

  expect(status).toBe(403);
  expect(body.code).toBe('ACCOUNT_PENDING_APPROVAL');
  await expect(loginAlert(page)).toContainText(AWAITING_APPROVAL);
});

test('a doctor the admin approved signs in to the doctor area', async ({ page, adminApi }) => {
  test.skip(!apiHas('doctors/{id}/approve/'), 'waiting for POST /api/v1/doctors/{id}/approve/');
  const doctor = await approvedDoctor(adminApi);
  expect(doctor.status).toBe('APPROVED');

  await loginAs(page, doctor.username, doctor.password);

  await expectSignedInAs(page, doctor.full_name, 'DOCTOR');
});

test('a patient the admin registered signs in to the patient area at once', async ({
  page,
  adminApi,
}) => {
  test.skip(!apiHas('patients/'), 'waiting for POST /api/v1/patients/');
  const doctor = await registerDoctor(adminApi, { department: 'DERMATOLOGISTS' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  expect(patient).toMatchObject({ status: 'APPROVED', assigned_doctor: doctor.id });

  await loginAs(page, patient.username, patient.password);

  await expectSignedInAs(page, patient.full_name, 'PATIENT');
});

test('a patient the admin rejected is told the account was not approved', async ({
  page,
  api,
  adminApi,
}) => {
  test.skip(!apiHas('patients/{id}/reject/'), 'waiting for POST /api/v1/patients/{id}/reject/');
  const patient = await signUpPatient(api);
  expect((await rejectPatient(adminApi, patient.id, 'Registered twice')).status).toBe('REJECTED');

  const { status, body } = await loginAnswer(page, patient.username, patient.password);

  expect(status).toBe(403);
  expect(body.code).toBe('ACCOUNT_REJECTED');
  await expect(loginAlert(page)).toContainText('Not approved');
  await expect(loginAlert(page)).toContainText(NOT_APPROVED);
});

test('a wrong password gets the same generic answer for an existing, unknown or pending user', async ({
  page,
}) => {
  // The same answer whoever it is, so the login form tells nobody which usernames exist.
  const attempts = [
    { who: 'an existing admin', username: DEMO_ADMIN.username },
    { who: 'an unknown username', username: 'no.such.user' },
    { who: 'a pending doctor', username: DEMO_PENDING_DOCTORS[0] },
  ];
  for (const { who, username } of attempts) {
    const { status, body } = await loginAnswer(page, username, 'not-the-password-1');

    expect(status, who).toBe(401);
    expect(body.code, who).toBe('INVALID_CREDENTIALS');
    await expect(loginAlert(page), who).toHaveText(`Sign-in failed${WRONG_CREDENTIALS}`);
    await expect(page, who).toHaveURL(/\/login$/);
  }
  await screenshotPage(page, 'login-wrong-password');
});

test('after signing in nothing is in web storage and the refresh token is an HttpOnly cookie', async ({
  page,
  context,
}) => {
  await loginAs(page, DEMO_ADMIN.username);

  const storage = () =>
    page.evaluate(() => ({
      local: Object.keys(window.localStorage),
      session: Object.keys(window.sessionStorage),
      readableCookies: document.cookie,
    }));
  // The only cookie a script can read is the API's session hint, which holds no token.
  const signedIn = { local: [], session: [], readableCookies: 'hms_session=1' };
  expect(await storage()).toEqual(signedIn);
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['hms_refresh', 'hms_session']);
  expect(cookies.find((cookie) => cookie.name === 'hms_refresh')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
    path: '/api/v1/auth/',
  });
  expect(cookies.find((cookie) => cookie.name === 'hms_session')).toMatchObject({
    value: '1',
    httpOnly: false,
    sameSite: 'Strict',
    path: '/',
  });

  // The access token lives in memory only: a reload restores the session from the cookie.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin$/);
  expect(await storage()).toEqual(signedIn);
});

test('signing out revokes the session', async ({ page, context, api }) => {
  await loginViaApi(page, DEMO_PATIENTS[0].username);
  await expectSignedInAs(page, DEMO_PATIENTS[0].fullName, 'PATIENT');
  const refreshCookie = (await context.cookies()).find((cookie) => cookie.name === 'hms_refresh');
  expect(refreshCookie?.httpOnly).toBe(true);

  await signOut(page);

  await expect(page.getByText('You have signed out.')).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  // The old refresh token is dead on the server too, not only forgotten by the browser.
  const reuse = await api.send('POST', 'auth/token/refresh/', {
    data: { refresh: refreshCookie?.value ?? '' },
  });
  expect(reuse.status()).toBe(401);
  await page.goto('/patient');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a patient who opens the admin area is told it is not theirs', async ({ page }) => {
  await loginViaApi(page, DEMO_PATIENTS[1].username, undefined, '/admin');

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText('This page is not available to your account (Patient)')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('an admin created through the API signs in through the login page', async ({ page, api }) => {
  const admin = await signUpAdmin(api);
  expect(admin).toMatchObject({ role: 'ADMIN', status: 'APPROVED' });

  await loginAs(page, admin.username, admin.password);

  await expectSignedInAs(page, admin.full_name, 'ADMIN');
});

test('a signed-out visit logs no console error: the sign-in page is titled and focused, an unknown address is a branded 404', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto('/login');
  await expect(page).toHaveTitle('Sign in · HMS General Hospital');
  await expect(page.getByRole('textbox', { name: /^Username/ })).toBeFocused();

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('HMS General Hospital').first()).toBeVisible();
  await expect(page).toHaveTitle('Page not found · HMS General Hospital');
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  expect(errors).toEqual([]);
});
