import { Button, Group, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';

import { FormError } from '@/components/form-error';
import {
  PersonFields,
  personFieldNames,
  personInitialValues,
  personShape,
} from '@/components/person-fields';
import { fieldErrors } from '@/lib/api/errors';
import { useDepartments } from '@/lib/api/resources/doctors';
import { requiredChoice, validateWith, z } from '@/lib/forms';

import type { RegisterDoctorBody } from '../api/register-doctor';
import type { UpdateDoctorBody } from '../api/update-doctor';

/** The doctor form's schema: registering asks for a username and a password; editing does not. */
export function doctorFormSchema(mode: 'register' | 'edit') {
  return z.object({
    ...personShape({ login: mode === 'register' }),
    department: requiredChoice('Choose a department.'),
  });
}

export type DoctorFormValues = z.input<ReturnType<typeof doctorFormSchema>> & {
  username?: string;
  password?: string;
};

interface DoctorFormProps {
  /** Registering asks for a username and a password; editing does not. */
  mode: 'register' | 'edit';
  initialValues?: Partial<DoctorFormValues>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: RegisterDoctorBody | UpdateDoctorBody) => void;
  onCancel?: () => void;
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
  const schema = doctorFormSchema(mode);
  const form = useForm<DoctorFormValues>({
    mode: 'uncontrolled',
    initialValues: { ...personInitialValues, department: null, ...initialValues },
    validate: validateWith(schema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(error));
  }, [error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (pending) return;
    const body: RegisterDoctorBody | UpdateDoctorBody = schema.parse(values);
    onSubmit(body);
  });

  return (
    <form onSubmit={submit} noValidate aria-label={withLogin ? 'Register a doctor' : 'Edit doctor'}>
      <Stack gap="md" maw={720}>
        <FormError
          error={error}
          shownFields={[...personFieldNames({ login: withLogin }), 'department']}
        />
        <PersonFields form={form} filledBy="staff" login={withLogin} />
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
