import { paths } from '@/config/paths';

import { lazyPage } from './page';
import type { RoleModule } from './role-module';
import { stacked } from './stacked';

const patient = paths.patient;

/**
 * The patient area: `/patient/*`. Each page's code loads when it is first opened, so a doctor or
 * an admin never downloads the patient's screens.
 */
export const patientModule: RoleModule = {
  role: 'PATIENT',
  path: 'patient',
  nav: [
    { label: 'Dashboard', to: patient.dashboard.getHref(), end: true },
    { label: 'Book an appointment', to: patient.book.getHref() },
    { label: 'My appointments', to: patient.appointments.getHref() },
    { label: 'My waitlist', to: patient.waitlist.getHref() },
    { label: 'My invoices', to: patient.invoices.getHref() },
    { label: 'My health record', to: patient.record.getHref() },
    { label: 'Who saw my record', to: patient.accessLog.getHref() },
    { label: 'Notifications', to: patient.notifications.getHref() },
    { label: 'My profile', to: patient.profile.getHref() },
  ],
  routes: [
    lazyPage(
      patient.dashboard,
      async () =>
        (await import('@/features/dashboard/components/patient-dashboard-page'))
          .PatientDashboardPage,
      { index: true },
    ),
    lazyPage(
      patient.record,
      async () => (await import('@/features/clinical/components/patient-record-page')).MyRecordPage,
    ),
    lazyPage(
      patient.book,
      async () =>
        (await import('@/features/appointments/components/book-appointment-page'))
          .BookAppointmentPage,
    ),
    lazyPage(
      patient.appointments,
      async () =>
        (await import('@/features/appointments/components/my-appointments-page'))
          .MyAppointmentsPage,
    ),
    lazyPage(
      patient.waitlist,
      async () =>
        (await import('@/features/scheduling/components/my-waitlist-page')).MyWaitlistPage,
    ),
    lazyPage(
      patient.invoices,
      async () =>
        (await import('@/features/invoices/components/my-invoices-page')).MyInvoicesPage,
    ),
    lazyPage(patient.invoice, async () => {
      const [invoices, payments] = await Promise.all([
        import('@/features/invoices/components/my-invoice-page'),
        import('@/features/payments/components/patient-payments-panel'),
      ]);
      return stacked(invoices.InvoicePage, payments.PatientPaymentsPanel);
    }),
    lazyPage(
      patient.accessLog,
      async () =>
        (await import('@/features/access-log/components/access-log-page')).AccessLogPage,
    ),
    lazyPage(
      patient.profile,
      async () => (await import('@/features/profile/components/profile-page')).ProfilePage,
    ),
    lazyPage(
      patient.notifications,
      async () =>
        (await import('@/features/notifications/components/notifications-page'))
          .NotificationsPage,
    ),
    lazyPage(
      patient.notificationPreferences,
      async () =>
        (await import('@/features/notifications/components/preferences-page')).PreferencesPage,
    ),
  ],
};
