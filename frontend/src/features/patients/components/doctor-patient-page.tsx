import {
  Anchor,
  Badge,
  Button,
  DataList,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';

import { AppointmentHistory } from '@/components/appointment-history';
import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useAdmissions } from '@/lib/api/resources/admissions';
import { useAppointment, useAppointments } from '@/lib/api/resources/appointments';
import { usePatient } from '@/lib/api/resources/patients';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';
import { idFrom } from '@/lib/use-url-params';

type Patient = components['schemas']['Patient'];
type Appointment = components['schemas']['Appointment'];
type Stay = components['schemas']['AdmissionForViewer'];

const STAYS_PAGE_SIZE = 10;
const VISITS_PAGE_SIZE = 10;

const BACK = { to: paths.doctor.patients.getHref(), label: paths.doctor.patients.title };

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function PatientNotFound() {
  return (
    <Stack>
      <PageHeader title="Patient not found" back={BACK} />
      <EmptyList
        title="There is no patient of yours at this address."
        description="Only the patients assigned to you have a page here."
      />
    </Stack>
  );
}

/** One of the doctor's patients: `/doctor/patients/:patientId`. */
export function DoctorPatientPage() {
  const id = idFrom(useParams().patientId);
  if (id === null) return <PatientNotFound />;
  return <PatientLoader id={id} />;
}

function PatientLoader({ id }: { id: number }) {
  const patient = usePatient(id);
  if (patient.isPending) return <PanelLoader label="Loading the patient…" />;
  if (patient.isError) {
    if (isNotFound(patient.error)) return <PatientNotFound />;
    return (
      <Stack>
        <PageHeader title="Patient" back={BACK} />
        <LoadError what="the patient" error={patient.error} onRetry={patient.refetch} />
      </Stack>
    );
  }
  return <PatientView patient={patient.data} />;
}

function PatientView({ patient }: { patient: Patient }) {
  const format = useHospitalFormat();
  return (
    <Stack gap="lg">
      <PageHeader
        title={patient.full_name}
        back={BACK}
        badge={
          patient.is_admitted ? (
            <Badge variant="light" color="blue" c="dark.7" tt="none">
              In hospital
            </Badge>
          ) : undefined
        }
        actions={
          <Button
            variant="default"
            component={Link}
            to={paths.doctor.patientRecord.getHref(patient.id)}
          >
            Health record
          </Button>
        }
      />
      <Paper withBorder p="md" component="section" aria-labelledby="patient-details">
        <Title order={2} size="h4" id="patient-details" mb="sm">
          Details
        </Title>
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
            <DataList.ItemValue>{patient.symptoms}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Date of birth</DataList.ItemLabel>
            <DataList.ItemValue>
              {patient.date_of_birth === null ? 'Not given' : format.date(patient.date_of_birth)}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Mobile</DataList.ItemLabel>
            <DataList.ItemValue>
              <Anchor href={`tel:${patient.mobile}`}>{patient.mobile}</Anchor>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Email</DataList.ItemLabel>
            <DataList.ItemValue>{patient.email === '' ? 'Not given' : patient.email}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Address</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {patient.address}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      <StaysSection patient={patient.id} />
      <VisitsSection patient={patient.id} />
    </Stack>
  );
}

function StaysSection({ patient }: { patient: number }) {
  const [page, setPage] = useState(1);
  // The patient's stays the doctor attends, latest first.
  const stays = useAdmissions({ patient, page, page_size: STAYS_PAGE_SIZE });
  const body = (() => {
    if (stays.isPending) return <PanelLoader label="Loading the stays…" />;
    if (stays.isError) {
      return <LoadError what="the stays" error={stays.error} onRetry={stays.refetch} />;
    }
    const { results, count } = stays.data;
    if (results.length === 0) return <EmptyList title="No stay under your care" />;
    return (
      <Stack gap="sm">
        {results.map((stay) => (
          <StayItem key={stay.id} stay={stay} />
        ))}
        <ListPagination
          count={count}
          page={page}
          pageSize={STAYS_PAGE_SIZE}
          onChange={setPage}
          label="stays"
        />
      </Stack>
    );
  })();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="patient-stays">
      <Title order={2} size="h4" id="patient-stays" mb="sm">
        Stays
      </Title>
      {body}
    </Paper>
  );
}

function StayItem({ stay }: { stay: Stay }) {
  const format = useHospitalFormat();
  const headingId = useId();
  const dates =
    stay.discharged_on === null
      ? `Since ${format.date(stay.admitted_on)}`
      : `${format.date(stay.admitted_on)} – ${format.date(stay.discharged_on)}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {dates}
        </Title>
        <StatusBadge kind="admission" status={stay.status} />
      </Group>
      <Text size="sm">
        Room {stay.room} · {stay.symptoms}
      </Text>
      <Anchor component={Link} to={paths.doctor.stay.getHref(stay.id)} size="sm">
        Open the stay from {format.date(stay.admitted_on)}
      </Anchor>
    </Paper>
  );
}

function VisitsSection({ patient }: { patient: number }) {
  const [page, setPage] = useState(1);
  // The patient's appointments with the doctor, newest first: confirmed, completed, and
  // cancelled after confirmation (`history=true`).
  const visits = useAppointments({ history: true, patient, page, page_size: VISITS_PAGE_SIZE });
  const body = (() => {
    if (visits.isPending) return <PanelLoader label="Loading the appointments…" />;
    if (visits.isError) {
      return <LoadError what="the appointments" error={visits.error} onRetry={visits.refetch} />;
    }
    const { results, count } = visits.data;
    if (results.length === 0) return <EmptyList title="No appointment with you" />;
    return (
      <Stack gap="sm">
        {results.map((appointment) => (
          <VisitItem key={appointment.id} appointment={appointment} />
        ))}
        <ListPagination
          count={count}
          page={page}
          pageSize={VISITS_PAGE_SIZE}
          onChange={setPage}
          label="appointments"
        />
      </Stack>
    );
  })();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="patient-visits">
      <Title order={2} size="h4" id="patient-visits" mb="sm">
        Appointments with you
      </Title>
      {body}
    </Paper>
  );
}

function VisitItem({ appointment }: { appointment: Appointment }) {
  const format = useHospitalFormat();
  const headingId = useId();
  const historyId = useId();
  const [open, setOpen] = useState(false);
  const when = `${format.dateTime(appointment.starts_at)}–${format.time(appointment.ends_at)}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {when}
          </Title>
          <StatusBadge kind="appointment" status={appointment.status} />
        </Group>
        <Text size="sm">{appointment.reason}</Text>
        <Group gap="md">
          <Button
            variant="default"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={historyId}
            onClick={() => {
              setOpen((value) => !value);
            }}
          >
            {open ? 'Hide status history' : 'Show status history'}
          </Button>
          <Anchor
            component={Link}
            to={paths.doctor.appointment.getHref(appointment.id)}
            size="sm"
            aria-label={`Open the appointment of ${when}`}
          >
            Open the appointment
          </Anchor>
        </Group>
        <div id={historyId} hidden={!open}>
          {open && <VisitHistory id={appointment.id} />}
        </div>
      </Stack>
    </Paper>
  );
}

function VisitHistory({ id }: { id: number }) {
  const detail = useAppointment(id);
  if (detail.isPending) return <PanelLoader label="Loading the status history…" />;
  if (detail.isError) {
    return (
      <LoadError
        what="the status history"
        error={detail.error}
        onRetry={isNotFound(detail.error) ? undefined : detail.refetch}
      />
    );
  }
  return <AppointmentHistory history={detail.data.history} />;
}
