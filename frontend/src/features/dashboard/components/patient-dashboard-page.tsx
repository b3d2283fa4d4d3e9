import {
  Anchor,
  Badge,
  Button,
  Card,
  DataList,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import type { components } from '@/lib/api/schema';
import { ROLE_LABEL, useCurrentUser } from '@/lib/auth/session';
import { useHospitalFormat } from '@/lib/hospital';

import { useDashboard } from '../api/get-dashboard';

type PatientDashboard = components['schemas']['PatientDashboard'];

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function DoctorPanel({ doctor }: { doctor: PatientDashboard['assigned_doctor'] }) {
  if (doctor === null) {
    return (
      <Panel title="Your doctor">
        <Text>
          No doctor is assigned to you yet. The hospital assigns one; it will show here.
        </Text>
      </Panel>
    );
  }
  return (
    <Panel title="Your doctor">
      <DataList orientation="vertical" gap="xs">
        <DataList.Item>
          <DataList.ItemLabel>Name</DataList.ItemLabel>
          <DataList.ItemValue>Dr. {doctor.full_name}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Department</DataList.ItemLabel>
          <DataList.ItemValue>{doctor.department_name}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Mobile</DataList.ItemLabel>
          <DataList.ItemValue>
            <Anchor href={`tel:${doctor.mobile}`}>{doctor.mobile}</Anchor>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Address</DataList.ItemLabel>
          <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>{doctor.address}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Panel>
  );
}

function AdmissionPanel({ admissions }: { admissions: PatientDashboard['admissions'] }) {
  const format = useHospitalFormat();
  if (admissions.status === 'ADMITTED' && admissions.admitted_on !== null) {
    return (
      <Panel title="Hospital stay">
        <div>
          <Badge color="orange" variant="light" c="dark.7" size="lg">
            Admitted
          </Badge>
        </div>
        <Text>Admitted on {format.date(admissions.admitted_on)}.</Text>
        <Text size="sm" c="dimmed">
          Your invoice appears under “My invoices” after you are discharged.
        </Text>
      </Panel>
    );
  }
  if (admissions.status === 'DISCHARGED' && admissions.admitted_on !== null) {
    return (
      <Panel title="Hospital stay">
        <div>
          <Badge color="gray" variant="light" c="dark.7" size="lg">
            Discharged
          </Badge>
        </div>
        <Text>
          Admitted on {format.date(admissions.admitted_on)}
          {admissions.discharged_on !== null
            ? `, discharged on ${format.date(admissions.discharged_on)}`
            : ''}
          .
        </Text>
        <Anchor component={Link} to="/patient/invoices">
          See your invoices
        </Anchor>
      </Panel>
    );
  }
  return (
    <Panel title="Hospital stay">
      <Text>You are not admitted to the hospital.</Text>
    </Panel>
  );
}

function AppointmentPanel({
  appointments,
}: {
  appointments: PatientDashboard['appointments'];
}) {
  const format = useHospitalFormat();
  const next = appointments.next_appointment;
  return (
    <Panel title="Next appointment">
      {next === null ? (
        <Text>You have no confirmed appointment coming up.</Text>
      ) : (
        <Stack gap={4}>
          <Text fw={600}>
            {format.dateTime(next.starts_at)}–{format.time(next.ends_at)}
          </Text>
          <Text>
            Dr. {next.doctor_name} ({next.doctor_department})
          </Text>
          <Text size="sm" c="dimmed">
            {next.reason}
          </Text>
        </Stack>
      )}
      {appointments.pending > 0 && (
        <Text size="sm">
          <Anchor component={Link} to="/patient/appointments">
            {appointments.pending === 1
              ? '1 request is waiting'
              : `${appointments.pending} requests are waiting`}{' '}
            for the hospital&apos;s approval
          </Anchor>
        </Text>
      )}
      <div>
        <Button component={Link} to="/patient/book" variant="light">
          Book an appointment
        </Button>
      </div>
    </Panel>
  );
}

/** The patient's landing page: their doctor, their hospital stay and their next appointment. */
export function PatientDashboardPage() {
  const user = useCurrentUser();
  const dashboard = useDashboard();

  const body = (() => {
    if (dashboard.isPending) return <PageLoader label="Loading your dashboard…" />;
    if (dashboard.isError || dashboard.data.patient === null) {
      return (
        <LoadError error={dashboard.error} what="your dashboard" onRetry={dashboard.refetch} />
      );
    }
    const patient = dashboard.data.patient;
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DoctorPanel doctor={patient.assigned_doctor} />
        <AppointmentPanel appointments={patient.appointments} />
        <AdmissionPanel admissions={patient.admissions} />
      </SimpleGrid>
    );
  })();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Dashboard</Title>
        <Group gap="xs">
          <Text c="dimmed">Welcome, {user.full_name}</Text>
          <Badge variant="light">{ROLE_LABEL[user.role]}</Badge>
        </Group>
      </div>
      {body}
    </Stack>
  );
}
