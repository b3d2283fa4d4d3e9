/**
 * The admin's hospital-stay stories (SPEC section 2): register a patient with a doctor and admit
 * them; discharge with charges after the server's bill preview, open the invoice and download its
 * PDF. Each test acts as an admin of its own, on a doctor and a patient of its own.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Locator, Page } from '@playwright/test';

import {
  HmsApi,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  newPatientInput,
  registerDoctor,
  registerPatient,
  screenshotPage,
  signUpAdmin,
  test,
} from './support';
import type { Patient } from './support';
import { admit, dateInputText, fillDate, hospitalDate, pdfText, shownDate } from './support/workspace';

interface IssuedInvoice {
  id: number;
  number: string;
  total: string;
  currency: string;
  days: number;
  room_charge: string;
  pdf_sha256: string;
}

async function signInAsNewAdmin(page: Page, api: HmsApi, path: string) {
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, path);
  return admin;
}

/** Choose an option of a searchable select by typing part of its name. */
async function choose(page: Page, field: string, search: string, option: string) {
  const input = page.getByRole('combobox', { name: field });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).click();
}

test('an admin registers a patient with a doctor and admits them', async ({
  page,
  api,
  adminApi,
}) => {
  const doctor = await registerDoctor(adminApi, { department: 'CARDIOLOGIST' });
  const input = newPatientInput({ symptoms: 'Chest pain on exertion' });
  const fullName = `${input.first_name} ${input.last_name}`;
  await signInAsNewAdmin(page, api, '/admin/patients/new');

  const form = page.getByRole('form', { name: 'Register a patient' });
  await form.getByLabel('First name').fill(input.first_name);
  await form.getByLabel('Last name').fill(input.last_name);
  await form.getByLabel('Username').fill(input.username);
  await form.getByLabel('Initial password').fill(input.password);
  await form.getByLabel('Mobile').fill(input.mobile);
  await form.getByLabel('Address').fill(input.address);
  await form.getByLabel('Symptoms').fill(input.symptoms);
  await fillDate(form.getByLabel('Date of birth'), '1980-04-12');
  await choose(page, 'Assigned doctor', doctor.username, doctor.full_name);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-patient-register-filled');
  await form.getByRole('button', { name: 'Register patient' }).click();

  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  await expect(page.getByText(`${fullName} can sign in as ${input.username}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: doctor.full_name })).toBeVisible();
  await expect(page.getByText('Apr 12, 1980')).toBeVisible();
  await expect(page.getByText('Never admitted.')).toBeVisible();

  await page.getByRole('link', { name: 'Admit' }).click();
  const admitForm = page.getByRole('form', { name: 'Admit a patient' });
  // The patient, their doctor, their symptoms and today come filled in.
  await expect(admitForm.getByRole('combobox', { name: 'Patient' })).toHaveValue(fullName);
  await expect(admitForm.getByRole('combobox', { name: 'Attending doctor' })).toHaveValue(
    doctor.full_name,
  );
  await expect(admitForm.getByLabel('Symptoms or reason')).toHaveValue('Chest pain on exertion');
  await expect(admitForm.getByLabel('Admission date')).toHaveValue(dateInputText(hospitalDate(0)));
  await fillDate(admitForm.getByLabel('Admission date'), hospitalDate(-2));
  await admitForm.getByLabel('Room or bed').fill('Ward 2, bed 9');
  await admitForm.getByLabel('Daily room rate').fill('750');
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-admit-filled');
  await admitForm.getByRole('button', { name: 'Admit patient' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Admission of ${fullName}` })).toBeVisible();
  await expect(page.getByText(`${fullName} is admitted under ${doctor.full_name}.`)).toBeVisible();
  await expect(page.getByRole('definition')).toContainText([
    fullName,
    `${doctor.full_name} (Cardiologist)`,
    shownDate(hospitalDate(-2)),
    'Chest pain on exertion',
    'Ward 2, bed 9',
    '₹750.00',
  ]);
  await expect(page.getByLabel('Daily room charge')).toHaveValue('750.00');

  const patient = (await adminApi.get<{ results: Patient[] }>('patients/', {
    search: input.username,
  })).results[0];
  expect(patient).toMatchObject({ is_admitted: true, assigned_doctor: doctor.id });

  // The admissions list shows them in hospital; a second admission is refused.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admissions' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${escapeRegExp(fullName)}.*Ward 2, bed 9`) })).toBeVisible();
  await page.getByRole('link', { name: 'Admit a patient' }).click();
  const patientField = page.getByRole('combobox', { name: 'Patient' });
  await patientField.click();
  await patientField.fill(input.username);
  // A patient in hospital is listed but cannot be chosen.
  await expect(page.getByRole('option', { name: new RegExp(`${escapeRegExp(fullName)}.*in hospital`) })).toHaveAttribute('aria-disabled', 'true');
  const again = await adminApi.send('POST', 'admissions/', {
    data: { patient: patient?.id, doctor: doctor.id, symptoms: 'Again' },
  });
  expect(again.status()).toBe(409);
});

test('an admin discharges with charges after the bill preview and downloads the invoice PDF', async ({
  page,
  api,
  adminApi,
}) => {
  const doctor = await registerDoctor(adminApi, { department: 'EMERGENCY_MEDICINE_SPECIALISTS' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  // Admitted four days ago at 500.00 a day.
  const admission = await admit(adminApi, patient.id, doctor.id, { daysAgo: 4 });
  await signInAsNewAdmin(page, api, '/admin/admissions');

  await page.getByRole('link', { name: `Discharge ${patient.full_name}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Admission of ${patient.full_name}` }),
  ).toBeVisible();
  const form = page.getByRole('form', { name: 'Discharge' });
  await expect(form.getByLabel('Discharge date')).toHaveValue(dateInputText(hospitalDate(0)));
  await expect(form.getByLabel('Daily room charge')).toHaveValue('500.00');
  const confirm = form.getByRole('button', { name: 'Discharge and issue invoice' });
  // Pressed before the charges are in, the form names each missing one and asks nothing.
  await confirm.click();
  await expect(form.getByLabel('Doctor fee')).toHaveAccessibleDescription(
    'Enter an amount (0 when there is none).',
  );
  await expect(form.getByLabel('Doctor fee')).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Every change asks the server for the bill again; the page shows its numbers as sent.
  const previews: unknown[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith(`/admissions/${admission.id}/discharge/preview/`)) {
      previews.push(response.json());
    }
  });
  await form.getByLabel('Doctor fee').fill('1000');
  await form.getByLabel('Medicine cost').fill('250');
  await form.getByLabel('Other charges').fill('100');
  const bill = form.getByRole('table', { name: 'Bill preview' });
  await expect(bill.getByRole('row', { name: /^Total/ })).toHaveText('Total₹3,350.00');
  await expect(bill.getByRole('row')).toHaveText([
    `Stay${shownDate(hospitalDate(-4))} – ${shownDate(hospitalDate(0))}`,
    'Days billed4',
    'Room charge (4 × ₹500.00)₹2,000.00',
    'Doctor fee₹1,000.00',
    'Medicine cost₹250.00',
    'Other charges₹100.00',
    'Total₹3,350.00',
  ]);
  expect(await previews.at(-1)).toMatchObject({
    discharged_on: hospitalDate(0),
    days: 4,
    room_charge_per_day: '500.00',
    room_charge: '2000.00',
    doctor_fee: '1000.00',
    medicine_cost: '250.00',
    other_charge: '100.00',
    total: '3350.00',
    number: null,
  });
  // The preview saved nothing.
  expect((await adminApi.get<{ status: string }>(`admissions/${admission.id}/`)).status).toBe(
    'ADMITTED',
  );
  await expect(confirm).toBeEnabled();
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-discharge-preview');

  await confirm.click();
  const dialog = page.getByRole('dialog', { name: `Discharge ${patient.full_name}?` });
  await expect(dialog).toContainText('invoice for ₹3,350.00 is issued');
  await dialogShown(dialog);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Discharge and issue invoice' }).click();

  await expect(page).toHaveURL(/\/admin\/invoices\/\d+$/);
  const invoiceId = Number(new URL(page.url()).pathname.split('/').at(-1));
  const invoice = await adminApi.get<IssuedInvoice>(`invoices/${invoiceId}/`);
  expect(invoice).toMatchObject({ days: 4, room_charge: '2000.00', total: '3350.00', currency: 'INR' });
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(page.getByText(`Invoice ${invoice.number} for ₹3,350.00 was issued.`)).toBeVisible();
  const charges = page.getByRole('table', { name: 'Charges' });
  await expect(charges.getByRole('row')).toHaveText([
    'Room (4 days × ₹500.00)₹2,000.00',
    'Doctor fee₹1,000.00',
    'Medicine cost₹250.00',
    'Other charges₹100.00',
    'Total₹3,350.00',
  ]);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-invoice-issued');

  // The PDF comes through the API client with the in-memory token and is saved from a Blob.
  const pdfResponse = page.waitForResponse((response) =>
    response.url().endsWith(`/invoices/${invoiceId}/pdf/`),
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  expect((await pdfResponse).headers()['content-type']).toBe('application/pdf');
  const file = await download;
  expect(file.suggestedFilename()).toBe(`invoice-${invoice.number}.pdf`);
  const path = await file.path();
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(invoice.pdf_sha256);
  const text = pdfText(path);
  expect(text).toContain(invoice.number);
  expect(text).toContain(patient.full_name);
  expect(text).toMatch(/3,?350\.00/);
  await expect(page.getByText(`invoice-${invoice.number}.pdf was saved.`)).toBeVisible();

  // The stay is now under "Discharged", with its invoice one click away.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admissions' }).click();
  await page.getByRole('tab', { name: 'Discharged' }).click();
  await page.getByRole('link', { name: `Invoice of ${patient.full_name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await page.getByRole('link', { name: /–/ }).click();
  await expect(page.getByRole('definition')).toContainText([
    patient.full_name,
    shownDate(hospitalDate(-4)),
    shownDate(hospitalDate(0)),
  ]);
  await expect(page.getByRole('form', { name: 'Discharge' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open invoice' })).toBeVisible();

  // The invoices list has it, newest first.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
  const row = page.getByRole('row', { name: new RegExp(escapeRegExp(invoice.number)) });
  await expect(row).toContainText(patient.full_name);
  await expect(row).toContainText('₹3,350.00');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A dialog that has finished fading in: axe must not measure colours mid-transition. */
async function dialogShown(dialog: Locator) {
  await expect(dialog).toHaveCSS('opacity', '1');
}
