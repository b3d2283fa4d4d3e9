/**
 * Payments (SPEC section 11): the admin takes an advance during a stay, discharges (the advance is
 * applied to the invoice), records a part payment and then the rest, and prints a receipt; the
 * patient sees the invoice paid and downloads the receipts.
 */
import { readFileSync } from 'node:fs';

import type { Locator, Page } from '@playwright/test';

import {
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerDoctor,
  registerPatient,
  screenshotPage,
  signUpAdmin,
  test,
} from './support';
import { admit, pdfText } from './support/workspace';

const RECEIPT_NUMBER = /^RCPT-\d{4}-\d{6}$/;

interface InvoiceAccount {
  id: number;
  number: string;
  total: string;
  balance: string;
  amount_paid: string;
  advance_applied: string;
  payment_state: 'UNPAID' | 'PART_PAID' | 'PAID' | 'VOID';
}

/** Amount, method and reference in the money form of `panel`, then its submit button. */
async function receiveMoney(
  page: Page,
  panel: Locator,
  submit: string,
  money: { amount: string; method?: string; reference?: string },
) {
  await panel.getByLabel('Amount').fill(money.amount);
  if (money.method !== undefined) {
    await panel.getByRole('combobox', { name: 'Method' }).click();
    await page.getByRole('option', { name: money.method, exact: true }).click();
  }
  if (money.reference !== undefined) await panel.getByLabel('Reference').fill(money.reference);
  await panel.getByRole('button', { name: submit }).click();
}

/**
 * The receipt number a notification announced ("Receipt RCPT-… was issued."), leaving out the
 * notices of receipts already `known` that may still be on screen (in any order).
 */
async function issuedReceipt(page: Page, known: string[] = []): Promise<string> {
  let notes = page.getByText(/^Receipt RCPT-\d{4}-\d{6} was issued\.$/);
  for (const number of known) notes = notes.filter({ hasNotText: number });
  const note = notes.first();
  await expect(note).toBeVisible();
  const number = /RCPT-\d{4}-\d{6}/.exec((await note.textContent()) ?? '')?.[0] ?? '';
  expect(number).toMatch(RECEIPT_NUMBER);
  return number;
}

test('payments: an advance at admission, a part payment and the rest, receipts for the patient', async ({
  page,
  browser,
  baseURL,
  api,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const doctor = await registerDoctor(adminApi, { department: 'EMERGENCY_MEDICINE_SPECIALISTS' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  // Four days at 500.00 a day; with the fees below the bill is 3350.00.
  const admission = await admit(adminApi, patient.id, doctor.id, { daysAgo: 4 });

  // The cashier (an admin of their own) takes an advance of 1000.00 on the admission page.
  const cashier = await signUpAdmin(api);
  await loginViaApi(page, cashier.username, cashier.password, `/admin/admissions/${admission.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Admission of ${patient.full_name}` }),
  ).toBeVisible();
  const advances = page
    .getByRole('heading', { level: 2, name: 'Advance payments' })
    .locator('xpath=ancestor::div[contains(@class, "mantine-Paper-root")][1]');
  await expect(advances.getByText('No receipts yet.')).toBeVisible();
  await receiveMoney(page, advances, 'Take advance', { amount: '1000.00' });
  const advanceNumber = await issuedReceipt(page);
  const advanceRow = advances.getByRole('table', { name: 'Receipts' }).getByRole('row');
  await expect(advanceRow).toHaveCount(2);
  await expect(advanceRow.nth(1)).toContainText(`${advanceNumber} (advance)`);
  await expect(advanceRow.nth(1)).toContainText('Cash');
  await expect(advanceRow.nth(1)).toContainText('₹1,000.00');
  await expect(advances.getByLabel('Amount')).toHaveValue('');
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-admission-advance');

  // The discharge bills the stay; the invoice shows the advance applied.
  const form = page.getByRole('form', { name: 'Discharge' });
  await form.getByLabel('Doctor fee').fill('1000');
  await form.getByLabel('Medicine cost').fill('250');
  await form.getByLabel('Other charges').fill('100');
  await expect(
    form.getByRole('table', { name: 'Bill preview' }).getByRole('row', { name: /^Total/ }),
  ).toHaveText('Total₹3,350.00');
  await form.getByRole('button', { name: 'Discharge and issue invoice' }).click();
  const dialog = page.getByRole('dialog', { name: `Discharge ${patient.full_name}?` });
  await dialog.getByRole('button', { name: 'Discharge and issue invoice' }).click();
  await expect(page).toHaveURL(/\/admin\/invoices\/\d+$/);
  const invoiceId = Number(new URL(page.url()).pathname.split('/').at(-1));
  const account = () => adminApi.get<InvoiceAccount>(`invoices/${invoiceId}/`);
  const issued = await account();
  expect(issued).toMatchObject({
    total: '3350.00',
    advance_applied: '1000.00',
    amount_paid: '1000.00',
    balance: '2350.00',
    payment_state: 'PART_PAID',
  });

  const payments = page
    .getByRole('heading', { level: 2, name: 'Payments' })
    .locator('xpath=ancestor::div[contains(@class, "mantine-Paper-root")][1]');
  const balance = payments.getByTestId('invoice-balance');
  await expect(balance).toHaveText('₹2,350.00');
  await expect(payments.getByRole('definition').first()).toHaveText('Part paid');
  await expect(payments).toContainText('₹1,000.00 (including the advance of ₹1,000.00)');
  // The form offers the balance.
  await expect(payments.getByLabel('Amount')).toHaveValue('2350.00');
  await expectNoSeriousA11yViolations(page);

  // A part payment by card, then the rest in cash.
  await receiveMoney(page, payments, 'Record payment', {
    amount: '1350.00',
    method: 'Card',
    reference: 'SLIP-4411',
  });
  const partNumber = await issuedReceipt(page, [advanceNumber]);
  await expect(balance).toHaveText('₹1,000.00');
  expect(await account()).toMatchObject({ balance: '1000.00', payment_state: 'PART_PAID' });
  await receiveMoney(page, payments, 'Record payment', { amount: '1000.00', method: 'Cash' });
  // The second payment's own notice (the first one's may have closed by now).
  await expect(
    page
      .getByText(/^Receipt RCPT-\d{4}-\d{6} was issued\.$/)
      .filter({ hasNotText: partNumber })
      .filter({ hasNotText: advanceNumber }),
  ).toHaveCount(1);
  await expect(balance).toHaveText('₹0.00');
  // The first fact of the panel is the payment state.
  await expect(payments.getByRole('definition').first()).toHaveText('Paid');
  // Nothing left to pay: no payment form, no void.
  await expect(payments.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await expect(payments.getByRole('button', { name: 'Void invoice' })).toHaveCount(0);
  expect(await account()).toMatchObject({
    balance: '0.00',
    amount_paid: '3350.00',
    payment_state: 'PAID',
  });

  const receiptRows = payments.getByRole('table', { name: 'Receipts' }).getByRole('row');
  await expect(receiptRows.filter({ hasText: partNumber })).toContainText('Card');
  await expect(receiptRows.filter({ hasText: partNumber })).toContainText('₹1,350.00');
  // The invoice lists its payments; the advance stays on the stay (and in "Paid" above).
  await expect(receiptRows).toHaveCount(3);
  const restRow = receiptRows.filter({ hasText: 'Cash' });
  await expect(restRow).toHaveCount(1);
  await expect(restRow).toContainText('₹1,000.00');
  const restNumber = /RCPT-\d{4}-\d{6}/.exec((await restRow.textContent()) ?? '')?.[0] ?? '';
  expect(restNumber).toMatch(RECEIPT_NUMBER);
  expect(new Set([advanceNumber, partNumber, restNumber]).size).toBe(3);
  // The form is gone and the table moved up under the pointer: measure the buttons unhovered.
  await page.mouse.move(0, 0);
  await expectNoSeriousA11yViolations(page);
  await screenshotPage(page, 'admin-invoice-paid');

  // The cashier prints the part payment's receipt.
  const receiptResponse = page.waitForResponse(
    (response) => /\/api\/v1\/payments\/\d+\/pdf\/$/.test(response.url()),
  );
  const downloading = page.waitForEvent('download');
  await payments.getByRole('button', { name: `Download receipt ${partNumber}` }).click();
  expect((await receiptResponse).headers()['content-type']).toBe('application/pdf');
  const download = await downloading;
  expect(download.suggestedFilename()).toContain(partNumber);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(file);
  expect(text).toContain(partNumber);
  expect(text).toContain(patient.full_name);
  expect(text).toMatch(/1,?350\.00/);

  // The patient sees the invoice paid and downloads the receipts: both payments and the advance.
  const patientContext = await browser.newContext({ baseURL });
  const patientPage = await patientContext.newPage();
  await loginViaApi(patientPage, patient.username, patient.password, `/patient/invoices/${invoiceId}`);
  await expect(
    patientPage.getByRole('heading', { level: 1, name: `Invoice ${issued.number}` }),
  ).toBeVisible();
  await expect(patientPage.getByTestId('invoice-balance')).toHaveText('₹0.00');
  const patientPayments = patientPage
    .getByRole('heading', { level: 2, name: 'Payments' })
    .locator('xpath=ancestor::div[contains(@class, "mantine-Paper-root")][1]');
  await expect(patientPayments.getByRole('definition').first()).toHaveText('Paid');
  const patientReceipts = patientPage.getByRole('table', { name: 'Receipts' });
  await expect(patientReceipts.getByRole('row')).toHaveCount(4);
  await expect(patientReceipts.getByRole('button', { name: /^Refund/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(patientPage);
  await screenshotPage(patientPage, 'patient-invoice-paid');
  await expect(patientReceipts.getByRole('row').nth(3)).toContainText(`${advanceNumber} (advance)`);
  for (const number of [partNumber, restNumber, advanceNumber]) {
    const response = patientPage.waitForResponse((r) =>
      /\/api\/v1\/payments\/\d+\/pdf\/$/.test(r.url()),
    );
    const saved = patientPage.waitForEvent('download');
    await patientReceipts.getByRole('button', { name: `Download receipt ${number}` }).click();
    const answer = await response;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    const receiptFile = await (await saved).path();
    expect(pdfText(receiptFile)).toContain(number);
  }
  await patientContext.close();
});
