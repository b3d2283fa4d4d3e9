import {
  Anchor,
  Button,
  Group,
  Stack,
  Text,
} from '@mantine/core';
import { Link } from 'react-router';

import { DataTable, orderingFrom } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { StatusTabs } from '@/components/status-tabs';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import type { AppointmentStatus } from '@/components/status-badge';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useAppointments } from '@/lib/api/resources/appointments';
import { isIsoDate } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { idFrom, pageFrom, useUrlParams } from '@/lib/use-url-params';

import { AppointmentActions } from './appointment-actions';
import { DateField } from '@/components/date-field';

const PARAMS = ['status', 'from', 'to', 'doctor', 'ordering', 'page'] as const;
const ORDERINGS = ['starts_at', '-starts_at'] as const;
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
  // Requests to decide on: the soonest first; every other list: the newest first.
  const ordering =
    orderingFrom(params.ordering, ORDERINGS) ?? (status === 'PENDING' ? 'starts_at' : undefined);
  const doctorId = idFrom(params.doctor);
  const from = isIsoDate(params.from) ? params.from : undefined;
  const to = isIsoDate(params.to) ? params.to : undefined;
  const appointments = useAppointments({
    status,
    date_from: from,
    date_to: to,
    doctor: doctorId ?? undefined,
    ordering,
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
      <StatusTabs
        tabs={TABS}
        value={status ?? 'ALL'}
        onChange={(value) => {
          setParams({ status: value === 'ALL' ? null : value });
        }}
      >
        {(item) => (
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
            <DataTable
              label={`Appointments, ${item.label}`}
              noun="appointments"
              loading={appointments.isPending}
              error={appointments.error}
              onRetry={appointments.refetch}
              records={appointments.data?.results}
              rowKey={(appointment) => appointment.id}
              minWidth={900}
              empty={{
                title: filtered ? 'No appointments match these filters.' : (tab?.empty ?? ''),
              }}
              sort={{
                value: ordering,
                onChange: (next) => {
                  setParams({ ordering: next });
                },
              }}
              columns={[
                {
                  key: 'when',
                  header: 'When',
                  sortField: 'starts_at',
                  card: 'title',
                  render: (appointment) => (
                    <Anchor component={Link} to={paths.admin.appointment.getHref(appointment.id)}>
                      {format.dateTime(appointment.starts_at)}
                    </Anchor>
                  ),
                },
                {
                  key: 'patient',
                  header: 'Patient',
                  render: (appointment) => (
                    <>
                      {appointment.patient_details.full_name}
                      <Text size="xs" c="dimmed">
                        {appointment.patient_details.mobile}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'doctor',
                  header: 'Doctor',
                  render: (appointment) => (
                    <>
                      {appointment.doctor_name}
                      <Text size="xs" c="dimmed">
                        {appointment.doctor_department}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'reason',
                  header: 'Reason',
                  cellStyle: { maxWidth: 240 },
                  render: (appointment) => (
                    <Text size="sm" lineClamp={2}>
                      {appointment.reason}
                    </Text>
                  ),
                },
                {
                  key: 'status',
                  header: 'Status',
                  render: (appointment) => (
                    <>
                      <StatusBadge kind="appointment" status={appointment.status} />
                      {appointment.status_reason !== '' && (
                        <Text size="xs" c="dimmed" maw={200}>
                          {appointment.status_reason}
                        </Text>
                      )}
                    </>
                  ),
                },
              ]}
              rowActions={(appointment) => <AppointmentActions appointment={appointment} />}
              pagination={{
                page,
                pageSize: PAGE_SIZE,
                count: appointments.data?.count ?? 0,
                onChange: (next) => {
                  setParams({ page: next });
                },
              }}
            />
          </Stack>
        )}
      </StatusTabs>
    </Stack>
  );
}
