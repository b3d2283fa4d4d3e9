import { Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { paths } from '@/config/paths';
import { usePatient } from '@/lib/api/resources/patients';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useUpdatePatient } from '../api/update-patient';
import { PatientForm } from './patient-form';

/** Edit a patient's profile (admin). */
export function EditPatientPage() {
  const id = idFrom(useParams().patientId) ?? 0;
  const patient = usePatient(id);
  const update = useUpdatePatient(id);
  const navigate = useNavigate();
  const back = { to: paths.admin.patient.getHref(id), label: patient.data?.full_name ?? 'Patient' };

  if (patient.isPending) return <PanelLoader label="Loading the patient…" />;
  if (patient.isError) {
    return (
      <Stack>
        <PageHeader title="Edit patient" back={{ to: paths.admin.patients.getHref(), label: 'Patients' }} />
        <LoadError what="the patient" error={patient.error} onRetry={patient.refetch} />
      </Stack>
    );
  }
  const current = patient.data;
  return (
    <Stack gap="md">
      <PageHeader title={`Edit ${current.full_name}`} back={back} />
      <PatientForm
        mode="edit"
        initialValues={{
          first_name: current.first_name,
          last_name: current.last_name,
          email: current.email,
          mobile: current.mobile,
          address: current.address,
          symptoms: current.symptoms,
          date_of_birth: current.date_of_birth ?? '',
        }}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onCancel={() => void navigate(back.to)}
        onSubmit={(body) => {
          update.mutate(body, {
            onSuccess: (saved) => {
              notifySuccess('Changes saved', `${saved.full_name}'s profile is up to date.`);
              void navigate(paths.admin.patient.getHref(saved.id));
            },
          });
        }}
      />
    </Stack>
  );
}
