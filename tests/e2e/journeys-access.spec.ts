/**
 * Story 5 (SPEC sections 2 and 4): changing the address bar opens nothing that is not yours.
 */
import {
  DEMO_DOCTORS,
  DEMO_PASSWORD,
  HmsApi,
  approvedDoctor,
  expect,
  loginViaApi,
  registerPatient,
  test,
} from './support';
import { admit, discharge } from './support/workspace';

const CHARGES = {
  room_charge_per_day: '800.00',
  doctor_fee: '1500.00',
  medicine_cost: '0.00',
  other_charge: '0.00',
};

test("story 5: a patient cannot open another patient's invoice by changing the URL", async ({
  page,
  baseURL,
  adminApi,
}) => {
  const doctor = await approvedDoctor(adminApi);
  const owner = await registerPatient(adminApi);
  const other = await registerPatient(adminApi);
  const ownInvoice = await discharge(
    adminApi,
    (await admit(adminApi, owner.id, doctor.id, { daysAgo: 1 })).id,
    CHARGES,
  );
  const othersInvoice = await discharge(
    adminApi,
    (await admit(adminApi, other.id, doctor.id, { daysAgo: 2 })).id,
    CHARGES,
  );

  await loginViaApi(page, owner.username, owner.password, `/patient/invoices/${ownInvoice.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Invoice ${ownInvoice.number}` }),
  ).toBeVisible();

  // The same page with the other patient's invoice id: the API answers 404, the page says so.
  const answer = page.waitForResponse((response) =>
    response.url().endsWith(`/api/v1/invoices/${othersInvoice.id}/`),
  );
  await page.goto(`/patient/invoices/${othersInvoice.id}`);
  expect((await answer).status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Invoice not found' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(othersInvoice.number);
  await expect(page.getByRole('main')).not.toContainText(other.full_name);
  await expect(page.getByRole('main')).not.toContainText('₹');

  // Nor can the PDF be fetched with the patient's own token.
  const ownerApi = await HmsApi.login(baseURL ?? '', owner.username, owner.password);
  expect((await ownerApi.send('GET', `invoices/${othersInvoice.id}/pdf/`)).status()).toBe(404);
  expect((await ownerApi.send('GET', `invoices/${ownInvoice.id}/pdf/`)).status()).toBe(200);
  await ownerApi.dispose();
});

test('story 5: a doctor cannot open an admin page', async ({ page, baseURL }) => {
  const doctor = DEMO_DOCTORS[0];
  await loginViaApi(page, doctor.username, DEMO_PASSWORD, '/doctor');

  for (const path of ['/admin', '/admin/doctors', '/admin/patients/1']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    await expect(page.getByText('This page is not available to your account (Doctor).')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
  await page.getByRole('link', { name: 'Go to your dashboard' }).click();
  await expect(page).toHaveURL(/\/doctor$/);

  // The API refuses the admin's lists and actions to a doctor's token.
  const doctorApi = await HmsApi.login(baseURL ?? '', doctor.username, DEMO_PASSWORD);
  expect((await doctorApi.send('GET', 'doctors/')).status()).toBe(403);
  expect((await doctorApi.send('GET', 'invoices/')).status()).toBe(403);
  expect((await doctorApi.send('POST', 'admissions/', { data: {} })).status()).toBe(403);
  await doctorApi.dispose();
});
