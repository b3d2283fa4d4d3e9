import { Button, Card, DataList, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
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

interface AppointmentCardProps {
  appointment: Appointment;
  now: number;
  onCancel: (appointment: Appointment) => void;
}

function AppointmentCard({ appointment, now, onCancel }: AppointmentCardProps) {
  const headingId = useId();
  const format = useHospitalFormat();
  const reasonLabel =
    appointment.status === 'REJECTED' ? 'Why it was rejected' : 'Why it was cancelled';
  const showStatusReason =
    (appointment.status === 'REJECTED' || appointment.status === 'CANCELLED') &&
    appointment.status_reason !== '';
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {format.dateTime(appointment.starts_at)}
          </Title>
          <AppointmentStatusBadge status={appointment.status} />
        </Group>
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Doctor</DataList.ItemLabel>
            <DataList.ItemValue>
              Dr. {appointment.doctor_name} ({appointment.doctor_department})
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Reason</DataList.ItemLabel>
            <DataList.ItemValue>{appointment.reason}</DataList.ItemValue>
          </DataList.Item>
          {showStatusReason && (
            <DataList.Item>
              <DataList.ItemLabel>{reasonLabel}</DataList.ItemLabel>
              <DataList.ItemValue>{appointment.status_reason}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        {appointment.status === 'PENDING' && (
          <Text size="sm" c="dimmed">
            Waiting for the hospital&apos;s approval.
          </Text>
        )}
        {canCancel(appointment, now) && (
          <Group>
            <Button
              variant="default"
              color="red"
              onClick={() => {
                onCancel(appointment);
              }}
            >
              Cancel appointment
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
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

  const list = (() => {
    if (appointments.isPending) return <PageLoader label="Loading your appointments…" />;
    if (appointments.isError) {
      return (
        <LoadError
          error={appointments.error}
          what="your appointments"
          onRetry={appointments.refetch}
        />
      );
    }
    const { results, count } = appointments.data;
    if (results.length === 0) {
      return (
        <EmptyList
          title="You have no appointments yet"
          action={
            <Button component={Link} to={paths.patient.book.getHref()}>
              Book an appointment
            </Button>
          }
        />
      );
    }
    return (
      <Stack gap="md">
        {results.map((appointment) => (
          <AppointmentCard
            key={appointment.id}
            appointment={appointment}
            now={now}
            onCancel={setCancelling}
          />
        ))}
        <ListPagination
          count={count}
          page={page}
          pageSize={APPOINTMENTS_PAGE_SIZE}
          onChange={setPage}
          label="appointments"
        />
      </Stack>
    );
  })();

  return (
    <Stack gap="lg" maw={720}>
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
