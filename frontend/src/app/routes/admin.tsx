import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

import type { RoleModule } from './role-module';
import { stacked } from './stacked';

/** A page whose code loads when it is first opened: doctors and patients never load admin code. */
function page(path: string | null, load: () => Promise<ComponentType>): RouteObject {
  const lazy = async () => ({ Component: await load() });
  return path === null ? { index: true, lazy } : { path, lazy };
}

/** The admin area: `/admin/*`. */
export const adminModule: RoleModule = {
  role: 'ADMIN',
  path: 'admin',
  nav: [
    { label: 'Dashboard', to: '/admin', end: true },
    { label: 'Doctors', to: '/admin/doctors' },
    { label: 'Patients', to: '/admin/patients' },
    { label: 'Admissions', to: '/admin/admissions' },
    { label: 'Invoices', to: '/admin/invoices' },
    { label: 'Payment reports', to: '/admin/reports' },
    { label: 'Appointments', to: '/admin/appointments' },
    { label: 'Calendar', to: '/admin/calendar' },
    { label: 'Schedules', to: '/admin/schedules' },
    { label: 'Waitlist', to: '/admin/waitlist' },
    { label: 'Audit log', to: '/admin/audit' },
    { label: 'Notifications', to: '/admin/notifications' },
    { label: 'My profile', to: '/admin/profile' },
  ],
  routes: [
    page('profile', async () => {
      const module = await import('@/features/profile/components/profile-page');
      return module.ProfilePage;
    }),
    page(null, async () => {
      const module = await import('@/features/admin-dashboard/components/admin-dashboard-page');
      return module.AdminDashboardPage;
    }),

    page('doctors', async () => {
      const module = await import('@/features/doctors/components/doctors-page');
      return module.DoctorsPage;
    }),
    page('doctors/new', async () => {
      const module = await import('@/features/doctors/components/register-doctor-page');
      return module.RegisterDoctorPage;
    }),
    page('doctors/:doctorId', async () => {
      const module = await import('@/features/doctors/components/doctor-page');
      return module.DoctorPage;
    }),
    page('doctors/:doctorId/edit', async () => {
      const module = await import('@/features/doctors/components/edit-doctor-page');
      return module.EditDoctorPage;
    }),

    page('patients', async () => {
      const module = await import('@/features/patients/components/patients-page');
      return module.PatientsPage;
    }),
    page('patients/new', async () => {
      const module = await import('@/features/patients/components/register-patient-page');
      return module.RegisterPatientPage;
    }),
    page('patients/:patientId', async () => {
      const module = await import('@/features/patients/components/patient-page');
      return module.PatientPage;
    }),
    page('patients/:patientId/edit', async () => {
      const module = await import('@/features/patients/components/edit-patient-page');
      return module.EditPatientPage;
    }),

    page('admissions', async () => {
      const module = await import('@/features/admissions/components/admissions-page');
      return module.AdmissionsPage;
    }),
    page('admissions/new', async () => {
      const module = await import('@/features/admissions/components/admit-patient-page');
      return module.AdmitPatientPage;
    }),
    page('admissions/:admissionId', async () => {
      const [admissions, payments] = await Promise.all([
        import('@/features/admissions/components/admission-page'),
        import('@/features/payments/components/advance-panel'),
      ]);
      return stacked(admissions.AdmissionPage, payments.AdvancePanel);
    }),

    page('invoices', async () => {
      const module = await import('@/features/invoices/components/invoices-page');
      return module.InvoicesPage;
    }),
    page('invoices/:invoiceId', async () => {
      const [invoices, payments] = await Promise.all([
        import('@/features/invoices/components/invoice-page'),
        import('@/features/payments/components/invoice-payments-panel'),
      ]);
      return stacked(invoices.InvoicePage, payments.InvoicePaymentsPanel);
    }),
    page('reports', async () => {
      const module = await import('@/features/payments/components/reports-page');
      return module.ReportsPage;
    }),

    page('appointments', async () => {
      const module = await import('@/features/appointments-admin/components/appointments-page');
      return module.AppointmentsPage;
    }),
    page('appointments/new', async () => {
      const module = await import(
        '@/features/appointments-admin/components/book-appointment-page'
      );
      return module.BookAppointmentPage;
    }),
    page('appointments/:appointmentId', async () => {
      const module = await import('@/features/appointment-detail/components/appointment-detail-page');
      return module.AdminAppointmentPage;
    }),

    page('calendar', async () => {
      const module = await import('@/features/scheduling/components/calendar-page');
      return module.AdminCalendarPage;
    }),
    page('schedules', async () => {
      const module = await import('@/features/scheduling/components/schedule-page');
      return module.SchedulePage;
    }),
    page('waitlist', async () => {
      const module = await import('@/features/scheduling/components/waitlist-admin-page');
      return module.WaitlistAdminPage;
    }),

    page('audit', async () => {
      const module = await import('@/features/audit-events/components/audit-events-page');
      return module.AuditEventsPage;
    }),

    page('notifications', async () => {
      const module = await import('@/features/notifications/components/notifications-page');
      return module.NotificationsPage;
    }),
    page('notifications/preferences', async () => {
      const module = await import('@/features/notifications/components/preferences-page');
      return module.PreferencesPage;
    }),
  ],
};
