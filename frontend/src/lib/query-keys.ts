/**
 * The query keys of every API resource, in one place: a hook builds its key here and a mutation
 * invalidates with the same factory, so no key is typed by hand twice.
 *
 * Keys are hierarchical: `[resource]` covers every query of the resource, `[resource, 'list', …]`
 * every page and filter of its list, `[resource, 'detail', id]` one row. Keys that start with
 * `'public'` hold answers that are the same for everyone (the hospital, its departments, the
 * doctor directory); they survive a sign-out, every other key is dropped with the session.
 */
export const queryKeys = {
  public: {
    all: ['public'] as const,
    hospital: () => ['public', 'hospital'] as const,
    departments: () => ['public', 'departments'] as const,
    doctorDirectory: (query: object) => ['public', 'doctor-directory', query] as const,
  },
  auth: {
    all: ['auth'] as const,
    me: () => ['auth', 'me'] as const,
    mfa: () => ['auth', 'mfa'] as const,
    sessions: () => ['auth', 'sessions'] as const,
  },
  dashboard: {
    all: ['dashboard'] as const,
  },
  doctors: {
    all: ['doctors'] as const,
    list: (query: object) => ['doctors', 'list', query] as const,
    detail: (id: number) => ['doctors', 'detail', id] as const,
  },
  patients: {
    all: ['patients'] as const,
    list: (query: object) => ['patients', 'list', query] as const,
    detail: (id: number) => ['patients', 'detail', id] as const,
  },
  appointments: {
    all: ['appointments'] as const,
    list: (query: object) => ['appointments', 'list', query] as const,
    perDay: (firstDay: string, days: number) =>
      ['appointments', 'per-day', firstDay, days] as const,
    detail: (id: number | null) => ['appointments', 'detail', id] as const,
  },
  slots: {
    all: ['slots'] as const,
    free: (doctor: number | null, date: string | null) => ['slots', doctor, date] as const,
  },
  admissions: {
    all: ['admissions'] as const,
    list: (query: object) => ['admissions', 'list', query] as const,
    detail: (id: number) => ['admissions', 'detail', id] as const,
    dischargePreview: (id: number, body: object | null) => ['discharge-preview', id, body] as const,
  },
  invoices: {
    all: ['invoices'] as const,
    list: (query: object) => ['invoices', 'list', query] as const,
    detail: (id: number) => ['invoices', 'detail', id] as const,
  },
  payments: {
    all: ['payments'] as const,
    invoice: (id: number) => ['payments', 'invoice', id] as const,
    receipts: (filter: object) => ['payments', 'receipts', filter] as const,
    collections: (query: object) => ['payments', 'reports', 'collections', query] as const,
    outstanding: (query: object) => ['payments', 'reports', 'outstanding', query] as const,
  },
  clinical: {
    all: ['clinical'] as const,
    timeline: (patient: number) => ['clinical', 'timeline', patient] as const,
    visitNote: (appointment: number) =>
      ['clinical', 'visit-notes', { appointment }] as const,
    stay: (admission: number) => ['clinical', 'stay', admission] as const,
    dischargeReadiness: (admission: number) =>
      ['clinical', 'discharge-readiness', admission] as const,
  },
  scheduling: {
    calendarAll: ['calendar'] as const,
    availabilityAll: ['availability'] as const,
    timeOffAll: ['time-off'] as const,
    waitlistAll: ['waitlist'] as const,
    calendar: (query: object) => ['calendar', query] as const,
    availability: (doctor: number | null) => ['availability', doctor] as const,
    timeOff: (doctor: number | null) => ['time-off', doctor] as const,
    waitlist: (doctor: number | null) => ['waitlist', doctor] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    list: (query: object) => ['notifications', 'list', query] as const,
    unreadCount: () => ['notifications', 'unread-count'] as const,
    preferences: () => ['notifications', 'preferences'] as const,
  },
  accessLog: {
    mine: (query: object) => ['access-log', 'mine', query] as const,
  },
  auditEvents: {
    list: (query: object) => ['audit-events', 'list', query] as const,
  },
};
