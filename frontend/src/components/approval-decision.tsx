import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';

import { ReasonModal } from '@/components/reason-modal';
import { notifyError, notifySuccess } from '@/lib/notify';

interface Account {
  id: number;
  full_name: string;
}

interface ApprovalDecisionProps {
  account: Account;
  approve: UseMutationResult<Account, Error, number>;
  reject: UseMutationResult<Account, Error, { id: number; reason: string }>;
  /** The texts that differ by role, e.g. "Doctor approved" / "Reject application". */
  labels: {
    approved: string;
    rejected: string;
    rejectDescription: string;
    rejectConfirm: string;
  };
  size?: 'xs' | 'sm';
}

/** Approve or reject a pending account (a doctor's application, a patient's sign-up). */
export function ApprovalDecision({
  account,
  approve,
  reject,
  labels,
  size = 'xs',
}: ApprovalDecisionProps) {
  const [rejecting, rejectModal] = useDisclosure(false);
  const busy = approve.isPending || reject.isPending;

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size={size}
        loading={approve.isPending}
        disabled={reject.isPending}
        aria-label={`Approve ${account.full_name}`}
        onClick={() => {
          if (busy) return;
          approve.mutate(account.id, {
            onSuccess: (approved) => {
              notifySuccess(labels.approved, `${approved.full_name} can now sign in.`);
            },
            onError: (error) => {
              notifyError(`Could not approve ${account.full_name}`, error);
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
        aria-label={`Reject ${account.full_name}`}
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
        title={`Reject ${account.full_name}`}
        description={labels.rejectDescription}
        reasonRequired={false}
        confirmLabel={labels.rejectConfirm}
        pending={reject.isPending}
        error={reject.error}
        onConfirm={(reason) => {
          reject.mutate(
            { id: account.id, reason },
            {
              onSuccess: (rejected) => {
                rejectModal.close();
                notifySuccess(labels.rejected, `${rejected.full_name} cannot sign in.`);
              },
            },
          );
        }}
      />
    </Group>
  );
}
