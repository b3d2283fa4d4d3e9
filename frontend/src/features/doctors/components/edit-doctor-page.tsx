import { Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { paths } from '@/config/paths';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useDoctor } from '../api/get-doctor';
import { useUpdateDoctor } from '../api/update-doctor';
import { DoctorForm } from './doctor-form';

/** Edit a doctor's profile (admin). */
export function EditDoctorPage() {
  const id = idFrom(useParams().doctorId) ?? 0;
  const doctor = useDoctor(id);
  const update = useUpdateDoctor(id);
  const navigate = useNavigate();
  const back = { to: paths.admin.doctor.getHref(id), label: doctor.data?.full_name ?? 'Doctor' };

  if (doctor.isPending) return <PanelLoader label="Loading the doctor…" />;
  if (doctor.isError) {
    return (
      <Stack>
        <PageHeader title="Edit doctor" back={{ to: paths.admin.doctors.getHref(), label: 'Doctors' }} />
        <LoadError what="the doctor" error={doctor.error} onRetry={doctor.refetch} />
      </Stack>
    );
  }
  const current = doctor.data;
  return (
    <Stack gap="md">
      <PageHeader title={`Edit ${current.full_name}`} back={back} />
      <DoctorForm
        mode="edit"
        initialValues={{
          first_name: current.first_name,
          last_name: current.last_name,
          email: current.email,
          mobile: current.mobile,
          address: current.address,
          department: current.department,
        }}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onCancel={() => void navigate(back.to)}
        onSubmit={(body) => {
          update.mutate(body, {
            onSuccess: (saved) => {
              notifySuccess('Changes saved', `${saved.full_name}'s profile is up to date.`);
              void navigate(paths.admin.doctor.getHref(saved.id));
            },
          });
        }}
      />
    </Stack>
  );
}
