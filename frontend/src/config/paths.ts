/**
 * Every page of the app: its route pattern (`path`), the title of its browser tab (`title`, shown
 * as "<title> · <hospital name>") and the address to link to (`getHref`). Routes, menus, links
 * and `navigate()` calls all take their addresses from here, so a page moves in one place.
 *
 * Titles never name a patient or a record: a tab title ends up in the browser's history.
 */

type Id = number | string;

export interface PageRoute<Args extends unknown[] = []> {
  /** The route pattern, absolute (`/admin/doctors/:doctorId`). */
  path: string;
  /** The page's title, without the hospital's name. */
  title: string;
  getHref: (...args: Args) => string;
}

function page(path: string, title: string): PageRoute {
  return { path, title, getHref: () => path };
}

/** `?name=value` for the values that are set, or nothing. */
function search(params: Record<string, Id | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

export type SignUpKind = 'patient' | 'doctor' | 'admin';

export const paths = {
  home: page('/', 'Welcome'),

  auth: {
    login: page('/login', 'Sign in'),
    forgotPassword: page('/forgot-password', 'Forgot password'),
    resetPassword: page('/reset-password', 'Choose a new password'),
    signUp: {
      path: '/signup/:kind',
      title: 'Sign up',
      getHref: (kind: SignUpKind = 'patient') => `/signup/${kind}`,
    } satisfies PageRoute<[SignUpKind?]>,
    signUpStart: page('/signup', 'Sign up'),
    signUpSubmitted: page('/signup/submitted', 'Application received'),
  },

  unsubscribe: page('/notifications/unsubscribe', 'Unsubscribe'),

  admin: {
    dashboard: page('/admin', 'Dashboard'),
    profile: page('/admin/profile', 'My profile'),
    doctors: page('/admin/doctors', 'Doctors'),
    newDoctor: page('/admin/doctors/new', 'Register a doctor'),
    doctor: {
      path: '/admin/doctors/:doctorId',
      title: 'Doctor',
      getHref: (id: Id) => `/admin/doctors/${String(id)}`,
    } satisfies PageRoute<[Id]>,
    editDoctor: {
      path: '/admin/doctors/:doctorId/edit',
      title: 'Edit doctor',
      getHref: (id: Id) => `/admin/doctors/${String(id)}/edit`,
    } satisfies PageRoute<[Id]>,
    patients: page('/admin/patients', 'Patients'),
    newPatient: page('/admin/patients/new', 'Register a patient'),
    patient: {
      path: '/admin/patients/:patientId',
      title: 'Patient',
      getHref: (id: Id) => `/admin/patients/${String(id)}`,
    } satisfies PageRoute<[Id]>,
    editPatient: {
      path: '/admin/patients/:patientId/edit',
      title: 'Edit patient',
      getHref: (id: Id) => `/admin/patients/${String(id)}/edit`,
    } satisfies PageRoute<[Id]>,
    admissions: page('/admin/admissions', 'Admissions'),
    admitPatient: {
      path: '/admin/admissions/new',
      title: 'Admit a patient',
      getHref: (patient?: Id) => `/admin/admissions/new${search({ patient })}`,
    } satisfies PageRoute<[Id?]>,
    admission: {
      path: '/admin/admissions/:admissionId',
      title: 'Admission',
      getHref: (id: Id) => `/admin/admissions/${String(id)}`,
    } satisfies PageRoute<[Id]>,
    invoices: page('/admin/invoices', 'Invoices'),
    invoice: {
      path: '/admin/invoices/:invoiceId',
      title: 'Invoice',
      getHref: (id: Id) => `/admin/invoices/${String(id)}`,
    } satisfies PageRoute<[Id]>,
    reports: page('/admin/reports', 'Payment reports'),
    appointments: {
      path: '/admin/appointments',
      title: 'Appointments',
      getHref: (status?: string) => `/admin/appointments${search({ status })}`,
    } satisfies PageRoute<[string?]>,
    bookAppointment: {
      path: '/admin/appointments/new',
      title: 'Book an appointment',
      getHref: (patient?: Id) => `/admin/appointments/new${search({ patient })}`,
    } satisfies PageRoute<[Id?]>,
    calendar: page('/admin/calendar', 'Calendar'),
    schedules: page('/admin/schedules', 'Schedules'),
    waitlist: page('/admin/waitlist', 'Waitlist'),
    audit: page('/admin/audit', 'Audit log'),
    notifications: page('/admin/notifications', 'Notifications'),
    notificationPreferences: page('/admin/notifications/preferences', 'Notification settings'),
  },

  doctor: {
    dashboard: page('/doctor', 'Dashboard'),
    appointments: page('/doctor/appointments', 'My appointments'),
    visitNote: {
      path: '/doctor/appointments/:appointmentId/note',
      title: 'Visit note',
      getHref: (appointment: Id) => `/doctor/appointments/${String(appointment)}/note`,
    } satisfies PageRoute<[Id]>,
    calendar: page('/doctor/calendar', 'My calendar'),
    patients: page('/doctor/patients', 'My patients'),
    patientRecord: {
      path: '/doctor/patients/:patientId/record',
      title: 'Patient record',
      getHref: (patient: Id) => `/doctor/patients/${String(patient)}/record`,
    } satisfies PageRoute<[Id]>,
    stay: {
      path: '/doctor/stays/:admissionId',
      title: 'Hospital stay',
      getHref: (admission: Id) => `/doctor/stays/${String(admission)}`,
    } satisfies PageRoute<[Id]>,
    discharged: page('/doctor/discharged', 'Discharged patients'),
    profile: page('/doctor/profile', 'My profile'),
    notifications: page('/doctor/notifications', 'Notifications'),
    notificationPreferences: page('/doctor/notifications/preferences', 'Notification settings'),
  },

  patient: {
    dashboard: page('/patient', 'Dashboard'),
    book: page('/patient/book', 'Book an appointment'),
    appointments: page('/patient/appointments', 'My appointments'),
    waitlist: page('/patient/waitlist', 'My waitlist'),
    invoices: page('/patient/invoices', 'My invoices'),
    invoice: {
      path: '/patient/invoices/:invoiceId',
      title: 'Invoice',
      getHref: (id: Id) => `/patient/invoices/${String(id)}`,
    } satisfies PageRoute<[Id]>,
    record: page('/patient/record', 'My health record'),
    accessLog: page('/patient/access-log', 'Who saw my record'),
    profile: page('/patient/profile', 'My profile'),
    notifications: page('/patient/notifications', 'Notifications'),
    notificationPreferences: page('/patient/notifications/preferences', 'Notification settings'),
  },
};

/** The titles of pages that no route table entry names. */
export const FALLBACK_TITLES = {
  notFound: 'Page not found',
  notAllowed: 'Not allowed',
  error: 'Something went wrong',
} as const;
