import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

import { ReasonModal } from '@/components/reason-modal';
import { type Appointment, useCancelAppointment } from '@/lib/api/resources/appointments';
import { useHospitalFormat } from '@/lib/hospital';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useApproveAppointment } from '../api/approve-appointment';
import { useRejectAppointment } from '../api/reject-appointment';

/** What the actions show and act on: a list row, or a request from the dashboard's queue. */
export type AppointmentForActions = Pick<Appointment, 'id' | 'status' | 'starts_at' | 'doctor_name'> & {
  patient_details: Pick<Appointment['patient_details'], 'full_name'>;
};

/**
 * Approve or reject a pending request; cancel a pending or confirmed appointment (unless
 * `cancellable` is false: a queue of requests offers the decision only).
 */
export function AppointmentActions({
  appointment,
  cancellable = true,
}: {
  appointment: AppointmentForActions;
  cancellable?: boolean;
}) {
  const format = useHospitalFormat();
  const approve = useApproveAppointment();
  const reject = useRejectAppointment();
  const cancel = useCancelAppointment();
  const [rejecting, rejectModal] = useDisclosure(false);
  const [cancelling, cancelModal] = useDisclosure(false);
  const busy = approve.isPending || reject.isPending || cancel.isPending;
  const who = appointment.patient_details.full_name;
  const when = format.dateTime(appointment.starts_at);
  const pending = appointment.status === 'PENDING';
  const open = pending || appointment.status === 'CONFIRMED';
  if (!open) return null;

  return (
    <Group gap="xs" wrap="nowrap">
      {pending && (
        <Button
          size="xs"
          
          loading={approve.isPending}
          disabled={busy && !approve.isPending}
          aria-label={`Approve ${who}, ${when}`}
          onClick={() => {
            if (busy) return;
            approve.mutate(appointment.id, {
              onSuccess: (approved) => {
                notifySuccess(
                  'Appointment confirmed',
                  `${who} with ${approved.doctor_name}, ${format.dateTime(approved.starts_at)}.`,
                );
              },
              onError: (error) => {
                notifyError('Could not approve the appointment', error);
              },
            });
          }}
        >
          Approve
        </Button>
      )}
      {pending && (
        <Button
          size="xs"
          variant="outline"
          color="red.9"
          disabled={busy}
          aria-label={`Reject ${who}, ${when}`}
          onClick={() => {
            reject.reset();
            rejectModal.open();
          }}
        >
          Reject
        </Button>
      )}
      {cancellable && (
        <Button
          size="xs"
          variant="default"
          disabled={busy}
          aria-label={`Cancel ${who}, ${when}`}
          onClick={() => {
            cancel.reset();
            cancelModal.open();
          }}
        >
          Cancel
        </Button>
      )}
      <ReasonModal
        opened={rejecting}
        onClose={rejectModal.close}
        title="Reject the request"
        description={`${who} asked for ${when} with ${appointment.doctor_name}. The slot becomes free again.`}
        reasonRequired
        reasonDescription="The patient sees this reason."
        confirmLabel="Reject request"
        pending={reject.isPending}
        error={reject.error}
        onConfirm={(reason) => {
          reject.mutate(
            { id: appointment.id, reason },
            {
              onSuccess: () => {
                rejectModal.close();
                notifySuccess('Request rejected', `${who} sees your reason.`);
              },
            },
          );
        }}
      />
      <ReasonModal
        opened={cancelling}
        onClose={cancelModal.close}
        title="Cancel the appointment"
        description={`${who} with ${appointment.doctor_name}, ${when}. The slot becomes free again.`}
        reasonRequired={false}
        reasonDescription="Optional; the patient sees it."
        confirmLabel="Cancel appointment"
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={(reason) => {
          cancel.mutate(
            { id: appointment.id, reason },
            {
              onSuccess: () => {
                cancelModal.close();
                notifySuccess('Appointment cancelled', `${who}, ${when}.`);
              },
            },
          );
        }}
      />
    </Group>
  );
}
