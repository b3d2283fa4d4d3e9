import { ApprovalDecision } from '@/components/approval-decision';

import { useApprovePatient } from '../api/approve-patient';
import type { Patient } from '../api/keys';
import { useRejectPatient } from '../api/reject-patient';

const LABELS = {
  approved: 'Patient approved',
  rejected: 'Sign-up rejected',
  rejectDescription: 'The sign-up is refused: this patient will not be able to sign in.',
  rejectConfirm: 'Reject sign-up',
};

/** Approve or reject a pending patient's sign-up (a list row or a queue entry is enough). */
export function PatientDecision({
  patient,
  size = 'xs',
}: {
  patient: Pick<Patient, 'id' | 'full_name'>;
  size?: 'xs' | 'sm';
}) {
  return (
    <ApprovalDecision
      account={patient}
      approve={useApprovePatient()}
      reject={useRejectPatient()}
      labels={LABELS}
      size={size}
    />
  );
}
