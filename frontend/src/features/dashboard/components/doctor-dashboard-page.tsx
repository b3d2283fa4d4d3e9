import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';

import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { ROLE_LABEL, useCurrentUser } from '@/lib/auth/session';
import { useHospitalFormat } from '@/lib/hospital';

import { useDashboard } from '../api/get-dashboard';

function CountCard({ label, value, to }: { label: string; value: number; to?: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value}
      </Text>
      {to !== undefined && (
        <Anchor component={Link} to={to} size="sm">
          View
          <VisuallyHidden> {label.toLowerCase()}</VisuallyHidden>
        </Anchor>
      )}
    </Card>
  );
}

/** The doctor's landing page: today's confirmed visits and how many patients are in their care. */
export function DoctorDashboardPage() {
  const user = useCurrentUser();
  const dashboard = useDashboard();
  const format = useHospitalFormat();

  const body = (() => {
    if (dashboard.isPending) return <PageLoader label="Loading your dashboard…" />;
    if (dashboard.isError) {
      return (
        <LoadError error={dashboard.error} what="your dashboard" onRetry={dashboard.refetch} />
      );
    }
    const doctor = dashboard.data.doctor;
    if (doctor === null) {
      return <LoadError error={null} what="your dashboard" onRetry={dashboard.refetch} />;
    }
    const today = doctor.appointments.today;
    return (
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <CountCard label="Assigned patients" value={doctor.assigned_patients} to="/doctor/patients" />
          <CountCard label="Admitted now" value={doctor.admissions.admitted_patients} />
          <CountCard
            label="Discharged patients"
            value={doctor.admissions.discharged_patients}
            to="/doctor/discharged"
          />
          <CountCard
            label="Upcoming appointments"
            value={doctor.appointments.upcoming_confirmed}
            to="/doctor/appointments"
          />
        </SimpleGrid>
        <Card withBorder padding="lg" component="section" aria-labelledby="today-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="today-heading">
              Today&apos;s appointments
            </Title>
            {today.length === 0 ? (
              <EmptyList title="No confirmed appointments today" />
            ) : (
              <List listStyleType="none" spacing="xs">
                {today.map((appointment) => (
                  <List.Item key={appointment.id}>
                    <Group gap="sm" wrap="nowrap">
                      <Text fw={600} miw={90}>
                        {format.time(appointment.starts_at)}–{format.time(appointment.ends_at)}
                      </Text>
                      <Text>{appointment.patient_name}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <Anchor component={Link} to="/doctor/appointments" size="sm">
              All my appointments
            </Anchor>
          </Stack>
        </Card>
      </Stack>
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
