import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';

import { FormError } from '@/components/form-error';
import {
  PersonFields,
  personFieldNames,
  personInitialValues,
  personShape,
} from '@/components/person-fields';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { fieldErrors } from '@/lib/api/errors';
import { requiredText, validateWith, z } from '@/lib/forms';

import type { RegisterPatientBody } from '../api/register-patient';
import type { UpdatePatientBody } from '../api/update-patient';

/**
 * The patient form's schema: registering asks for a username, a password and (optionally) the
 * assigned doctor; editing does not.
 */
export function patientFormSchema(mode: 'register' | 'edit') {
  const base = {
    ...personShape({ dateOfBirth: true }),
    symptoms: requiredText('Symptoms is required.'),
  };
  return mode === 'register'
    ? z.object({
        ...base,
        ...personShape({ name: false, contact: false, email: false, login: true }),
        assigned_doctor: z.nullable(z.number()),
      })
    : z.object(base);
}

export interface PatientFormValues {
  first_name: string;
  last_name: string;
  username: string;
  password: string;
  email: string;
  mobile: string;
  address: string;
  date_of_birth: string;
  symptoms: string;
  assigned_doctor: number | null;
}

export type PatientFormBody = RegisterPatientBody | UpdatePatientBody;

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
  const withLogin = mode === 'register';
  const schema = patientFormSchema(mode);
  const form = useForm<PatientFormValues>({
    mode: 'uncontrolled',
    initialValues: {
      ...personInitialValues,
      symptoms: '',
      assigned_doctor: null,
      ...initialValues,
    },
    validate: validateWith(schema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(error));
  }, [error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (pending) return;
    const body: PatientFormBody = schema.parse(values);
    onSubmit(body);
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === 'register' ? 'Register a patient' : 'Edit patient'}
    >
      <Stack gap="md" maw={720}>
        <FormError
          error={error}
          shownFields={[
            ...personFieldNames({ login: withLogin, dateOfBirth: true }),
            'symptoms',
            'assigned_doctor',
          ]}
        />
        <PersonFields form={form} filledBy="staff" login={withLogin} />
        <Textarea
          label="Symptoms"
          required
          autosize
          minRows={2}
          key={form.key('symptoms')}
          {...form.getInputProps('symptoms')}
        />
        <PersonFields form={form} filledBy="staff" name={false} contact={false} email={false} dateOfBirth />
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
