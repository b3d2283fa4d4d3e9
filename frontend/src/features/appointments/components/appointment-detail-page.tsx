import { Anchor, DataList, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';

import { AppointmentHistory } from '@/components/appointment-history';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useAppointment } from '@/lib/api/resources/appointments';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';
import { idFrom } from '@/lib/use-url-params';

type AppointmentDetail = components['schemas']['AppointmentDetail'];
type Viewer = 'ADMIN' | 'DOCTOR' | 'PATIENT';

interface ViewerSettings {
  back: { to: string; label: string };
  /** The address of another of this viewer's appointments (the one it was moved from). */
  appointmentLink: (appointment: number) => string;
  /** Where the appointment's patient is opened, if this viewer has a patient page. */
  patientLink?: (patient: number) => string;
  showPatient: boolean;
  showDoctor: boolean;
}

const VIEWERS: Record<Viewer, ViewerSettings> = {
  ADMIN: {
    back: { to: paths.admin.appointments.getHref(), label: paths.admin.appointments.title },
    appointmentLink: paths.admin.appointment.getHref,
    patientLink: paths.admin.patient.getHref,
    showPatient: true,
    showDoctor: true,
  },
  DOCTOR: {
    back: { to: paths.doctor.appointments.getHref(), label: paths.doctor.appointments.title },
    appointmentLink: paths.doctor.appointment.getHref,
    patientLink: paths.doctor.patient.getHref,
    showPatient: true,
    showDoctor: false,
  },
  PATIENT: {
    back: { to: paths.patient.appointments.getHref(), label: paths.patient.appointments.title },
    appointmentLink: paths.patient.appointment.getHref,
    showPatient: false,
    showDoctor: true,
  },
};

/** True for an answer that says the record does not exist (or is not the viewer's). */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function AppointmentDetailRoute({ viewer }: { viewer: Viewer }) {
  const settings = VIEWERS[viewer];
  const id = idFrom(useParams().appointmentId);
  if (id === null) return <AppointmentNotFound back={settings.back} />;
  return <AppointmentLoader id={id} settings={settings} />;
}

function AppointmentNotFound({ back }: { back: ViewerSettings['back'] }) {
  return (
    <Stack>
      <PageHeader title="Appointment not found" back={back} />
      <EmptyList
        title="There is no appointment at this address."
        description="It may have been removed, or it is not one of yours."
      />
    </Stack>
  );
}

function AppointmentLoader({ id, settings }: { id: number; settings: ViewerSettings }) {
  const appointment = useAppointment(id);
  if (appointment.isPending) return <PanelLoader label="Loading the appointment…" />;
  if (appointment.isError) {
    if (isNotFound(appointment.error)) return <AppointmentNotFound back={settings.back} />;
    return (
      <Stack>
        <PageHeader title="Appointment" back={settings.back} />
        <LoadError what="the appointment" error={appointment.error} onRetry={appointment.refetch} />
      </Stack>
    );
  }
  return <AppointmentView appointment={appointment.data} settings={settings} />;
}

function AppointmentView({
  appointment,
  settings,
}: {
  appointment: AppointmentDetail;
  settings: ViewerSettings;
}) {
  const format = useHospitalFormat();
  const patient = appointment.patient_details;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Appointment"
        description={`${format.dateTime(appointment.starts_at)}–${format.time(appointment.ends_at)}`}
        back={settings.back}
        badge={<StatusBadge kind="appointment" status={appointment.status} />}
      />
      <Paper withBorder p="md" component="section" aria-labelledby="appointment-details">
        <Title order={2} size="h4" id="appointment-details" mb="sm">
          Details
        </Title>
        <DataList orientation="vertical" gap="xs">
          {settings.showPatient && (
            <DataList.Item>
              <DataList.ItemLabel>Patient</DataList.ItemLabel>
              <DataList.ItemValue>
                {settings.patientLink === undefined ? (
                  patient.full_name
                ) : (
                  <Anchor component={Link} to={settings.patientLink(appointment.patient)}>
                    {patient.full_name}
                  </Anchor>
                )}
              </DataList.ItemValue>
            </DataList.Item>
          )}
          {settings.showDoctor && (
            <DataList.Item>
              <DataList.ItemLabel>Doctor</DataList.ItemLabel>
              <DataList.ItemValue>
                Dr. {appointment.doctor_name}, {appointment.doctor_department}
              </DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>Reason for the visit</DataList.ItemLabel>
            <DataList.ItemValue>{appointment.reason}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Booked</DataList.ItemLabel>
            <DataList.ItemValue>{format.dateTime(appointment.created_at)}</DataList.ItemValue>
          </DataList.Item>
          {appointment.status_reason !== '' && (
            <DataList.Item>
              <DataList.ItemLabel>Reason for the status</DataList.ItemLabel>
              <DataList.ItemValue>{appointment.status_reason}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="appointment-history">
        <Title order={2} size="h4" id="appointment-history" mb="sm">
          Status history
        </Title>
        <AppointmentHistory history={appointment.history} />
      </Paper>
      {appointment.rescheduled_from !== null && (
        <Text size="sm">
          Moved here from{' '}
          <Anchor
            component={Link}
            to={settings.appointmentLink(appointment.rescheduled_from)}
          >
            the earlier appointment
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  );
}

/** One appointment (admin): `/admin/appointments/:appointmentId`. */
export function AdminAppointmentPage() {
  return <AppointmentDetailRoute viewer="ADMIN" />;
}

/** One of the doctor's appointments: `/doctor/appointments/:appointmentId`. */
export function DoctorAppointmentPage() {
  return <AppointmentDetailRoute viewer="DOCTOR" />;
}

/** One of the patient's appointments: `/patient/appointments/:appointmentId`. */
export function PatientAppointmentPage() {
  return <AppointmentDetailRoute viewer="PATIENT" />;
}
