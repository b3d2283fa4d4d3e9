import { Anchor, Badge, Button, DataList, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';

import { AccountSecurity } from '@/components/account-security';
import { ConfirmModal } from '@/components/confirm-modal';
import { PageHeader } from '@/components/page-header';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useAdmissions } from '@/lib/api/resources/admissions';
import { useAppointments } from '@/lib/api/resources/appointments';
import { useDoctor } from '@/lib/api/resources/doctors';
import { usePatient } from '@/lib/api/resources/patients';
import { formatPhone } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import {
  useEndPatientSessions,
  useResetPatientMfa,
  useSetPatientPassword,
} from '../api/account-security';
import { useDeletePatient } from '../api/delete-patient';
import type { Patient } from '../api/keys';
import { AssignDoctorModal } from './assign-doctor-modal';
import { PatientDecision } from './patient-decision';

const BACK = { to: paths.admin.patients.getHref(), label: 'Patients' };
/** How many of the patient's latest admissions and appointments the page shows. */
const RECENT = 10;

/** One patient (admin): profile, doctor, admissions, appointments and account actions. */
export function PatientPage() {
  const id = idFrom(useParams().patientId);
  if (id === null) {
    return (
      <Stack>
        <PageHeader title="Patient not found" back={BACK} />
        <EmptyList title="There is no patient at this address." />
      </Stack>
    );
  }
  return <PatientDetails id={id} />;
}

function PatientDetails({ id }: { id: number }) {
  const patient = usePatient(id);
  if (patient.isPending) return <PanelLoader label="Loading the patient…" />;
  if (patient.isError) {
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
  const navigate = useNavigate();
  const remove = useDeletePatient();
  const setPassword = useSetPatientPassword(patient.id);
  const endSessions = useEndPatientSessions(patient.id);
  const resetMfa = useResetPatientMfa(patient.id);
  const [deleting, deleteModal] = useDisclosure(false);
  const [assigning, assignModal] = useDisclosure(false);
  const approved = patient.status === 'APPROVED';
  const editable = patient.status === 'PENDING' || approved;
  const showPreferred =
    patient.preferred_doctor !== null && patient.preferred_doctor !== patient.assigned_doctor;
  const preferred = useDoctor(showPreferred ? patient.preferred_doctor : null);

  return (
    <Stack gap="lg">
      <PageHeader
        title={patient.full_name}
        back={BACK}
        badge={
          <>
            <StatusBadge kind="account" status={patient.status} />
            {patient.is_admitted && (
              <Badge variant="light" color="blue" c="dark.7" tt="none">
                In hospital
              </Badge>
            )}
          </>
        }
        actions={
          <>
            {patient.status === 'PENDING' && <PatientDecision patient={patient} size="sm" />}
            {approved && !patient.is_admitted && (
              <Button component={Link} to={paths.admin.admitPatient.getHref(patient.id)}>
                Admit
              </Button>
            )}
            {approved && (
              <Button
                variant="default"
                component={Link}
                to={paths.admin.bookAppointment.getHref(patient.id)}
              >
                Book appointment
              </Button>
            )}
            {approved && (
              <Button variant="default" onClick={assignModal.open}>
                Assign doctor
              </Button>
            )}
            {editable && (
              <Button variant="default" component={Link} to={paths.admin.editPatient.getHref(patient.id)}>
                Edit
              </Button>
            )}
            {editable && (
              <Button
                variant="outline"
                color="red.9"
                disabled={patient.is_admitted}
                title={patient.is_admitted ? 'Discharge the patient first.' : undefined}
                onClick={() => {
                  remove.reset();
                  deleteModal.open();
                }}
              >
                Delete
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="lg" maw={760}>
        <DataList>
          <DataList.Item>
            <DataList.ItemLabel>Assigned doctor</DataList.ItemLabel>
            <DataList.ItemValue>
              {patient.assigned_doctor === null ? (
                'None'
              ) : (
                <Anchor component={Link} to={paths.admin.doctor.getHref(patient.assigned_doctor)}>
                  {patient.assigned_doctor_name}
                </Anchor>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          {showPreferred && (
            <DataList.Item>
              <DataList.ItemLabel>Preferred doctor</DataList.ItemLabel>
              <DataList.ItemValue>
                <Anchor component={Link} to={paths.admin.doctor.getHref(patient.preferred_doctor)}>
                  {preferred.data?.full_name ?? 'Chosen at sign-up'}
                </Anchor>
              </DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {patient.symptoms}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Username</DataList.ItemLabel>
            <DataList.ItemValue>{patient.username}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Mobile</DataList.ItemLabel>
            <DataList.ItemValue>{formatPhone(patient.mobile)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Email</DataList.ItemLabel>
            <DataList.ItemValue>{patient.email === '' ? '—' : patient.email}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Address</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {patient.address}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Date of birth</DataList.ItemLabel>
            <DataList.ItemValue>
              {patient.date_of_birth === null ? '—' : format.date(patient.date_of_birth)}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Account since</DataList.ItemLabel>
            <DataList.ItemValue>{format.dateTime(patient.created_at)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      {approved && (
        <Paper withBorder p="lg" maw={720}>
          <AccountSecurity
            name={patient.full_name}
            setPassword={setPassword}
            endSessions={endSessions}
            resetMfa={resetMfa}
          />
        </Paper>
      )}
      {patient.status === 'REJECTED' && (
        <Text c="dimmed">This sign-up was rejected; the patient cannot sign in.</Text>
      )}
      {patient.status === 'DELETED' && (
        <Text c="dimmed">
          This account was deleted; the patient cannot sign in. Their history is kept.
        </Text>
      )}
      <PatientAdmissions patientId={patient.id} />
      <PatientAppointments patientId={patient.id} />
      <AssignDoctorModal patient={patient} opened={assigning} onClose={assignModal.close} />
      <ConfirmModal
        opened={deleting}
        onClose={deleteModal.close}
        title={`Delete ${patient.full_name}?`}
        confirmLabel="Delete patient"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          remove.mutate(patient.id, {
            onSuccess: () => {
              deleteModal.close();
              notifySuccess('Patient deleted', `${patient.full_name} can no longer sign in.`);
              void navigate(paths.admin.patients.getHref());
            },
          });
        }}
      >
        The account is deactivated: {patient.full_name} can no longer sign in and leaves every
        working list. Past admissions, appointments and invoices are kept.
      </ConfirmModal>
    </Stack>
  );
}

function PatientAdmissions({ patientId }: { patientId: number }) {
  const admissions = useAdmissions({ patient: patientId, page_size: RECENT });
  const format = useHospitalFormat();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Admissions
      </Title>
      {admissions.isPending ? (
        <PanelLoader label="Loading admissions…" />
      ) : admissions.isError ? (
        <LoadError what="the admissions" error={admissions.error} onRetry={admissions.refetch} />
      ) : admissions.data.results.length === 0 ? (
        <EmptyList title="Never admitted." />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Admitted</Table.Th>
                <Table.Th scope="col">Discharged</Table.Th>
                <Table.Th scope="col">Doctor</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {admissions.data.results.map((admission) => (
                <Table.Tr key={admission.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.admin.admission.getHref(admission.id)}>
                      {format.date(admission.admitted_on)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {admission.discharged_on === null ? '—' : format.date(admission.discharged_on)}
                  </Table.Td>
                  <Table.Td>{admission.doctor_name}</Table.Td>
                  <Table.Td>
                    <StatusBadge kind="admission" status={admission.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function PatientAppointments({ patientId }: { patientId: number }) {
  const appointments = useAppointments({ patient: patientId, page_size: RECENT });
  const format = useHospitalFormat();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Appointments
      </Title>
      {appointments.isPending ? (
        <PanelLoader label="Loading appointments…" />
      ) : appointments.isError ? (
        <LoadError what="the appointments" error={appointments.error} onRetry={appointments.refetch} />
      ) : appointments.data.results.length === 0 ? (
        <EmptyList title="No appointments." />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Doctor</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appointments.data.results.map((appointment) => (
                <Table.Tr key={appointment.id}>
                  <Table.Td>{format.dateTime(appointment.starts_at)}</Table.Td>
                  <Table.Td>{appointment.doctor_name}</Table.Td>
                  <Table.Td>{appointment.reason}</Table.Td>
                  <Table.Td>
                    <StatusBadge kind="appointment" status={appointment.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
