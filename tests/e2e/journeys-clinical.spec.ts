/**
 * SPEC section 10: a doctor completes a visit with a note, vitals and a prescription and signs
 * it; the patient sees it in their timeline and downloads the prescription; the attending doctor
 * writes the discharge summary before the admin discharges, and the patient downloads it.
 */
import {
  approvedDoctor,
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerPatient,
  test,
} from './support';
import {
  type Appointment,
  admit,
  discharge,
  firstFreeSlot,
  letAppointmentStart,
  pdfText,
} from './support/workspace';

test('the clinical record: a signed visit note and prescription, a signed discharge summary, both downloaded by the patient', async ({
  page,
  browser,
  baseURL,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const doctor = await approvedDoctor(adminApi, { department: 'CARDIOLOGIST' });
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });
  const { slot } = await firstFreeSlot(adminApi, doctor.id);
  const booked = await adminApi.post<Appointment>('appointments/', {
    doctor: doctor.id,
    patient: patient.id,
    starts_at: slot.starts_at,
    reason: 'Chest tightness',
  });
  letAppointmentStart(booked.id);

  // The doctor writes the visit note with vitals and a prescription, saves and signs it.
  await loginViaApi(page, doctor.username, doctor.password, `/doctor/appointments/${String(booked.id)}/note`);
  await page.getByLabel('Chief complaint', { exact: true }).fill('Chest tightness on stairs');
  await page.getByLabel('Diagnosis', { exact: true }).fill('Stable angina');
  await page.getByLabel('Systolic (mmHg)', { exact: true }).fill('142');
  await page.getByLabel('Diastolic (mmHg)', { exact: true }).fill('91');
  await page.getByLabel('Pulse (/min)', { exact: true }).fill('88');
  await page.getByRole('button', { name: 'Add medicine' }).click();
  await page.getByLabel('Medicine 1', { exact: true }).fill('Aspirin');
  await page.getByLabel('Strength 1', { exact: true }).fill('75 mg');
  await page.getByLabel('Dose 1', { exact: true }).fill('1 tablet');
  await page.getByLabel('Frequency 1', { exact: true }).fill('once a day');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Sign visit note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this visit note?' });
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByText('Visit note signed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download prescription PDF' })).toBeVisible();

  // The patient sees it in their timeline and downloads the prescription.
  const patientContext = await browser.newContext({ baseURL });
  const patientPage = await patientContext.newPage();
  await loginViaApi(patientPage, patient.username, patient.password, '/patient/record');
  await expect(patientPage.getByText('Visit note: Stable angina')).toBeVisible();
  await expectNoSeriousA11yViolations(patientPage);
  let downloading = patientPage.waitForEvent('download');
  await patientPage.getByRole('button', { name: 'Download prescription PDF' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^prescription-\d+\.pdf$/);
  const prescription = pdfText((await download.path()) ?? '');
  expect(prescription).toContain('Aspirin');
  expect(prescription).toContain('75 mg');
  expect(prescription).toContain(patient.full_name);

  // The patient is admitted; the attending doctor writes and signs the discharge summary.
  const admission = await admit(adminApi, patient.id, doctor.id, { daysAgo: 2 });
  await page.goto(`/doctor/stays/${String(admission.id)}`);
  await page.getByLabel('Diagnosis', { exact: true }).fill('Unstable angina');
  await page.getByLabel('Course in hospital', { exact: true }).fill('Observed for two days; pain settled.');
  await page.getByLabel('Medicines to continue', { exact: true }).fill('Aspirin 75 mg once a day');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.getByRole('button', { name: 'Sign discharge summary' }).click();
  await page
    .getByRole('dialog', { name: 'Sign this discharge summary?' })
    .getByRole('button', { name: 'Sign' })
    .click();
  await expect(page.getByRole('button', { name: 'Download discharge summary PDF' })).toBeVisible();

  // The admin's discharge screen shows the signed summary; the admin discharges.
  const readiness = await adminApi.get<{ has_signed_discharge_summary: boolean }>(
    `clinical/admissions/${String(admission.id)}/discharge-readiness/`,
  );
  expect(readiness.has_signed_discharge_summary).toBe(true);
  await discharge(adminApi, admission.id, {
    room_charge_per_day: '500.00',
    doctor_fee: '1000.00',
    medicine_cost: '250.00',
    other_charge: '0.00',
  });

  // The patient downloads the discharge summary.
  await patientPage.reload();
  downloading = patientPage.waitForEvent('download');
  await patientPage.getByRole('button', { name: 'Download discharge summary PDF' }).click();
  download = await downloading;
  const summary = pdfText((await download.path()) ?? '');
  expect(summary).toContain('Unstable angina');
  expect(summary).toContain('Observed for two days; pain settled.');
  await patientContext.close();
});
