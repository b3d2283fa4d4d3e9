import { useParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';

import type { TimelineEntry } from '../api/keys';

import { PatientTimeline } from './timeline/patient-timeline';

function doctorLink(entry: TimelineEntry): string | null {
  if (entry.appointment !== null && (entry.kind === 'VISIT' || entry.kind === 'VISIT_NOTE')) {
    return paths.doctor.visitNote.getHref(entry.appointment);
  }
  if (entry.admission !== null && entry.kind !== 'INVOICE') {
    return paths.doctor.stay.getHref(entry.admission);
  }
  return null;
}

/** The doctor's view of one patient's record: `/doctor/patients/:patientId/record`. */
export function DoctorPatientRecordPage() {
  const { patientId } = useParams();
  const id = Number(patientId);
  return (
    <>
      <PageHeader
        title="Patient record"
        description="Visits, stays, notes and prescriptions, newest first."
        back={{ to: paths.doctor.patients.getHref(), label: 'My patients' }}
      />
      <PatientTimeline patientId={id} linkFor={doctorLink} />
    </>
  );
}

/** The patient's own record: `/patient/record`. */
export function MyRecordPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="My health record"
        description="Your visits, stays, signed notes, prescriptions and invoices, newest first."
      />
      {user.patient_id !== null && <PatientTimeline patientId={user.patient_id} />}
    </>
  );
}
