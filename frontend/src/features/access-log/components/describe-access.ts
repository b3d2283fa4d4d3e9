/** What a resource is called in the patient's words. */
const RESOURCES: Record<string, string> = {
  patient: 'your record',
  admission: 'your hospital stay',
  invoice: 'your invoice',
  appointment: 'your appointment',
  dashboard: 'the dashboard',
};

const CHANGES: Record<string, string> = {
  'patient.approve': 'Approved your registration',
  'patient.reject': 'Turned down your registration',
  'patient.update': 'Changed your details',
  'patient.create': 'Registered you',
  'patient.delete': 'Closed your account',
  'admission.admit': 'Admitted you',
  'admission.discharge': 'Discharged you',
  'invoice.issue': 'Issued your invoice',
  'invoice.pdf_download': 'Downloaded your invoice (PDF)',
  'appointment.book': 'Booked your appointment',
  'appointment.approve': 'Confirmed your appointment',
  'appointment.reject': 'Turned down your appointment',
  'appointment.cancel': 'Cancelled your appointment',
  'appointment.complete': 'Completed your appointment',
};

/** A sentence for one access-log entry's action, e.g. "Opened your record". */
export function describeAccess(action: string): string {
  const known = CHANGES[action];
  if (known !== undefined) return known;
  const [resource = '', operation = ''] = action.split('.');
  const what = RESOURCES[resource] ?? resource;
  if (resource === 'dashboard') return 'Saw you on the dashboard';
  if (operation === 'list') return `Saw ${what} in a list`;
  if (operation === 'retrieve') return `Opened ${what}`;
  if (operation === 'pdf') return 'Downloaded your invoice (PDF)';
  return `${operation.replaceAll('_', ' ')}: ${what}`;
}

/** A role in words. */
export function describeRole(role: string): string {
  if (role === 'ADMIN') return 'Hospital administration';
  if (role === 'DOCTOR') return 'Doctor';
  if (role === 'PATIENT') return 'Patient';
  return role;
}
