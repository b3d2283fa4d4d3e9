import { paths } from '@/config/paths';

import type { RoleModule } from './role-module';
import { lazyPage } from './page';
import { stacked } from './stacked';

/** The admin area: `/admin/*`. */
export const adminModule: RoleModule = {
  role: 'ADMIN',
  path: 'admin',
  nav: [
    { label: 'Dashboard', to: paths.admin.dashboard.getHref(), end: true },
    { label: 'Doctors', to: paths.admin.doctors.getHref() },
    { label: 'Patients', to: paths.admin.patients.getHref() },
    { label: 'Admissions', to: paths.admin.admissions.getHref() },
    { label: 'Invoices', to: paths.admin.invoices.getHref() },
    { label: 'Payment reports', to: paths.admin.reports.getHref() },
    { label: 'Appointments', to: paths.admin.appointments.getHref() },
    { label: 'Calendar', to: paths.admin.calendar.getHref() },
    { label: 'Schedules', to: paths.admin.schedules.getHref() },
    { label: 'Waitlist', to: paths.admin.waitlist.getHref() },
    { label: 'Audit log', to: paths.admin.audit.getHref() },
    { label: 'Notifications', to: paths.admin.notifications.getHref() },
    { label: 'My profile', to: paths.admin.profile.getHref() },
  ],
  routes: [
    lazyPage(paths.admin.profile, async () => {
      const module = await import('@/features/profile/components/profile-page');
      return module.ProfilePage;
    }),
    lazyPage(paths.admin.dashboard, async () => {
      const module = await import('./admin-dashboard');
      return module.AdminDashboardRoute;
    }, { index: true }),

    lazyPage(paths.admin.doctors, async () => {
      const module = await import('@/features/doctors/components/doctors-page');
      return module.DoctorsPage;
    }),
    lazyPage(paths.admin.newDoctor, async () => {
      const module = await import('@/features/doctors/components/register-doctor-page');
      return module.RegisterDoctorPage;
    }),
    lazyPage(paths.admin.doctor, async () => {
      const module = await import('@/features/doctors/components/doctor-page');
      return module.DoctorPage;
    }),
    lazyPage(paths.admin.editDoctor, async () => {
      const module = await import('@/features/doctors/components/edit-doctor-page');
      return module.EditDoctorPage;
    }),

    lazyPage(paths.admin.patients, async () => {
      const module = await import('@/features/patients/components/patients-page');
      return module.PatientsPage;
    }),
    lazyPage(paths.admin.newPatient, async () => {
      const module = await import('@/features/patients/components/register-patient-page');
      return module.RegisterPatientPage;
    }),
    lazyPage(paths.admin.patient, async () => {
      const module = await import('@/features/patients/components/patient-page');
      return module.PatientPage;
    }),
    lazyPage(paths.admin.editPatient, async () => {
      const module = await import('@/features/patients/components/edit-patient-page');
      return module.EditPatientPage;
    }),

    lazyPage(paths.admin.admissions, async () => {
      const module = await import('@/features/admissions/components/admissions-page');
      return module.AdmissionsPage;
    }),
    lazyPage(paths.admin.admitPatient, async () => {
      const module = await import('@/features/admissions/components/admit-patient-page');
      return module.AdmitPatientPage;
    }),
    lazyPage(paths.admin.admission, async () => {
      const [admissions, payments] = await Promise.all([
        import('@/features/admissions/components/admission-page'),
        import('@/features/payments/components/advance-panel'),
      ]);
      return stacked(admissions.AdmissionPage, payments.AdvancePanel);
    }),

    lazyPage(paths.admin.invoices, async () => {
      const module = await import('@/features/invoices/components/invoices-page');
      return module.InvoicesPage;
    }),
    lazyPage(paths.admin.invoice, async () => {
      const [invoices, payments] = await Promise.all([
        import('@/features/invoices/components/invoice-page'),
        import('@/features/payments/components/invoice-payments-panel'),
      ]);
      return stacked(invoices.InvoicePage, payments.InvoicePaymentsPanel);
    }),
    lazyPage(paths.admin.reports, async () => {
      const module = await import('@/features/payments/components/reports-page');
      return module.ReportsPage;
    }),

    lazyPage(paths.admin.appointments, async () => {
      const module = await import('@/features/appointments/components/appointments-page');
      return module.AppointmentsPage;
    }),
    lazyPage(paths.admin.bookAppointment, async () => {
      const module = await import(
        '@/features/appointments/components/book-for-patient-page'
      );
      return module.BookAppointmentPage;
    }),

    lazyPage(paths.admin.calendar, async () => {
      const module = await import('@/features/scheduling/components/calendar-page');
      return module.AdminCalendarPage;
    }),
    lazyPage(paths.admin.schedules, async () => {
      const module = await import('@/features/scheduling/components/schedule-page');
      return module.SchedulePage;
    }),
    lazyPage(paths.admin.waitlist, async () => {
      const module = await import('@/features/scheduling/components/waitlist-admin-page');
      return module.WaitlistAdminPage;
    }),

    lazyPage(paths.admin.audit, async () => {
      const module = await import('@/features/audit-events/components/audit-events-page');
      return module.AuditEventsPage;
    }),

    lazyPage(paths.admin.notifications, async () => {
      const module = await import('@/features/notifications/components/notifications-page');
      return module.NotificationsPage;
    }),
    lazyPage(paths.admin.notificationPreferences, async () => {
      const module = await import('@/features/notifications/components/preferences-page');
      return module.PreferencesPage;
    }),
  ],
};
