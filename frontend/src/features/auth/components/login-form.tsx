import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';

import { ApiError, errorMessage } from '@/lib/api/errors';
import type { CurrentUser } from '@/lib/auth/session';

import { useLogin } from '../api/login';

const ERROR_TITLES: Record<string, string> = {
  ACCOUNT_PENDING_APPROVAL: 'Awaiting approval',
  ACCOUNT_REJECTED: 'Not approved',
  INVALID_CREDENTIALS: 'Sign-in failed',
  THROTTLED: 'Too many attempts',
};

interface LoginFormProps {
  onSuccess?: (user: CurrentUser) => void;
}

export function LoginForm({ onSuccess }: LoginFormProps = {}) {
  const login = useLogin();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: {
      username: isNotEmpty('Enter your username.'),
      password: isNotEmpty('Enter your password.'),
    },
  });

  const submit = form.onSubmit((values) => {
    if (login.isPending) return;
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: (user) => onSuccess?.(user) },
    );
  });

  const error = login.error;
  const code = error instanceof ApiError ? error.code : null;

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {error !== null && (
          <Alert
            role="alert"
            variant="light"
            color={code === 'ACCOUNT_PENDING_APPROVAL' ? 'yellow' : 'red'}
            title={(code !== null ? ERROR_TITLES[code] : undefined) ?? 'Sign-in failed'}
          >
            {errorMessage(error)}
          </Alert>
        )}
        <TextInput
          label="Username"
          autoComplete="username"
          required
          data-autofocus
          key={form.key('username')}
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
