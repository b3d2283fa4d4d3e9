import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

import { ReasonModal } from '@/components/reason-modal';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useApprovePatient } from '../api/approve-patient';
import type { Patient } from '../api/keys';
import { useRejectPatient } from '../api/reject-patient';

/** Approve or reject a pending patient's sign-up. */
export function PatientDecision({ patient, size = 'xs' }: { patient: Patient; size?: 'xs' | 'sm' }) {
  const approve = useApprovePatient();
  const reject = useRejectPatient();
  const [rejecting, rejectModal] = useDisclosure(false);
  const busy = approve.isPending || reject.isPending;

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size={size}
        
        loading={approve.isPending}
        disabled={reject.isPending}
        aria-label={`Approve ${patient.full_name}`}
        onClick={() => {
          if (busy) return;
          approve.mutate(patient.id, {
            onSuccess: (approved) => {
              notifySuccess('Patient approved', `${approved.full_name} can now sign in.`);
            },
            onError: (error) => {
              notifyError(`Could not approve ${patient.full_name}`, error);
            },
          });
        }}
      >
        Approve
      </Button>
      <Button
        size={size}
        variant="outline"
        color="red.9"
        disabled={approve.isPending}
        aria-label={`Reject ${patient.full_name}`}
        onClick={() => {
          reject.reset();
          rejectModal.open();
        }}
      >
        Reject
      </Button>
      <ReasonModal
        opened={rejecting}
        onClose={rejectModal.close}
        title={`Reject ${patient.full_name}`}
        description="The sign-up is refused: this patient will not be able to sign in."
        reasonRequired={false}
        confirmLabel="Reject sign-up"
        pending={reject.isPending}
        error={reject.error}
        onConfirm={(reason) => {
          reject.mutate(
            { id: patient.id, reason },
            {
              onSuccess: (rejected) => {
                rejectModal.close();
                notifySuccess('Sign-up rejected', `${rejected.full_name} cannot sign in.`);
              },
            },
          );
        }}
      />
    </Group>
  );
}
