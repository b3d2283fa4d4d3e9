/**
 * Story 4 (SPEC section 2): the admin admits a patient under a doctor and discharges them with
 * charges; the doctor follows the patient; the patient downloads the invoice PDF.
 */
import { readFileSync } from 'node:fs';

import {
  approvedDoctor,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerPatient,
  screenshotPage,
  test,
} from './support';
import { admit, discharge, hospitalDate, pdfText, shownDate } from './support/workspace';

test('story 4: admitted, followed by the doctor, discharged with charges, invoice PDF for the patient', async ({
  page,
  browser,
  baseURL,
  adminApi,
}) => {
  const doctor = await approvedDoctor(adminApi, { department: 'EMERGENCY_MEDICINE_SPECIALISTS' });
  const patient = await registerPatient(adminApi, { address: '22 Harbour Road, Kochi' });

  // The admin admits the patient under the doctor, four days ago.
  const admission = await admit(adminApi, patient.id, doctor.id, {
    daysAgo: 4,
    symptoms: 'High fever and breathlessness',
  });
  expect(admission.status).toBe('ADMITTED');

  // The doctor now sees the patient among theirs, admitted.
  await loginViaApi(page, doctor.username, doctor.password, '/doctor/patients');
  const card = page.getByRole('article', { name: patient.full_name });
  await expect(card.getByText('Admitted', { exact: true })).toBeVisible();
  await expect(card).toContainText(patient.symptoms);
  await page.goto('/doctor/discharged');
  await expect(page.getByText('No discharged patients yet')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The patient is told the invoice comes after discharge.
  const patientContext = await browser.newContext({ baseURL });
  const patientPage = await patientContext.newPage();
  await loginViaApi(patientPage, patient.username, patient.password, '/patient/invoices');
  await expect(patientPage.getByText('Your invoice appears here after discharge')).toBeVisible();
  await expect(
    patientPage.getByText(
      `You are in hospital since ${shownDate(hospitalDate(-4))}. The invoice for your stay is issued when you are discharged.`,
    ),
  ).toBeVisible();
  await expect(patientPage.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(patientPage);
  await screenshotPage(patientPage, 'patient-invoices-before-discharge');

  // The admin discharges today: 4 days x 500.00 + 1000.00 + 250.00 + 100.00 = 3350.00.
  const invoice = await discharge(adminApi, admission.id, {
    room_charge_per_day: '500.00',
    doctor_fee: '1000.00',
    medicine_cost: '250.00',
    other_charge: '100.00',
  });
  expect(invoice).toMatchObject({ days: 4, total: '3350.00', currency: 'INR' });

  // The doctor finds the patient under "Discharged patients", without any money.
  await page.reload();
  const stay = page.getByRole('article', { name: patient.full_name });
  await expect(stay.getByRole('definition')).toHaveText([
    shownDate(hospitalDate(-4)),
    shownDate(hospitalDate(0)),
    'High fever and breathlessness',
    patient.mobile,
    '22 Harbour Road, Kochi',
  ]);
  await expect(page.getByRole('main')).not.toContainText('₹');
  await expect(page.getByRole('main')).not.toContainText('3,350');
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'doctor-discharged-patients');

  // The patient sees the invoice and downloads the PDF.
  await patientPage.reload();
  const issued = patientPage.getByRole('article', { name: `Invoice ${invoice.number}` });
  await expect(issued).toContainText('₹3,350.00');
  await expect(issued).toContainText('(4 days)');
  await expectNoSeriousA11yViolations(patientPage);
  await screenshotPage(patientPage, 'patient-invoices');
  const downloading = patientPage.waitForEvent('download');
  await issued.getByRole('button', { name: `Download invoice ${invoice.number} (PDF)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`invoice-${invoice.number}.pdf`);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(file);
  expect(text).toContain(invoice.number);
  expect(text).toContain(patient.full_name);
  expect(text.replace(/\s+/g, '')).toContain('Total₹3,350.00');

  // The invoice page shows every line.
  await issued.getByRole('link', { name: `View invoice ${invoice.number}` }).click();
  await expect(patientPage.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(patientPage.getByRole('table', { name: 'Charges' }).getByRole('row')).toHaveText([
    'ItemAmount',
    'Room: 4 days × ₹500.00₹2,000.00',
    "Doctor's fee₹1,000.00",
    'Medicines₹250.00',
    'Other charges₹100.00',
    'Total₹3,350.00',
  ]);
  await expectNoSeriousA11yViolations(patientPage);
  await screenshotPage(patientPage, 'patient-invoice');
  await patientContext.close();
});
