import { Button, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';

import { FormError } from '@/components/form-error';
import {
  PersonFields,
  personFieldNames,
  personInitialValues,
  personShape,
} from '@/components/person-fields';
import { fieldErrors } from '@/lib/api/errors';
import { useDepartments } from '@/lib/api/resources/doctors';
import { focusFirstField } from '@/lib/focus-first-field';
import { requiredChoice, validateWith, z } from '@/lib/forms';

import type { SignUpDoctorBody } from '../api/sign-up-doctor';
import { useSignUpDoctor } from '../api/sign-up-doctor';

const PERSON = { login: true } as const;

export const signUpDoctorSchema = z.object({
  ...personShape(PERSON),
  department: requiredChoice('Choose a department.'),
});

type DoctorValues = z.input<typeof signUpDoctorSchema>;

const SHOWN_FIELDS = [...personFieldNames(PERSON), 'department'];

export function SignUpDoctorForm({ onSuccess }: { onSuccess: () => void }) {
  const departments = useDepartments();
  const signUp = useSignUpDoctor();
  const departmentOptions = (departments.data ?? []).map((department) => ({
    value: department.code,
    label: department.name,
  }));
  const form = useForm<DoctorValues>({
    mode: 'uncontrolled',
    initialValues: { ...personInitialValues, department: null },
    validate: validateWith(signUpDoctorSchema),
  });

  const submit = form.onSubmit((values) => {
    if (signUp.isPending) return;
    const { email, ...rest }: SignUpDoctorBody = signUpDoctorSchema.parse(values);
    const body: SignUpDoctorBody = { ...rest, ...(email === '' ? {} : { email }) };
    signUp.mutate(body, {
      onSuccess,
      onError: (error) => {
        form.setErrors(fieldErrors(error));
      },
    });
  });

  return (
    <form ref={focusFirstField} onSubmit={submit} noValidate aria-label="Doctor sign-up">
      <Stack gap="md">
        <FormError error={signUp.error} shownFields={SHOWN_FIELDS} title="Sign-up failed" />
        <PersonFields form={form} filledBy="self" focusFirst {...PERSON} />
        <Select
          label="Department"
          required
          placeholder={departments.isPending ? 'Loading departments…' : 'Choose a department'}
          data={departmentOptions}
          disabled={departments.isPending}
          description={
            departments.isError
              ? 'Could not load the departments. Reload the page to try again.'
              : undefined
          }
          allowDeselect={false}
          key={form.key('department')}
          {...form.getInputProps('department')}
        />
        <Button type="submit" loading={signUp.isPending}>
          Apply as a doctor
        </Button>
      </Stack>
    </form>
  );
}
