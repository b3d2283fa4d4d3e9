import { PasswordInput, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

/** The person and contact fields of a doctor or patient, as an admin fills them in. */
export interface PersonValues {
  first_name: string;
  last_name: string;
  username: string;
  password: string;
  email: string;
  mobile: string;
  address: string;
}

export const PERSON_FIELDS = [
  'first_name',
  'last_name',
  'username',
  'password',
  'email',
  'mobile',
  'address',
] as const;

export const personInitialValues: PersonValues = {
  first_name: '',
  last_name: '',
  username: '',
  password: '',
  email: '',
  mobile: '',
  address: '',
};

/** A required-field check; the server checks everything again. */
export function required(label: string) {
  return (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? null : `${label} is required.`;
}

/** Client-side checks of the person fields; `withLogin` adds username and password. */
export function personValidation(withLogin: boolean) {
  return {
    first_name: required('First name'),
    last_name: required('Last name'),
    mobile: required('Mobile'),
    address: required('Address'),
    ...(withLogin ? { username: required('Username'), password: required('Password') } : {}),
  };
}

/** The body part of the person fields: trimmed; no login fields when editing. */
export function personBody(values: PersonValues, withLogin: boolean) {
  const body = {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    email: values.email.trim(),
    mobile: values.mobile.trim(),
    address: values.address.trim(),
  };
  return withLogin ? { ...body, username: values.username.trim(), password: values.password } : body;
}

/**
 * Name, login (when registering) and contact fields. The login fields are left out when editing:
 * the username never changes and a password is set elsewhere.
 */
export function PersonFields<Values extends PersonValues>({
  form,
  withLogin,
}: {
  form: UseFormReturnType<Values>;
  withLogin: boolean;
}) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="First name"
          required
          autoComplete="off"
          key={form.key('first_name')}
          {...form.getInputProps('first_name')}
        />
        <TextInput
          label="Last name"
          required
          autoComplete="off"
          key={form.key('last_name')}
          {...form.getInputProps('last_name')}
        />
      </SimpleGrid>
      {withLogin && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Username"
            description="For signing in; letters, digits and @ . + - _"
            required
            autoComplete="off"
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label="Initial password"
            description="At least 12 characters; tell it to the person in private."
            required
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Mobile"
          type="tel"
          required
          autoComplete="off"
          key={form.key('mobile')}
          {...form.getInputProps('mobile')}
        />
        <TextInput
          label="Email"
          description="Optional"
          type="email"
          autoComplete="off"
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
      </SimpleGrid>
      <Textarea
        label="Address"
        required
        autosize
        minRows={2}
        key={form.key('address')}
        {...form.getInputProps('address')}
      />
    </>
  );
}
