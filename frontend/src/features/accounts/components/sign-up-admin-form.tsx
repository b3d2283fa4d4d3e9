import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { FormError } from '@/components/form-error';
import { PageLoader } from '@/components/page-loader';
import {
  PersonFields,
  personFieldNames,
  personInitialValues,
  personShape,
} from '@/components/person-fields';
import { ApiError, errorMessage, fieldErrors } from '@/lib/api/errors';
import { focusFirstField } from '@/lib/focus-first-field';
import { optionalText, validateWith, z } from '@/lib/forms';
import { useHospital } from '@/lib/hospital';

import { useSignUpAdmin } from '../api/sign-up-admin';

const PERSON = { login: true, contact: false } as const;

/** The admin sign-up; the code is asked for (and required) only when the hospital uses one. */
export function signUpAdminSchema(codeRequired: boolean) {
  return z.pipe(
    z.object({
      ...personShape(PERSON),
      signup_code: optionalText().check(
        z.refine((value) => !codeRequired || value !== '', 'Sign-up code is required.'),
      ),
    }),
    z.transform(({ email, signup_code, ...rest }) => ({
      ...rest,
      ...(email === '' ? {} : { email }),
      ...(codeRequired ? { signup_code } : {}),
    })),
  );
}

const SHOWN_FIELDS = [...personFieldNames(PERSON), 'signup_code'];

export function SignUpAdminForm({ onSuccess }: { onSuccess: () => void }) {
  const hospital = useHospital();
  const signUp = useSignUpAdmin();
  const policy = hospital.data?.admin_signup_policy;
  const schema = signUpAdminSchema(policy === 'code');
  const form = useForm<z.input<typeof schema>>({
    mode: 'uncontrolled',
    initialValues: { ...personInitialValues, signup_code: '' },
    validate: (values) => validateWith(signUpAdminSchema(policy === 'code'))(values),
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
    signUp.mutate(schema.parse(values), {
      onSuccess,
      onError: (error) => {
        form.setErrors(fieldErrors(error));
        // The API answers a wrong code as 403 INVALID_SIGNUP_CODE without `fields`; the
        // message still belongs next to the code input.
        if (error instanceof ApiError && error.code === 'INVALID_SIGNUP_CODE') {
          form.setFieldError('signup_code', error.message);
        }
      },
    });
  });

  return (
    <form ref={focusFirstField} onSubmit={submit} noValidate aria-label="Admin sign-up">
      <Stack gap="md">
        <FormError error={signUp.error} shownFields={SHOWN_FIELDS} title="Sign-up failed" />
        <PersonFields form={form} filledBy="self" focusFirst {...PERSON} />
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
