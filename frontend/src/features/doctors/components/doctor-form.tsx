import { Button, Group, Select, Stack } from '@mantine/core';
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
} from '@/components/person-fields';
import { fieldErrors } from '@/lib/api/errors';
import { useDepartments } from '@/lib/api/resources/doctors';


export interface DoctorFormValues extends PersonValues {
  department: string | null;
}

const SHOWN_FIELDS = [...PERSON_FIELDS, 'department'];

interface DoctorFormProps {
  /** Registering asks for a username and a password; editing does not. */
  mode: 'register' | 'edit';
  initialValues?: Partial<DoctorFormValues>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: ReturnType<typeof doctorBody>) => void;
  onCancel?: () => void;
}

function doctorBody(values: DoctorFormValues, withLogin: boolean) {
  return { ...personBody(values, withLogin), department: values.department ?? '' };
}

/** The doctor's profile form, for registering and for editing. */
export function DoctorForm({
  mode,
  initialValues,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: DoctorFormProps) {
  const withLogin = mode === 'register';
  const departments = useDepartments();
  const form = useForm<DoctorFormValues>({
    mode: 'uncontrolled',
    initialValues: { ...personInitialValues, department: null, ...initialValues },
    validate: {
      ...personValidation(withLogin),
      department: (value) => (value === null ? 'Choose a department.' : null),
    },
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(error));
  }, [error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (pending) return;
    onSubmit(doctorBody(values, withLogin));
  });

  return (
    <form onSubmit={submit} noValidate aria-label={withLogin ? 'Register a doctor' : 'Edit doctor'}>
      <Stack gap="md" maw={720}>
        <FormError error={error} shownFields={SHOWN_FIELDS} />
        <PersonFields form={form} withLogin={withLogin} />
        <Select
          label="Department"
          required
          placeholder={departments.isPending ? 'Loading departments…' : 'Choose a department'}
          data={(departments.data ?? []).map((department) => ({
            value: department.code,
            label: department.name,
          }))}
          disabled={departments.isPending}
          error={departments.isError ? 'Could not load the departments.' : undefined}
          allowDeselect={false}
          key={form.key('department')}
          {...form.getInputProps('department')}
        />
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
