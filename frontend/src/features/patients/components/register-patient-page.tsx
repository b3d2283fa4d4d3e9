import { Stack } from '@mantine/core';
import { useNavigate } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { notifySuccess } from '@/lib/notify';

import { useRegisterPatient } from '../api/register-patient';
import { PatientForm } from './patient-form';

/** Register a patient (admin): approved at once. */
export function RegisterPatientPage() {
  const register = useRegisterPatient();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <PageHeader
        title="Register a patient"
        description="The account is approved at once: the patient signs in with this username and password."
        back={{ to: paths.admin.patients.getHref(), label: 'Patients' }}
      />
      <PatientForm
        mode="register"
        submitLabel="Register patient"
        pending={register.isPending}
        error={register.error}
        onCancel={() => void navigate(paths.admin.patients.getHref())}
        onSubmit={(body) => {
          if (!('username' in body)) return;
          register.mutate(body, {
            onSuccess: (patient) => {
              notifySuccess(
                'Patient registered',
                `${patient.full_name} can sign in as ${patient.username}.`,
              );
              void navigate(paths.admin.patient.getHref(patient.id));
            },
          });
        }}
      />
    </Stack>
  );
}
