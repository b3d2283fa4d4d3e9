import { ApprovalDecision } from '@/components/approval-decision';

import { useApproveDoctor } from '../api/approve-doctor';
import type { Doctor } from '../api/keys';
import { useRejectDoctor } from '../api/reject-doctor';

const LABELS = {
  approved: 'Doctor approved',
  rejected: 'Application rejected',
  rejectDescription: 'The application is refused: this doctor will not be able to sign in.',
  rejectConfirm: 'Reject application',
};

/** Approve or reject a pending doctor's application (a list row or a queue entry is enough). */
export function DoctorDecision({
  doctor,
  size = 'xs',
}: {
  doctor: Pick<Doctor, 'id' | 'full_name'>;
  size?: 'xs' | 'sm';
}) {
  return (
    <ApprovalDecision
      account={doctor}
      approve={useApproveDoctor()}
      reject={useRejectDoctor()}
      labels={LABELS}
      size={size}
    />
  );
}
