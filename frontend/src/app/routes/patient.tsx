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
    { label: 'My invoices', to: '/patient/invoices' },
    { label: 'Who saw my record', to: '/patient/access-log' },
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
  ],
};
