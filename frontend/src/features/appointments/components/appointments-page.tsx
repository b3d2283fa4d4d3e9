import {
  Button,
  Group,
  Stack,
  Table,
  Tabs,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';

import { DateField } from '@/components/date-field';
import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import type { AppointmentStatus } from '@/components/status-badge';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useAppointments } from '@/lib/api/resources/appointments';
import { isIsoDate } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { idFrom, pageFrom, useUrlParams } from '@/lib/use-url-params';

import { AppointmentActions } from './appointment-actions';

const PARAMS = ['status', 'from', 'to', 'doctor', 'page'] as const;
const PAGE_SIZE = 25;

const TABS: { value: AppointmentStatus | 'ALL'; label: string; empty: string }[] = [
  { value: 'ALL', label: 'All', empty: 'No appointments.' },
  { value: 'PENDING', label: 'Pending approval', empty: 'No request is waiting for approval.' },
  { value: 'CONFIRMED', label: 'Confirmed', empty: 'No confirmed appointments.' },
  { value: 'COMPLETED', label: 'Completed', empty: 'No completed appointments.' },
  { value: 'CANCELLED', label: 'Cancelled', empty: 'No cancelled appointments.' },
  { value: 'REJECTED', label: 'Rejected', empty: 'No rejected requests.' },
];

function statusOf(value: string): AppointmentStatus | undefined {
  return TABS.find((tab) => tab.value === value && tab.value !== 'ALL')?.value as
    | AppointmentStatus
    | undefined;
}

/** Appointments (admin): by status, dates and doctor; approve, reject, cancel; book. */
export function AppointmentsPage() {
  const [params, setParams] = useUrlParams(PARAMS);
  const page = pageFrom(params.page);
  const status = statusOf(params.status);
  const doctorId = idFrom(params.doctor);
  const from = isIsoDate(params.from) ? params.from : undefined;
  const to = isIsoDate(params.to) ? params.to : undefined;
  const appointments = useAppointments({
    status,
    date_from: from,
    date_to: to,
    doctor: doctorId ?? undefined,
    // Requests to decide on: the soonest first; every other list: the newest first.
    ordering: status === 'PENDING' ? 'starts_at' : undefined,
    page,
    page_size: PAGE_SIZE,
  });
  const format = useHospitalFormat();
  const filtered = from !== undefined || to !== undefined || doctorId !== null;
  const tab = TABS.find((item) => item.value === (status ?? 'ALL')) ?? TABS[0];

  return (
    <Stack gap="md">
      <PageHeader
        title="Appointments"
        actions={
          <Button component={Link} to={paths.admin.bookAppointment.getHref()}>
            Book an appointment
          </Button>
        }
      />
      <Tabs
        value={status ?? 'ALL'}
        onChange={(value) => {
          setParams({ status: value === 'ALL' ? null : value });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((item) => (
            <Tabs.Tab key={item.value} value={item.value}>
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((item) => (
          <Tabs.Panel key={item.value} value={item.value} pt="md">
            <Stack gap="md">
              <Group align="flex-end" gap="sm">
                <DateField
                  label="From"
                  value={params.from}
                  onChange={(value) => {
                    setParams({ from: value });
                  }}
                />
                <DateField
                  label="To"
                  value={params.to}
                  onChange={(value) => {
                    setParams({ to: value });
                  }}
                />
                <DoctorSelect
                  label="Doctor"
                  placeholder="Any doctor"
                  clearable
                  value={doctorId}
                  onChange={(value) => {
                    setParams({ doctor: value });
                  }}
                  w={260}
                />
              </Group>
              {appointments.isPending ? (
                <PanelLoader label="Loading appointments…" />
              ) : appointments.isError ? (
                <LoadError
                  what="the appointments"
                  error={appointments.error}
                  onRetry={appointments.refetch}
                />
              ) : appointments.data.results.length === 0 ? (
                <EmptyList
                  title={filtered ? 'No appointments match these filters.' : (tab?.empty ?? '')}
                />
              ) : (
                <>
                  <Table.ScrollContainer minWidth={900}>
                    <Table striped highlightOnHover verticalSpacing="sm">
                      <VisuallyHidden component="caption">
                        Appointments, {item.label}
                      </VisuallyHidden>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">When</Table.Th>
                          <Table.Th scope="col">Patient</Table.Th>
                          <Table.Th scope="col">Doctor</Table.Th>
                          <Table.Th scope="col">Reason</Table.Th>
                          <Table.Th scope="col">Status</Table.Th>
                          <Table.Th scope="col">
                            <VisuallyHidden>Actions</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {appointments.data.results.map((appointment) => (
                          <Table.Tr key={appointment.id}>
                            <Table.Td>{format.dateTime(appointment.starts_at)}</Table.Td>
                            <Table.Td>
                              {appointment.patient_details.full_name}
                              <Text size="xs" c="dimmed">
                                {appointment.patient_details.mobile}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              {appointment.doctor_name}
                              <Text size="xs" c="dimmed">
                                {appointment.doctor_department}
                              </Text>
                            </Table.Td>
                            <Table.Td maw={240}>
                              <Text size="sm" lineClamp={2}>
                                {appointment.reason}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <StatusBadge kind="appointment" status={appointment.status} />
                              {appointment.status_reason !== '' && (
                                <Text size="xs" c="dimmed" maw={200}>
                                  {appointment.status_reason}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <AppointmentActions appointment={appointment} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <ListPagination
                    page={page}
                    pageSize={PAGE_SIZE}
                    count={appointments.data.count}
                    label="appointments"
                    onChange={(next) => {
                      setParams({ page: next });
                    }}
                  />
                </>
              )}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
