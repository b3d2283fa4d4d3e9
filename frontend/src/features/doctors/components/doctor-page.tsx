import { Button, DataList, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';

import { AccountSecurity } from '@/components/account-security';
import { ConfirmModal } from '@/components/confirm-modal';
import { PageHeader } from '@/components/page-header';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { formatPhone } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useEndDoctorSessions, useResetDoctorMfa, useSetDoctorPassword } from '../api/account-security';
import { useDeleteDoctor } from '../api/delete-doctor';
import { useDoctor } from '../api/get-doctor';
import type { Doctor } from '../api/keys';
import { DoctorDecision } from './doctor-decision';

const BACK = { to: paths.admin.doctors.getHref(), label: 'Doctors' };

/** One doctor (admin): profile, status, and what can be done with the account. */
export function DoctorPage() {
  const id = idFrom(useParams().doctorId);
  if (id === null) {
    return (
      <Stack>
        <PageHeader title="Doctor not found" back={BACK} />
        <EmptyList title="There is no doctor at this address." />
      </Stack>
    );
  }
  return <DoctorDetails id={id} />;
}

function DoctorDetails({ id }: { id: number }) {
  const doctor = useDoctor(id);
  if (doctor.isPending) return <PanelLoader label="Loading the doctor…" />;
  if (doctor.isError) {
    return (
      <Stack>
        <PageHeader title="Doctor" back={BACK} />
        <LoadError what="the doctor" error={doctor.error} onRetry={doctor.refetch} />
      </Stack>
    );
  }
  return <DoctorView doctor={doctor.data} />;
}

function DoctorView({ doctor }: { doctor: Doctor }) {
  const format = useHospitalFormat();
  const navigate = useNavigate();
  const remove = useDeleteDoctor();
  const setPassword = useSetDoctorPassword(doctor.id);
  const endSessions = useEndDoctorSessions(doctor.id);
  const resetMfa = useResetDoctorMfa(doctor.id);
  const [deleting, deleteModal] = useDisclosure(false);
  const editable = doctor.status === 'PENDING' || doctor.status === 'APPROVED';

  return (
    <Stack gap="md">
      <PageHeader
        title={doctor.full_name}
        back={BACK}
        badge={<StatusBadge kind="account" status={doctor.status} />}
        actions={
          <>
            {doctor.status === 'PENDING' && <DoctorDecision doctor={doctor} size="sm" />}
            {editable && (
              <Button variant="default" component={Link} to={paths.admin.editDoctor.getHref(doctor.id)}>
                Edit
              </Button>
            )}
            {editable && (
              <Button
                variant="outline"
                color="red.9"
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
      <Paper withBorder p="lg" maw={720}>
        <DataList>
          <DataList.Item>
            <DataList.ItemLabel>Department</DataList.ItemLabel>
            <DataList.ItemValue>{doctor.department_name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Username</DataList.ItemLabel>
            <DataList.ItemValue>{doctor.username}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Mobile</DataList.ItemLabel>
            <DataList.ItemValue>{formatPhone(doctor.mobile)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Email</DataList.ItemLabel>
            <DataList.ItemValue>{doctor.email === '' ? '—' : doctor.email}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Address</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {doctor.address}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Account since</DataList.ItemLabel>
            <DataList.ItemValue>{format.dateTime(doctor.created_at)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      {doctor.status === 'APPROVED' && (
        <Paper withBorder p="lg" maw={720}>
          <AccountSecurity
            name={doctor.full_name}
            setPassword={setPassword}
            endSessions={endSessions}
            resetMfa={resetMfa}
          />
        </Paper>
      )}
      {doctor.status === 'REJECTED' && (
        <Text c="dimmed">This application was rejected; the doctor cannot sign in.</Text>
      )}
      {doctor.status === 'DELETED' && (
        <Text c="dimmed">
          This account was deleted; the doctor cannot sign in. Their history is kept.
        </Text>
      )}
      <ConfirmModal
        opened={deleting}
        onClose={deleteModal.close}
        title={`Delete ${doctor.full_name}?`}
        confirmLabel="Delete doctor"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          remove.mutate(doctor.id, {
            onSuccess: () => {
              deleteModal.close();
              notifySuccess('Doctor deleted', `${doctor.full_name} can no longer sign in.`);
              void navigate(paths.admin.doctors.getHref());
            },
          });
        }}
      >
        The account is deactivated: {doctor.full_name} can no longer sign in, leaves every working
        list, and their patients become unassigned. Past admissions, appointments and invoices keep
        their name.
      </ConfirmModal>
    </Stack>
  );
}
