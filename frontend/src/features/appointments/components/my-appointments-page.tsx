import { Anchor, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { DataTable } from '@/components/data-table';
import { paths } from '@/config/paths';
import { useAppointments, useCancelAppointment } from '@/lib/api/resources/appointments';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';
import { useNow } from '@/lib/use-now';

import { AppointmentStatusBadge } from './appointment-status-badge';

type Appointment = components['schemas']['Appointment'];

const APPOINTMENTS_PAGE_SIZE = 25;

/** The API lets a patient cancel a pending request, or a confirmed visit before it starts. */
function canCancel(appointment: Appointment, now: number): boolean {
  if (appointment.status === 'PENDING') return true;
  return appointment.status === 'CONFIRMED' && new Date(appointment.starts_at).getTime() > now;
}

/** The status, with why it was rejected or cancelled, or that it waits for approval. */
function AppointmentStatus({ appointment }: { appointment: Appointment }) {
  const reasonLabel =
    appointment.status === 'REJECTED' ? 'Why it was rejected' : 'Why it was cancelled';
  const showStatusReason =
    (appointment.status === 'REJECTED' || appointment.status === 'CANCELLED') &&
    appointment.status_reason !== '';
  return (
    <Stack gap={4} align="flex-start">
      <AppointmentStatusBadge status={appointment.status} />
      {showStatusReason && (
        <div>
          <Text size="xs" c="dimmed">
            {reasonLabel}
          </Text>
          <Text size="sm">{appointment.status_reason}</Text>
        </div>
      )}
      {appointment.status === 'PENDING' && (
        <Text size="sm" c="dimmed">
          Waiting for the hospital&apos;s approval.
        </Text>
      )}
    </Stack>
  );
}

/** "My appointments": every appointment of the patient with its status; cancel where allowed. */
export function MyAppointmentsPage() {
  const [page, setPage] = useState(1);
  const appointments = useAppointments({ page, page_size: APPOINTMENTS_PAGE_SIZE });
  const cancel = useCancelAppointment();
  const format = useHospitalFormat();
  const now = useNow();
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [reason, setReason] = useState('');

  const close = () => {
    if (cancel.isPending) return;
    setCancelling(null);
    setReason('');
    cancel.reset();
  };

  const confirm = () => {
    if (cancelling === null || cancel.isPending) return;
    cancel.mutate(
      { id: cancelling.id, reason: reason.trim() },
      {
        onSuccess: (appointment) => {
          setCancelling(null);
          setReason('');
          cancel.reset();
          notifications.show({
            color: 'green',
            title: 'Appointment cancelled',
            message: `Your appointment on ${format.dateTime(appointment.starts_at)} is cancelled.`,
          });
        },
      },
    );
  };

  const list = (
    <DataTable
      label="My appointments"
      noun="appointments"
      loading={appointments.isPending}
      error={appointments.error}
      onRetry={appointments.refetch}
      records={appointments.data?.results}
      rowKey={(appointment) => appointment.id}
      empty={{
        title: 'You have no appointments yet',
        action: (
          <Button component={Link} to={paths.patient.book.getHref()}>
            Book an appointment
          </Button>
        ),
      }}
      columns={[
        {
          key: 'when',
          header: 'When',
          card: 'title',
          render: (appointment) => (
            <Anchor
              component={Link}
              to={paths.patient.appointment.getHref(appointment.id)}
              aria-label={`Details and status history of ${format.dateTime(appointment.starts_at)}`}
            >
              {format.dateTime(appointment.starts_at)}
            </Anchor>
          ),
        },
        {
          key: 'doctor',
          header: 'Doctor',
          render: (appointment) =>
            `Dr. ${appointment.doctor_name} (${appointment.doctor_department})`,
        },
        { key: 'reason', header: 'Reason', render: (appointment) => appointment.reason },
        {
          key: 'status',
          header: 'Status',
          render: (appointment) => <AppointmentStatus appointment={appointment} />,
        },
      ]}
      rowActions={(appointment) =>
        canCancel(appointment, now) ? (
          <Button
            variant="default"
            color="red"
            size="xs"
            aria-label={`Cancel appointment, ${format.dateTime(appointment.starts_at)}`}
            onClick={() => {
              setCancelling(appointment);
            }}
          >
            Cancel
          </Button>
        ) : null
      }
      pagination={{
        page,
        pageSize: APPOINTMENTS_PAGE_SIZE,
        count: appointments.data?.count ?? 0,
        onChange: setPage,
      }}
    />
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Title order={1}>My appointments</Title>
        <Button component={Link} to={paths.patient.book.getHref()} variant="light">
          Book an appointment
        </Button>
      </Group>
      {list}
      <Modal opened={cancelling !== null} onClose={close} title="Cancel this appointment?" centered>
        {cancelling !== null && (
          <Stack gap="md">
            <Text>
              Your appointment with Dr. {cancelling.doctor_name} on{' '}
              {format.dateTime(cancelling.starts_at)} will be cancelled and its time freed for
              others.
            </Text>
            <Textarea
              label="Reason"
              description="Optional"
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
            <FormError error={cancel.error} title="Could not cancel" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={cancel.isPending}>
                Keep it
              </Button>
              <Button color="red" onClick={confirm} loading={cancel.isPending}>
                Cancel appointment
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
