import { PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

export interface AccountValues {
  first_name: string;
  last_name: string;
  username: string;
  password: string;
  email: string;
}

export const ACCOUNT_FIELDS = ['first_name', 'last_name', 'username', 'password', 'email'] as const;

export const accountInitialValues: AccountValues = {
  first_name: '',
  last_name: '',
  username: '',
  password: '',
  email: '',
};

/** The person and login fields every sign-up form starts with. */
export function AccountFields<Values extends AccountValues>({
  form,
}: {
  form: UseFormReturnType<Values>;
}) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="First name"
          autoComplete="given-name"
          required
          key={form.key('first_name')}
          {...form.getInputProps('first_name')}
        />
        <TextInput
          label="Last name"
          autoComplete="family-name"
          required
          key={form.key('last_name')}
          {...form.getInputProps('last_name')}
        />
      </SimpleGrid>
      <TextInput
        label="Username"
        autoComplete="username"
        required
        key={form.key('username')}
        {...form.getInputProps('username')}
      />
      <PasswordInput
        label="Password"
        description="At least 12 characters; not a common password, not only digits, not like the username."
        autoComplete="new-password"
        required
        key={form.key('password')}
        {...form.getInputProps('password')}
      />
      <TextInput
        label="Email"
        description="Optional"
        type="email"
        autoComplete="email"
        key={form.key('email')}
        {...form.getInputProps('email')}
      />
    </>
  );
}

/** Required-field checks shared by the sign-up forms; the server re-checks everything. */
export function required(label: string) {
  return (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? null : `${label} is required.`;
}

export const accountValidation = {
  first_name: required('First name'),
  last_name: required('Last name'),
  username: required('Username'),
  password: required('Password'),
};

/** The account part of a sign-up body: trimmed names, and no email key when it is empty. */
export function accountBody(values: AccountValues) {
  const email = values.email.trim();
  return {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    username: values.username.trim(),
    password: values.password,
    ...(email === '' ? {} : { email }),
  };
}
