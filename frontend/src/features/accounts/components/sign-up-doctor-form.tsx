import { Button, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';

import { FormError } from '@/components/form-error';
import { fieldErrors } from '@/lib/api/errors';
import { useDepartments } from '@/lib/api/resources/doctors';
import { focusFirstField } from '@/lib/focus-first-field';

import type { SignUpDoctorBody } from '../api/sign-up-doctor';
import { useSignUpDoctor } from '../api/sign-up-doctor';
import type { AccountValues } from './account-fields';
import {
  ACCOUNT_FIELDS,
  AccountFields,
  accountBody,
  accountInitialValues,
  accountValidation,
  required,
} from './account-fields';

interface DoctorValues extends AccountValues {
  mobile: string;
  address: string;
  department: string | null;
}

const SHOWN_FIELDS = [...ACCOUNT_FIELDS, 'mobile', 'address', 'department'];

export function SignUpDoctorForm({ onSuccess }: { onSuccess: () => void }) {
  const departments = useDepartments();
  const signUp = useSignUpDoctor();
  const departmentOptions = (departments.data ?? []).map((department) => ({
    value: department.code,
    label: department.name,
  }));
  const form = useForm<DoctorValues>({
    mode: 'uncontrolled',
    initialValues: { ...accountInitialValues, mobile: '', address: '', department: null },
    validate: {
      ...accountValidation,
      mobile: required('Mobile'),
      address: required('Address'),
      department: (value) => (value === null ? 'Choose a department.' : null),
    },
  });

  const submit = form.onSubmit((values) => {
    if (signUp.isPending || values.department === null) return;
    const body: SignUpDoctorBody = {
      ...accountBody(values),
      mobile: values.mobile.trim(),
      address: values.address.trim(),
      department: values.department,
    };
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
        <AccountFields form={form} />
        <TextInput
          label="Mobile"
          type="tel"
          autoComplete="tel"
          required
          key={form.key('mobile')}
          {...form.getInputProps('mobile')}
        />
        <Textarea
          label="Address"
          autoComplete="street-address"
          autosize
          minRows={2}
          required
          key={form.key('address')}
          {...form.getInputProps('address')}
        />
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
