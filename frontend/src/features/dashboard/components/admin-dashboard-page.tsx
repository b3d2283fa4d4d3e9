import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, useMatches } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';

import { paths } from '@/config/paths';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { ROLE_LABEL, meQueryOptions, useCurrentUser } from '@/lib/auth/session';
import { formatMoney } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';

import type {
  AdminDashboard,
  AppointmentRequest,
  PendingDoctor,
  PendingPatient,
} from '../api/get-dashboard';
import { useDashboard } from '../api/get-dashboard';
import { AppointmentsWeekChart } from './appointments-week-chart';
import { PendingQueue } from './pending-queue';
import { StatCard } from './stat-card';
import { UnusualAccess } from './unusual-access';

/**
 * The decisions a queue row offers in place. They belong to the doctors, patients and
 * appointments features, so the route that shows this page passes them in.
 */
export interface QueueActions {
  Doctor: ComponentType<{ doctor: PendingDoctor }>;
  Patient: ComponentType<{ patient: PendingPatient }>;
  AppointmentRequest: ComponentType<{ request: AppointmentRequest }>;
}

/**
 * The admin's landing page: the hospital's numbers, the week ahead and what waits for a decision,
 * all from one request. On a phone the queues come first: they are what the admin acts on.
 */
export function AdminDashboardPage({ actions }: { actions: QueueActions }) {
  // The greeting follows /auth/me, so an account changed or revoked meanwhile shows here first.
  const me = useQuery(meQueryOptions);
  const sessionUser = useCurrentUser();
  const user = me.data ?? sessionUser;
  const dashboard = useDashboard();
  const phone = useMatches({ base: true, sm: false });
  const admin = dashboard.data?.admin ?? null;

  let body;
  if (dashboard.isPending) {
    body = <PanelLoader label="Loading the dashboard…" />;
  } else if (dashboard.isError || admin === null) {
    body = <LoadError what="the dashboard" error={dashboard.error} onRetry={dashboard.refetch} />;
  } else {
    const counts = <Counts admin={admin} />;
    const week = <WeekAhead admin={admin} />;
    const queues = <Queues admin={admin} actions={actions} />;
    body = (
      <>
        <UnusualAccess flags={admin.unusual_access} />
        {phone ? (
          <>
            {queues}
            {counts}
            {week}
          </>
        ) : (
          <>
            {counts}
            {week}
            {queues}
          </>
        )}
      </>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" />
      <Group gap="sm" mt={-12}>
        <Text size="lg" fw={600}>
          Welcome, {user.full_name}
        </Text>
        <Badge variant="light">{ROLE_LABEL[user.role]}</Badge>
      </Group>
      {body}
    </Stack>
  );
}

function Counts({ admin }: { admin: AdminDashboard }) {
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

function WeekAhead({ admin }: { admin: AdminDashboard }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="week-ahead">
      <Title order={2} size="h4" id="week-ahead" mb="sm">
        Appointments in the next 7 days
      </Title>
      <AppointmentsWeekChart days={admin.appointments_by_day} />
    </Card>
  );
}

function Queues({ admin, actions }: { admin: AdminDashboard; actions: QueueActions }) {
  const format = useHospitalFormat();
  const { queues, accounts, appointments } = admin;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <PendingQueue
        title="Doctors awaiting approval"
        count={accounts.pending_doctors}
        rows={queues.doctors.map((doctor) => ({
          key: doctor.id,
          title: doctor.full_name,
          to: paths.admin.doctor.getHref(doctor.id),
          detail: `${doctor.department_name} · applied ${format.dateTime(doctor.created_at)}`,
          actions: <actions.Doctor doctor={doctor} />,
        }))}
        empty="No doctor is waiting for approval."
        allTo="/admin/doctors?status=PENDING"
        allLabel="All pending doctors"
      />
      <PendingQueue
        title="Patients awaiting approval"
        count={accounts.pending_patients}
        rows={queues.patients.map((patient) => ({
          key: patient.id,
          title: patient.full_name,
          to: paths.admin.patient.getHref(patient.id),
          detail: `${patient.symptoms} · signed up ${format.dateTime(patient.created_at)}`,
          actions: <actions.Patient patient={patient} />,
        }))}
        empty="No patient is waiting for approval."
        allTo="/admin/patients?status=PENDING"
        allLabel="All pending patients"
      />
      <PendingQueue
        title="Appointment requests"
        count={appointments.pending}
        rows={queues.appointment_requests.map((request) => ({
          key: request.id,
          title: request.patient_name,
          to: paths.admin.patient.getHref(request.patient),
          detail: `${format.dateTime(request.starts_at)} with ${request.doctor_name}`,
          actions: <actions.AppointmentRequest request={request} />,
        }))}
        empty="No appointment request is waiting."
        allTo="/admin/appointments?status=PENDING"
        allLabel="Decide on requests"
      />
    </SimpleGrid>
  );
}
