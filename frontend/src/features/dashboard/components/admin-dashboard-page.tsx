import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { ROLE_LABEL, meQueryOptions, useCurrentUser } from '@/lib/auth/session';
import { formatMoney, todayIn } from '@/lib/format';
import { useHospital, useHospitalFormat } from '@/lib/hospital';

import { useAppointmentsPerDay } from '../api/get-appointments-per-day';
import { useDashboard } from '../api/get-dashboard';
import {
  usePendingAppointments,
  usePendingDoctors,
  usePendingPatients,
} from '../api/get-queues';
import { AppointmentsWeekChart } from './appointments-week-chart';
import { PendingQueue } from './pending-queue';
import { StatCard } from './stat-card';
import { UnusualAccess } from './unusual-access';

/** The admin's landing page: the hospital's numbers, the week ahead and what waits for a decision. */
export function AdminDashboardPage() {
  // The greeting follows /auth/me, so an account changed or revoked meanwhile shows here first.
  const me = useQuery(meQueryOptions);
  const sessionUser = useCurrentUser();
  const user = me.data ?? sessionUser;
  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" />
      <Group gap="sm" mt={-12}>
        <Text size="lg" fw={600}>
          Welcome, {user.full_name}
        </Text>
        <Badge variant="light">{ROLE_LABEL[user.role]}</Badge>
      </Group>
      <UnusualAccess />
      <Counts />
      <WeekAhead />
      <Queues />
    </Stack>
  );
}

function Counts() {
  const dashboard = useDashboard();
  if (dashboard.isPending) return <PanelLoader label="Loading the counts…" />;
  if (dashboard.isError) {
    return <LoadError what="the counts" error={dashboard.error} onRetry={dashboard.refetch} />;
  }
  const admin = dashboard.data.admin;
  if (admin === null) {
    return <LoadError what="the counts" error={null} onRetry={dashboard.refetch} />;
  }
  const { accounts, appointments, admissions } = admin;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} spacing="md">
      <StatCard
        title="Doctors"
        value={accounts.approved_doctors}
        detail={`approved · ${accounts.pending_doctors} pending approval`}
        to="/admin/doctors"
        linkLabel="Open doctors"
      />
      <StatCard
        title="Patients"
        value={accounts.approved_patients}
        detail={`approved · ${accounts.pending_patients} pending approval`}
        to="/admin/patients"
        linkLabel="Open patients"
      />
      <StatCard
        title="In hospital"
        value={admissions.currently_admitted}
        detail={`admitted now · ${admissions.discharged} discharged in all`}
        to="/admin/admissions"
        linkLabel="Open admissions"
      />
      <StatCard
        title="Appointments today"
        value={appointments.today}
        detail={`${appointments.confirmed} confirmed · ${appointments.pending} pending approval`}
        to="/admin/appointments"
        linkLabel="Open appointments"
      />
      <StatCard
        title="Invoiced this month"
        value={formatMoney(admissions.invoiced_total_this_month, admissions.currency)}
        detail="issued at discharge"
        to="/admin/invoices"
        linkLabel="Open invoices"
      />
    </SimpleGrid>
  );
}

function WeekAhead() {
  const hospital = useHospital();
  const today = hospital.data === undefined ? null : todayIn(hospital.data.time_zone);
  const perDay = useAppointmentsPerDay(today);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="week-ahead">
      <Title order={2} size="h4" id="week-ahead" mb="sm">
        Appointments in the next 7 days
      </Title>
      {perDay.isPending ? (
        <PanelLoader label="Loading the week ahead…" />
      ) : perDay.isError ? (
        <LoadError what="the week ahead" error={perDay.error} onRetry={perDay.refetch} />
      ) : (
        <AppointmentsWeekChart days={perDay.data} />
      )}
    </Card>
  );
}

function Queues() {
  const format = useHospitalFormat();
  const doctors = usePendingDoctors();
  const patients = usePendingPatients();
  const appointments = usePendingAppointments();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <PendingQueue
        title="Doctors awaiting approval"
        count={doctors.data?.count}
        rows={doctors.data?.results.map((doctor) => ({
          key: doctor.id,
          title: doctor.full_name,
          to: `/admin/doctors/${doctor.id}`,
          detail: `${doctor.department_name} · applied ${format.dateTime(doctor.created_at)}`,
        }))}
        loading={doctors.isPending}
        error={doctors.error}
        onRetry={doctors.refetch}
        empty="No doctor is waiting for approval."
        allTo="/admin/doctors?status=PENDING"
        allLabel="All pending doctors"
      />
      <PendingQueue
        title="Patients awaiting approval"
        count={patients.data?.count}
        rows={patients.data?.results.map((patient) => ({
          key: patient.id,
          title: patient.full_name,
          to: `/admin/patients/${patient.id}`,
          detail: `${patient.symptoms} · signed up ${format.dateTime(patient.created_at)}`,
        }))}
        loading={patients.isPending}
        error={patients.error}
        onRetry={patients.refetch}
        empty="No patient is waiting for approval."
        allTo="/admin/patients?status=PENDING"
        allLabel="All pending patients"
      />
      <PendingQueue
        title="Appointment requests"
        count={appointments.data?.count}
        rows={appointments.data?.results.map((appointment) => ({
          key: appointment.id,
          title: appointment.patient_details.full_name,
          to: null,
          detail: `${format.dateTime(appointment.starts_at)} with ${appointment.doctor_name}`,
        }))}
        loading={appointments.isPending}
        error={appointments.error}
        onRetry={appointments.refetch}
        empty="No appointment request is waiting."
        allTo="/admin/appointments?status=PENDING"
        allLabel="Decide on requests"
      />
    </SimpleGrid>
  );
}
