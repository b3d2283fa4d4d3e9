import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { fieldErrors } from '@/lib/api/errors';
import { notifySuccess } from '@/lib/notify';

import type { Patient } from '../api/keys';
import { useUpdatePatient } from '../api/update-patient';

interface AssignDoctorModalProps {
  patient: Patient;
  opened: boolean;
  onClose: () => void;
}

/** Assign, change or remove a patient's doctor (admin). */
export function AssignDoctorModal({ patient, opened, onClose }: AssignDoctorModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Assign a doctor" centered>
      {opened && <AssignDoctorForm patient={patient} onDone={onClose} />}
    </Modal>
  );
}

function AssignDoctorForm({ patient, onDone }: { patient: Patient; onDone: () => void }) {
  const update = useUpdatePatient(patient.id);
  const [doctor, setDoctor] = useState<number | null>(patient.assigned_doctor);
  const current =
    patient.assigned_doctor === null || patient.assigned_doctor_name === null
      ? []
      : [{ value: patient.assigned_doctor, label: patient.assigned_doctor_name }];

  return (
    <form
      aria-label="Assign a doctor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (update.isPending) return;
        update.mutate(
          { assigned_doctor: doctor },
          {
            onSuccess: (saved) => {
              notifySuccess(
                'Doctor assigned',
                saved.assigned_doctor_name === null
                  ? `${saved.full_name} has no assigned doctor now.`
                  : `${saved.assigned_doctor_name} is now ${saved.full_name}'s doctor.`,
              );
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          The doctor sees {patient.full_name}&apos;s details and symptoms. Clear the field to leave
          the patient without a doctor.
        </Text>
        <FormError error={update.error} shownFields={['assigned_doctor']} />
        <DoctorSelect
          label="Doctor"
          clearable
          value={doctor}
          knownOptions={current}
          onChange={setDoctor}
          error={fieldErrors(update.error).assigned_doctor}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            Back
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save doctor
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
