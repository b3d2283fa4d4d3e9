import type { RoleModule } from './role-module';

/**
 * The doctor area: `/doctor/*`. Each page's code loads when it is first opened, so a patient or
 * an admin never downloads the doctor's screens.
 */
export const doctorModule: RoleModule = {
  role: 'DOCTOR',
  path: 'doctor',
  nav: [
    { label: 'Dashboard', to: '/doctor', end: true },
    { label: 'My appointments', to: '/doctor/appointments' },
    { label: 'My calendar', to: '/doctor/calendar' },
    { label: 'My patients', to: '/doctor/patients' },
    { label: 'Discharged patients', to: '/doctor/discharged' },
    { label: 'Notifications', to: '/doctor/notifications' },
    { label: 'My profile', to: '/doctor/profile' },
  ],
  routes: [
    {
      index: true,
      lazy: async () => ({
        Component: (await import('@/features/doctor-dashboard/components/doctor-dashboard-page'))
          .DoctorDashboardPage,
      }),
    },
    {
      path: 'appointments',
      lazy: async () => ({
        Component: (
          await import('@/features/doctor-appointments/components/doctor-appointments-page')
        ).DoctorAppointmentsPage,
      }),
    },
    {
      path: 'appointments/history',
      lazy: async () => ({
        Component: (await import('@/features/doctor-appointments/components/past-appointments-page'))
          .PastAppointmentsPage,
      }),
    },
    {
      path: 'appointments/:appointmentId',
      lazy: async () => ({
        Component: (
          await import('@/features/appointment-detail/components/appointment-detail-page')
        ).DoctorAppointmentPage,
      }),
    },
    {
      path: 'calendar',
      lazy: async () => ({
        Component: (await import('@/features/scheduling/components/calendar-page'))
          .DoctorCalendarPage,
      }),
    },
    {
      path: 'appointments/:appointmentId/note',
      lazy: async () => ({
        Component: (await import('@/features/clinical/components/visit-note-page')).VisitNotePage,
      }),
    },
    {
      path: 'patients/:patientId',
      lazy: async () => ({
        Component: (await import('@/features/doctor-patient/components/doctor-patient-page'))
          .DoctorPatientPage,
      }),
    },
    {
      path: 'patients/:patientId/record',
      lazy: async () => ({
        Component: (await import('@/features/clinical/components/patient-record-page'))
          .DoctorPatientRecordPage,
      }),
    },
    {
      path: 'stays/:admissionId',
      lazy: async () => ({
        Component: (await import('@/features/clinical/components/stay-record-page'))
          .StayRecordPage,
      }),
    },
    {
      path: 'patients',
      lazy: async () => ({
        Component: (await import('@/features/doctor-patients/components/my-patients-page'))
          .MyPatientsPage,
      }),
    },
    {
      path: 'discharged',
      lazy: async () => ({
        Component: (await import('@/features/doctor-patients/components/discharged-patients-page'))
          .DischargedPatientsPage,
      }),
    },
    {
      path: 'profile',
      lazy: async () => ({
        Component: (await import('@/features/profile/components/profile-page')).ProfilePage,
      }),
    },
    {
      path: 'notifications',
      lazy: async () => ({
        Component: (await import('@/features/notifications/components/notifications-page'))
          .NotificationsPage,
      }),
    },
    {
      path: 'notifications/preferences',
      lazy: async () => ({
        Component: (await import('@/features/notifications/components/preferences-page'))
          .PreferencesPage,
      }),
    },
  ],
};
