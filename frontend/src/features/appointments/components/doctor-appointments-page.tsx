import {
  Anchor,
  Button,
  Card,
  DataList,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { useAppointments } from '@/lib/api/resources/appointments';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';
import { useNow } from '@/lib/use-now';

import { useCompleteAppointment } from '../api/complete-appointment';

type Appointment = components['schemas']['Appointment'];

const APPOINTMENTS_PAGE_SIZE = 25;

interface AppointmentCardProps {
  appointment: Appointment;
  now: number;
  onMarkAttended: (appointment: Appointment) => void;
}

function AppointmentCard({ appointment, now, onMarkAttended }: AppointmentCardProps) {
  const headingId = useId();
  const format = useHospitalFormat();
  const patient = appointment.patient_details;
  // The API accepts "attended" only once the visit has started; before that there is no button.
  const started = new Date(appointment.starts_at).getTime() <= now;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Text fw={600} c="blue.8">
          {format.dateTime(appointment.starts_at)}–{format.time(appointment.ends_at)}
        </Text>
        <Title order={2} size="h4" id={headingId}>
          {patient.full_name}
        </Title>
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Reason</DataList.ItemLabel>
            <DataList.ItemValue>{appointment.reason}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
            <DataList.ItemValue>{patient.symptoms}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Mobile</DataList.ItemLabel>
            <DataList.ItemValue>
              <Anchor href={`tel:${patient.mobile}`}>{patient.mobile}</Anchor>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Address</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {patient.address}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
        {started ? (
          <Group>
            <Button
              component={Link}
              to={paths.doctor.visitNote.getHref(appointment.id)}
              variant="light"
            >
              Visit note
            </Button>
            <Button
              onClick={() => {
                onMarkAttended(appointment);
              }}
            >
              Mark as attended
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            You can mark it attended once it has started.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** "My appointments": the doctor's confirmed appointments, soonest first. */
export function DoctorAppointmentsPage() {
  const [page, setPage] = useState(1);
  const appointments = useAppointments({ page, page_size: APPOINTMENTS_PAGE_SIZE });
  const complete = useCompleteAppointment();
  const format = useHospitalFormat();
  const now = useNow();
  const [confirming, setConfirming] = useState<Appointment | null>(null);

  const close = () => {
    if (complete.isPending) return;
    setConfirming(null);
    complete.reset();
  };

  const confirm = () => {
    if (confirming === null || complete.isPending) return;
    const { id, patient_details: patient } = confirming;
    complete.mutate(id, {
      onSuccess: () => {
        // The last card of a later page is gone: show the page before it.
        if (page > 1 && appointments.data?.results.length === 1) setPage(page - 1);
        setConfirming(null);
        complete.reset();
        notifications.show({
          color: 'green',
          title: 'Marked as attended',
          message: `The appointment with ${patient.full_name} is completed and has left your list.`,
        });
      },
    });
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
          title="No confirmed appointments"
          description="Appointments appear here once the hospital confirms them."
        />
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {count === 1 ? '1 confirmed appointment' : `${count} confirmed appointments`}, soonest
          first
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {results.map((appointment) => (
            <AppointmentCard
              key={appointment.id}
              appointment={appointment}
              now={now}
              onMarkAttended={setConfirming}
            />
          ))}
        </SimpleGrid>
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
    <Stack gap="lg">
      <Title order={1}>My appointments</Title>
      {list}
      <Modal opened={confirming !== null} onClose={close} title="Mark as attended?" centered>
        {confirming !== null && (
          <Stack gap="md">
            <Text>
              The appointment with {confirming.patient_details.full_name} on{' '}
              {format.dateTime(confirming.starts_at)} becomes completed and leaves your list. It
              stays in the patient&apos;s history.
            </Text>
            <FormError error={complete.error} title="Could not mark it attended" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={complete.isPending}>
                Cancel
              </Button>
              <Button onClick={confirm} loading={complete.isPending}>
                Mark as attended
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
