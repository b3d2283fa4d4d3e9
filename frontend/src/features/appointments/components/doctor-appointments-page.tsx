import { Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { DataTable } from '@/components/data-table';
import { paths } from '@/config/paths';
import { useAppointments } from '@/lib/api/resources/appointments';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';
import { useNow } from '@/lib/use-now';

import { useCompleteAppointment } from '../api/complete-appointment';
import { AppointmentsTabs } from './appointments-tabs';

const APPOINTMENTS_PAGE_SIZE = 25;

type Appointment = components['schemas']['Appointment'];

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

  const count = appointments.data?.count ?? 0;
  const list = (
    <Stack gap="md">
      {appointments.data !== undefined && count > 0 && (
        <Text size="sm" c="dimmed">
          {count === 1 ? '1 confirmed appointment' : `${count} confirmed appointments`}, soonest
          first
        </Text>
      )}
      <DataTable
        label="My confirmed appointments"
        noun="appointments"
        loading={appointments.isPending}
        error={appointments.error}
        onRetry={appointments.refetch}
        records={appointments.data?.results}
        rowKey={(appointment) => appointment.id}
        empty={{
          title: 'No confirmed appointments',
          description: 'Appointments appear here once the hospital confirms them.',
        }}
        columns={[
          {
            key: 'when',
            header: 'When',
            render: (appointment) => (
              <Anchor
                component={Link}
                to={paths.doctor.appointment.getHref(appointment.id)}
                aria-label={`Details and status history of ${format.dateTime(appointment.starts_at)} with ${appointment.patient_details.full_name}`}
              >
                {`${format.dateTime(appointment.starts_at)}–${format.time(appointment.ends_at)}`}
              </Anchor>
            ),
          },
          {
            key: 'patient',
            header: 'Patient',
            card: 'title',
            render: (appointment) => appointment.patient_details.full_name,
          },
          { key: 'reason', header: 'Reason', render: (appointment) => appointment.reason },
          {
            key: 'symptoms',
            header: 'Symptoms',
            render: (appointment) => appointment.patient_details.symptoms,
          },
          {
            key: 'mobile',
            header: 'Mobile',
            render: (appointment) => (
              <Anchor href={`tel:${appointment.patient_details.mobile}`}>
                {appointment.patient_details.mobile}
              </Anchor>
            ),
          },
          {
            key: 'address',
            header: 'Address',
            cellStyle: { whiteSpace: 'pre-line' },
            render: (appointment) => (
              <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
                {appointment.patient_details.address}
              </Text>
            ),
          },
        ]}
        rowActions={(appointment) => {
          const who = appointment.patient_details.full_name;
          // The API accepts "attended" only once the visit has started; before that, no button.
          if (new Date(appointment.starts_at).getTime() > now) {
            return (
              <Text size="sm" c="dimmed">
                You can mark it attended once it has started.
              </Text>
            );
          }
          return (
            <Group gap="xs">
              <Button
                component={Link}
                to={paths.doctor.visitNote.getHref(appointment.id)}
                variant="light"
                size="xs"
                aria-label={`Visit note, ${who}`}
              >
                Visit note
              </Button>
              <Button
                size="xs"
                aria-label={`Mark as attended, ${who}`}
                onClick={() => {
                  setConfirming(appointment);
                }}
              >
                Mark as attended
              </Button>
            </Group>
          );
        }}
        pagination={{
          page,
          pageSize: APPOINTMENTS_PAGE_SIZE,
          count,
          onChange: setPage,
        }}
      />
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Title order={1}>My appointments</Title>
      <AppointmentsTabs />
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
