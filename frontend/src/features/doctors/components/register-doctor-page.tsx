import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { notifySuccess } from '@/lib/notify';

import { useRegisterDoctor } from '../api/register-doctor';
import { DoctorForm } from './doctor-form';

/** Register a doctor (admin): approved at once, they sign in with the username and password. */
export function RegisterDoctorPage() {
  const register = useRegisterDoctor();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <PageHeader
        title="Register a doctor"
        description="The account is approved at once: the doctor signs in with this username and password."
        back={{ to: paths.admin.doctors.getHref(), label: 'Doctors' }}
      />
      <DoctorForm
        mode="register"
        submitLabel="Register doctor"
        pending={register.isPending}
        error={register.error}
        onCancel={() => void navigate(paths.admin.doctors.getHref())}
        onSubmit={(body) => {
          if (!('username' in body)) return;
          register.mutate(body, {
            onSuccess: (doctor) => {
              notifySuccess(
                'Doctor registered',
                `${doctor.full_name} can sign in as ${doctor.username}.`,
              );
              void navigate(paths.admin.doctor.getHref(doctor.id));
            },
          });
        }}
      />
    </Stack>
  );
}
