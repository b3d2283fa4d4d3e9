/**
 * Who saw what (SPEC section 8): a doctor opens a patient; the patient sees that doctor in their
 * access log; the admin filters the audit log by that patient and downloads it as CSV.
 */
import { readFile } from 'node:fs/promises';

import { approvedDoctor, expect, loginViaApi, registerPatient, test } from './support';

test('who saw my record: the doctor in the patient access log and in the admin CSV', async ({
  browser,
  adminApi,
}) => {
  const doctor = await approvedDoctor(adminApi);
  const patient = await registerPatient(adminApi, { assigned_doctor: doctor.id });

  // The doctor opens their patients and finds this one.
  const doctorContext = await browser.newContext();
  const doctorPage = await doctorContext.newPage();
  await loginViaApi(doctorPage, doctor.username, doctor.password, '/doctor/patients');
  const search = doctorPage.getByLabel('Search by name or symptoms');
  const answer = doctorPage.waitForResponse(
    (response) =>
      response.url().includes('/api/v1/patients/') &&
      response.url().includes(patient.username),
  );
  await search.fill(patient.last_name);
  expect((await answer).status()).toBe(200);
  await expect(
    doctorPage
      .getByRole('table', { name: 'My patients' })
      .getByRole('row')
      .filter({ hasText: patient.full_name }),
  ).toBeVisible();
  await doctorContext.close();

  // The patient signs in and sees that doctor in "Who saw my record".
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await loginViaApi(patientPage, patient.username, patient.password, '/patient');
  await patientPage.getByRole('link', { name: 'Who saw my record' }).click();
  await expect(
    patientPage.getByRole('heading', { level: 1, name: 'Who saw my record' }),
  ).toBeVisible();
  const log = patientPage.getByRole('table', { name: 'Who saw my record' });
  const doctorRow = log.getByRole('row').filter({ hasText: doctor.full_name });
  await expect(doctorRow.first()).toContainText('Doctor');
  await expect(doctorRow.first()).toContainText('Saw your record in a list');
  await patientContext.close();

  // The admin filters the audit log by the patient and downloads the CSV.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await loginViaApi(adminPage, 'admin', undefined, '/admin/audit');
  await adminPage.getByLabel('Patient id').fill(String(patient.id));
  const events = adminPage.getByRole('table', { name: 'Audit events' });
  await expect(
    events
      .getByRole('row')
      .filter({ hasText: doctor.full_name })
      .filter({ hasText: 'filters: search' })
      .first(),
  ).toBeVisible();
  const download = adminPage.waitForEvent('download');
  await adminPage.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-events-\d{8}-\d{6}\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    'id,at,kind,action,outcome,actor_id,actor_name,actor_role,object_type,object_id,' +
      'patient_ids,filters,request_id,ip_address,hash',
  );
  // The doctor's search: the filter's name is recorded, never what was typed.
  const searches = lines.filter(
    (line) =>
      line.includes(`,${doctor.full_name},DOCTOR,`) &&
      line.includes(',patient.list,') &&
      line.includes(',search,'),
  );
  expect(searches.length).toBeGreaterThan(0);
  expect(csv).not.toContain(patient.last_name);
  // Every line of the filtered export names the patient.
  for (const line of lines.slice(1)) {
    expect(line.split(',')[10]?.split(' ')).toContain(String(patient.id));
  }
  await adminContext.close();
});
