import { paths } from '@/config/paths';

import { lazyPage } from './page';
import type { RoleModule } from './role-module';

const doctor = paths.doctor;

/**
 * The doctor area: `/doctor/*`. Each page's code loads when it is first opened, so a patient or
 * an admin never downloads the doctor's screens.
 */
export const doctorModule: RoleModule = {
  role: 'DOCTOR',
  path: 'doctor',
  nav: [
    { label: 'Dashboard', to: doctor.dashboard.getHref(), end: true },
    { label: 'My appointments', to: doctor.appointments.getHref() },
    { label: 'My calendar', to: doctor.calendar.getHref() },
    { label: 'My patients', to: doctor.patients.getHref() },
    { label: 'Discharged patients', to: doctor.discharged.getHref() },
    { label: 'Notifications', to: doctor.notifications.getHref() },
    { label: 'My profile', to: doctor.profile.getHref() },
  ],
  routes: [
    lazyPage(
      doctor.dashboard,
      async () =>
        (await import('@/features/dashboard/components/doctor-dashboard-page'))
          .DoctorDashboardPage,
      { index: true },
    ),
    lazyPage(
      doctor.appointments,
      async () =>
        (await import('@/features/appointments/components/doctor-appointments-page'))
          .DoctorAppointmentsPage,
    ),
    lazyPage(
      doctor.calendar,
      async () =>
        (await import('@/features/scheduling/components/calendar-page')).DoctorCalendarPage,
    ),
    lazyPage(
      doctor.visitNote,
      async () => (await import('@/features/clinical/components/visit-note-page')).VisitNotePage,
    ),
    lazyPage(
      doctor.patientRecord,
      async () =>
        (await import('@/features/clinical/components/patient-record-page'))
          .DoctorPatientRecordPage,
    ),
    lazyPage(
      doctor.stay,
      async () => (await import('@/features/clinical/components/stay-record-page')).StayRecordPage,
    ),
    lazyPage(
      doctor.patients,
      async () =>
        (await import('@/features/patients/components/my-patients-page')).MyPatientsPage,
    ),
    lazyPage(
      doctor.discharged,
      async () =>
        (await import('@/features/admissions/components/discharged-patients-page'))
          .DischargedPatientsPage,
    ),
    lazyPage(
      doctor.profile,
      async () => (await import('@/features/profile/components/profile-page')).ProfilePage,
    ),
    lazyPage(
      doctor.notifications,
      async () =>
        (await import('@/features/notifications/components/notifications-page'))
          .NotificationsPage,
    ),
    lazyPage(
      doctor.notificationPreferences,
      async () =>
        (await import('@/features/notifications/components/preferences-page')).PreferencesPage,
    ),
  ],
};
