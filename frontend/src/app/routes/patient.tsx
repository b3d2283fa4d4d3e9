import type { RoleModule } from './role-module';
import { stacked } from './stacked';

/**
 * The patient area: `/patient/*`. Each page's code loads when it is first opened, so a doctor or
 * an admin never downloads the patient's screens.
 */
export const patientModule: RoleModule = {
  role: 'PATIENT',
  path: 'patient',
  nav: [
    { label: 'Dashboard', to: '/patient', end: true },
    { label: 'Book an appointment', to: '/patient/book' },
    { label: 'My appointments', to: '/patient/appointments' },
    { label: 'My waitlist', to: '/patient/waitlist' },
    { label: 'My invoices', to: '/patient/invoices' },
    { label: 'My health record', to: '/patient/record' },
    { label: 'Who saw my record', to: '/patient/access-log' },
    { label: 'Notifications', to: '/patient/notifications' },
    { label: 'My profile', to: '/patient/profile' },
  ],
  routes: [
    {
      index: true,
      lazy: async () => ({
        Component: (await import('@/features/patient-dashboard/components/patient-dashboard-page'))
          .PatientDashboardPage,
      }),
    },
    {
      path: 'record',
      lazy: async () => ({
        Component: (await import('@/features/clinical/components/patient-record-page'))
          .MyRecordPage,
      }),
    },
    {
      path: 'book',
      lazy: async () => ({
        Component: (await import('@/features/patient-booking/components/book-appointment-page'))
          .BookAppointmentPage,
      }),
    },
    {
      path: 'appointments',
      lazy: async () => ({
        Component: (await import('@/features/patient-appointments/components/my-appointments-page'))
          .MyAppointmentsPage,
      }),
    },
    {
      path: 'appointments/:appointmentId',
      lazy: async () => ({
        Component: (
          await import('@/features/appointment-detail/components/appointment-detail-page')
        ).PatientAppointmentPage,
      }),
    },
    {
      path: 'waitlist',
      lazy: async () => ({
        Component: (await import('@/features/scheduling/components/my-waitlist-page'))
          .MyWaitlistPage,
      }),
    },
    {
      path: 'invoices',
      lazy: async () => ({
        Component: (await import('@/features/patient-invoices/components/my-invoices-page'))
          .MyInvoicesPage,
      }),
    },
    {
      path: 'invoices/:invoiceId',
      lazy: async () => {
        const [invoices, payments] = await Promise.all([
          import('@/features/patient-invoices/components/invoice-page'),
          import('@/features/payments/components/patient-payments-panel'),
        ]);
        return { Component: stacked(invoices.InvoicePage, payments.PatientPaymentsPanel) };
      },
    },
    {
      path: 'access-log',
      lazy: async () => ({
        Component: (await import('@/features/access-log/components/access-log-page'))
          .AccessLogPage,
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
