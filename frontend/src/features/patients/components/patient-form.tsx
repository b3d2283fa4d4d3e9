import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';

import { FormError } from '@/components/form-error';
import type { PersonValues } from '@/components/person-fields';
import {
  PERSON_FIELDS,
  PersonFields,
  personBody,
  personInitialValues,
  personValidation,
  required,
} from '@/components/person-fields';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { fieldErrors } from '@/lib/api/errors';
import { isIsoDate, todayIn } from '@/lib/format';
import { useHospital } from '@/lib/hospital';

export interface PatientFormValues extends PersonValues {
  symptoms: string;
  date_of_birth: string;
  assigned_doctor: number | null;
}

const SHOWN_FIELDS = [...PERSON_FIELDS, 'symptoms', 'date_of_birth', 'assigned_doctor'];

export type PatientFormBody = ReturnType<typeof patientBody>;

function patientBody(values: PatientFormValues, mode: 'register' | 'edit') {
  const body = {
    ...personBody(values, mode === 'register'),
    symptoms: values.symptoms.trim(),
    date_of_birth: values.date_of_birth === '' ? null : values.date_of_birth,
  };
  return mode === 'register' ? { ...body, assigned_doctor: values.assigned_doctor } : body;
}

interface PatientFormProps {
  /** Registering asks for login fields and an optional doctor; editing does not. */
  mode: 'register' | 'edit';
  initialValues?: Partial<PatientFormValues>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: PatientFormBody) => void;
  onCancel?: () => void;
}

/** The patient's profile form, for registering and for editing. */
export function PatientForm({
  mode,
  initialValues,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: PatientFormProps) {
  const hospital = useHospital();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const form = useForm<PatientFormValues>({
    mode: 'uncontrolled',
    initialValues: {
      ...personInitialValues,
      symptoms: '',
      date_of_birth: '',
      assigned_doctor: null,
      ...initialValues,
    },
    validate: {
      ...personValidation(mode === 'register'),
      symptoms: required('Symptoms'),
      date_of_birth: (value) =>
        value === '' || isIsoDate(value) ? null : 'Enter a date as YYYY-MM-DD.',
    },
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(error));
  }, [error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (pending) return;
    onSubmit(patientBody(values, mode));
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === 'register' ? 'Register a patient' : 'Edit patient'}
    >
      <Stack gap="md" maw={720}>
        <FormError error={error} shownFields={SHOWN_FIELDS} />
        <PersonFields form={form} withLogin={mode === 'register'} />
        <Textarea
          label="Symptoms"
          required
          autosize
          minRows={2}
          key={form.key('symptoms')}
          {...form.getInputProps('symptoms')}
        />
        <TextInput
          label="Date of birth"
          description="Optional"
          type="date"
          max={today}
          key={form.key('date_of_birth')}
          {...form.getInputProps('date_of_birth')}
        />
        {mode === 'register' && (
          <DoctorSelect
            label="Assigned doctor"
            description="Optional; can be assigned or changed later."
            clearable
            key={form.key('assigned_doctor')}
            {...form.getInputProps('assigned_doctor')}
          />
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
