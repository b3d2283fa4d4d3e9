import { AppointmentActions } from '@/features/appointments/components/appointment-actions';
import type { QueueActions } from '@/features/dashboard/components/admin-dashboard-page';
import { AdminDashboardPage } from '@/features/dashboard/components/admin-dashboard-page';
import { DoctorDecision } from '@/features/doctors/components/doctor-decision';
import { PatientDecision } from '@/features/patients/components/patient-decision';

/**
 * The decisions of the dashboard's queues come from the features that own them: the same
 * requests, confirmations and cache updates as on the lists (each one refreshes the dashboard).
 */
const QUEUE_ACTIONS: QueueActions = {
  Doctor: ({ doctor }) => <DoctorDecision doctor={doctor} />,
  Patient: ({ patient }) => <PatientDecision patient={patient} />,
  AppointmentRequest: ({ request }) => (
    <AppointmentActions
      appointment={{
        id: request.id,
        status: 'PENDING',
        starts_at: request.starts_at,
        doctor_name: request.doctor_name,
        patient_details: { full_name: request.patient_name },
      }}
      cancellable={false}
    />
  ),
};

/** `/admin`: the admin's dashboard with its queues' decisions in place. */
export function AdminDashboardRoute() {
  return <AdminDashboardPage actions={QUEUE_ACTIONS} />;
}
