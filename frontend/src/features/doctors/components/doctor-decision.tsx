import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

import { ReasonModal } from '@/components/reason-modal';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useApproveDoctor } from '../api/approve-doctor';
import type { Doctor } from '../api/keys';
import { useRejectDoctor } from '../api/reject-doctor';

/** Approve or reject a pending doctor's application. */
export function DoctorDecision({ doctor, size = 'xs' }: { doctor: Doctor; size?: 'xs' | 'sm' }) {
  const approve = useApproveDoctor();
  const reject = useRejectDoctor();
  const [rejecting, rejectModal] = useDisclosure(false);
  const busy = approve.isPending || reject.isPending;

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size={size}
        
        loading={approve.isPending}
        disabled={reject.isPending}
        aria-label={`Approve ${doctor.full_name}`}
        onClick={() => {
          if (busy) return;
          approve.mutate(doctor.id, {
            onSuccess: (approved) => {
              notifySuccess('Doctor approved', `${approved.full_name} can now sign in.`);
            },
            onError: (error) => {
              notifyError(`Could not approve ${doctor.full_name}`, error);
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
        aria-label={`Reject ${doctor.full_name}`}
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
        title={`Reject ${doctor.full_name}`}
        description="The application is refused: this doctor will not be able to sign in."
        reasonRequired={false}
        confirmLabel="Reject application"
        pending={reject.isPending}
        error={reject.error}
        onConfirm={(reason) => {
          reject.mutate(
            { id: doctor.id, reason },
            {
              onSuccess: (rejected) => {
                rejectModal.close();
                notifySuccess('Application rejected', `${rejected.full_name} cannot sign in.`);
              },
            },
          );
        }}
      />
    </Group>
  );
}
