import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useAppointments } from '@/lib/api/resources/appointments';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';

import { AppointmentsTabs } from './appointments-tabs';

type Appointment = components['schemas']['Appointment'];

const HISTORY_PAGE_SIZE = 25;

function PastAppointmentCard({ appointment }: { appointment: Appointment }) {
  const headingId = useId();
  const format = useHospitalFormat();
  const when = `${format.dateTime(appointment.starts_at)}–${format.time(appointment.ends_at)}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} c="blue.8">
            {when}
          </Text>
          <StatusBadge kind="appointment" status={appointment.status} />
        </Group>
        <Title order={2} size="h4" id={headingId}>
          {appointment.patient_details.full_name}
        </Title>
        <Text size="sm">{appointment.reason}</Text>
        {appointment.status_reason !== '' && (
          <Text size="sm" c="dimmed">
            {appointment.status_reason}
          </Text>
        )}
        <Group gap="md">
          <Anchor
            component={Link}
            to={paths.doctor.appointment.getHref(appointment.id)}
            size="sm"
            aria-label={`Details and status history of ${when} with ${appointment.patient_details.full_name}`}
          >
            Details and status history
          </Anchor>
          <Anchor
            component={Link}
            to={paths.doctor.patient.getHref(appointment.patient)}
            size="sm"
            aria-label={`Open ${appointment.patient_details.full_name}'s page`}
          >
            Patient page
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The doctor's appointment history: `/doctor/appointments/history`, newest first. */
export function PastAppointmentsPage() {
  const [page, setPage] = useState(1);
  // `history=true`: confirmed, completed, and cancelled after confirmation, newest first.
  const appointments = useAppointments({ history: true, page, page_size: HISTORY_PAGE_SIZE });

  const list = (() => {
    if (appointments.isPending) return <PageLoader label="Loading your appointment history…" />;
    if (appointments.isError) {
      return (
        <LoadError
          error={appointments.error}
          what="your appointment history"
          onRetry={appointments.refetch}
        />
      );
    }
    const { results, count } = appointments.data;
    if (results.length === 0) {
      return (
        <EmptyList
          title="No appointments yet"
          description="Your confirmed, attended and cancelled appointments appear here."
        />
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {count === 1 ? '1 appointment' : `${count} appointments`}, newest first
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {results.map((appointment) => (
            <PastAppointmentCard key={appointment.id} appointment={appointment} />
          ))}
        </SimpleGrid>
        <ListPagination
          count={count}
          page={page}
          pageSize={HISTORY_PAGE_SIZE}
          onChange={setPage}
          label="appointments"
        />
      </Stack>
    );
  })();

  return (
    <Stack gap="lg">
      <Title order={1}>Appointment history</Title>
      <AppointmentsTabs />
      {list}
    </Stack>
  );
}
