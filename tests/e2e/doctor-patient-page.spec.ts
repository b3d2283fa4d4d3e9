/**
 * A doctor opens one of their patients from "My patients": the patient's details, their stay and
 * their appointments with the doctor, each with its status history; then the appointment's own
 * page, with who changed its status, when and why. Another doctor's patient answers "not found".
 */
import {
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  registerDoctor,
  registerPatient,
  test,
} from './support';
import { admit, firstFreeSlot, shownDate } from './support/workspace';
import type { Appointment } from './support/workspace';

test('a doctor opens a patient page and an appointment with its status history', async ({
  page,
  adminApi,
}) => {
  const doctor = await registerDoctor(adminApi, { department: 'CARDIOLOGIST' });
  const other = await registerDoctor(adminApi);
  const patient = await registerPatient(adminApi, {
    assigned_doctor: doctor.id,
    symptoms: 'Palpitations at night',
  });
  const stranger = await registerPatient(adminApi, { assigned_doctor: other.id });
  const { slot } = await firstFreeSlot(adminApi, doctor.id);
  const booked = await adminApi.post<Appointment>('appointments/', {
    patient: patient.id,
    doctor: doctor.id,
    starts_at: slot.starts_at,
    reason: 'Irregular heartbeat',
  });
  await adminApi.post(`appointments/${booked.id}/cancel/`, { reason: 'Doctor on leave' });
  const stay = await admit(adminApi, patient.id, doctor.id, { daysAgo: 1, room: 'Ward 5, bed 2' });

  await loginViaApi(page, doctor.username, doctor.password, '/doctor/patients');
  await page.getByRole('link', { name: `Open ${patient.full_name}'s page` }).click();

  await expect(page).toHaveURL(new RegExp(`/doctor/patients/${patient.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: patient.full_name })).toBeVisible();
  await expect(page.getByText('In hospital')).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Palpitations at night');
  await expect(details.getByRole('link', { name: patient.mobile })).toBeVisible();

  const stays = page.getByRole('region', { name: 'Stays' });
  const current = stays.getByRole('article', { name: `Since ${shownDate(stay.admitted_on)}` });
  await expect(current).toContainText('Admitted');
  await expect(current).toContainText('Room Ward 5, bed 2');

  const visits = page.getByRole('region', { name: 'Appointments with you' });
  const visit = visits.getByRole('article');
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText('Cancelled');
  await expect(visit).toContainText('Irregular heartbeat');
  await visit.getByRole('button', { name: 'Show status history' }).click();
  await expect(visit.locator('.mantine-Timeline-item')).toHaveText([
    /^Booked: Confirmed.*by Hospital Administrator \(Admin\)$/,
    /^Confirmed → Cancelled.*by Hospital Administrator \(Admin\)Reason: Doctor on leave$/,
  ]);
  await expectNoSeriousA11yViolations(page);

  await visit.getByRole('link', { name: /^Open the appointment of / }).click();
  await expect(page).toHaveURL(new RegExp(`/doctor/appointments/${booked.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Appointment' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Status history' });
  await expect(history.locator('.mantine-Timeline-item')).toHaveText([
    /^Booked: Confirmed/,
    /^Confirmed → Cancelled.*Reason: Doctor on leave$/,
  ]);
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Irregular heartbeat');
  await expectNoSeriousA11yViolations(page);

  // The history tab lists it too.
  await page.goto('/doctor/appointments');
  await page.getByRole('navigation', { name: 'Appointment views' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appointment history' })).toBeVisible();
  await expect(page.getByRole('article', { name: patient.full_name })).toContainText('Doctor on leave');

  // Another doctor's patient and appointment do not exist here.
  await page.goto(`/doctor/patients/${stranger.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Patient not found' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await page.goto('/doctor/appointments/999999');
  await expect(page.getByRole('heading', { level: 1, name: 'Appointment not found' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});
