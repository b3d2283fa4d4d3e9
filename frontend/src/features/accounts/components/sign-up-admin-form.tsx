import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import { ApiError, errorMessage, fieldErrors } from '@/lib/api/errors';
import { focusFirstField } from '@/lib/focus-first-field';
import { useHospital } from '@/lib/hospital';

import { useSignUpAdmin } from '../api/sign-up-admin';
import type { AccountValues } from './account-fields';
import {
  ACCOUNT_FIELDS,
  AccountFields,
  accountBody,
  accountInitialValues,
  accountValidation,
  required,
} from './account-fields';

interface AdminValues extends AccountValues {
  signup_code: string;
}

const SHOWN_FIELDS = [...ACCOUNT_FIELDS, 'signup_code'];

export function SignUpAdminForm({ onSuccess }: { onSuccess: () => void }) {
  const hospital = useHospital();
  const signUp = useSignUpAdmin();
  const policy = hospital.data?.admin_signup_policy;
  const form = useForm<AdminValues>({
    mode: 'uncontrolled',
    initialValues: { ...accountInitialValues, signup_code: '' },
    validate: {
      ...accountValidation,
      signup_code: (value) => (policy === 'code' ? required('Sign-up code')(value) : null),
    },
  });

  if (hospital.isPending) return <PageLoader label="Loading sign-up settings…" />;
  if (hospital.isError) {
    return (
      <Alert color="red" role="alert" title="Could not load the sign-up settings">
        {errorMessage(hospital.error)}
      </Alert>
    );
  }
  if (policy === 'closed') {
    return (
      <Alert color="gray" title="Admin sign-up is closed" role="status">
        This hospital does not accept admin sign-ups. An existing administrator can create your
        account.
      </Alert>
    );
  }

  const submit = form.onSubmit((values) => {
    if (signUp.isPending) return;
    const code = values.signup_code.trim();
    signUp.mutate(
      { ...accountBody(values), ...(policy === 'code' ? { signup_code: code } : {}) },
      {
        onSuccess,
        onError: (error) => {
          form.setErrors(fieldErrors(error));
          // The API answers a wrong code as 403 INVALID_SIGNUP_CODE without `fields`; the
          // message still belongs next to the code input.
          if (error instanceof ApiError && error.code === 'INVALID_SIGNUP_CODE') {
            form.setFieldError('signup_code', error.message);
          }
        },
      },
    );
  });

  return (
    <form ref={focusFirstField} onSubmit={submit} noValidate aria-label="Admin sign-up">
      <Stack gap="md">
        <FormError error={signUp.error} shownFields={SHOWN_FIELDS} title="Sign-up failed" />
        <AccountFields form={form} />
        {policy === 'code' && (
          <TextInput
            label="Sign-up code"
            description="The code the hospital gave you for creating an admin account"
            autoComplete="off"
            required
            key={form.key('signup_code')}
            {...form.getInputProps('signup_code')}
          />
        )}
        <Button type="submit" loading={signUp.isPending}>
          Create admin account
        </Button>
      </Stack>
    </form>
  );
}
