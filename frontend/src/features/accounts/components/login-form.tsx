import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { ApiError, errorMessage } from '@/lib/api/errors';
import type { CurrentUser } from '@/lib/auth/session';
import { focusFirstField } from '@/lib/focus-first-field';
import { requiredSecret, requiredText, validateWith, z } from '@/lib/forms';

import { useLogin } from '../api/login';
import { useLoginMfa } from '../api/login-mfa';

const ERROR_TITLES: Record<string, string> = {
  ACCOUNT_PENDING_APPROVAL: 'Awaiting approval',
  ACCOUNT_REJECTED: 'Not approved',
  INVALID_CREDENTIALS: 'Sign-in failed',
  THROTTLED: 'Too many attempts',
  MFA_CODE_INVALID: 'Code not accepted',
  MFA_TOKEN_INVALID: 'Sign in again',
};

export const loginSchema = z.object({
  username: requiredText('Enter your username.'),
  password: requiredSecret('Enter your password.'),
});

export const mfaCodeSchema = z.object({
  code: requiredText('Enter the code from your authenticator app.'),
});

interface LoginFormProps {
  onSuccess?: (user: CurrentUser) => void;
}

function ErrorAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <Alert
      role="alert"
      variant="light"
      color={code === 'ACCOUNT_PENDING_APPROVAL' ? 'yellow' : 'red'}
      title={(code !== null ? ERROR_TITLES[code] : undefined) ?? 'Sign-in failed'}
    >
      {errorMessage(error)}
    </Alert>
  );
}

/** The second step: the code from the authenticator app, or a recovery code. */
function MfaCodeForm({
  mfaToken,
  onCancel,
  onSuccess,
}: {
  mfaToken: string;
  onCancel: () => void;
  onSuccess?: (user: CurrentUser) => void;
}) {
  const verify = useLoginMfa();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: validateWith(mfaCodeSchema),
  });
  const spent = verify.error instanceof ApiError && verify.error.code === 'MFA_TOKEN_INVALID';

  const submit = form.onSubmit((values) => {
    if (verify.isPending) return;
    verify.mutate(
      { mfaToken, code: mfaCodeSchema.parse(values).code },
      { onSuccess: (user) => onSuccess?.(user) },
    );
  });

  return (
    <form ref={focusFirstField} onSubmit={submit} noValidate aria-label="Two-factor code">
      <Stack gap="md">
        <Text>Enter the 6-digit code your authenticator app shows for this hospital.</Text>
        <ErrorAlert error={verify.error} />
        <TextInput
          label="Authentication code"
          description="Lost your phone? Enter one of your recovery codes instead."
          autoComplete="one-time-code"
          inputMode="text"
          required
          data-autofocus
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={verify.isPending} fullWidth disabled={spent}>
          Verify
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onCancel}>
          Back to sign in
        </Anchor>
      </Stack>
    </form>
  );
}

export function LoginForm({ onSuccess }: LoginFormProps = {}) {
  const login = useLogin();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: validateWith(loginSchema),
  });

  const submit = form.onSubmit((values) => {
    if (login.isPending) return;
    login.mutate(
      loginSchema.parse(values),
      {
        onSuccess: (outcome) => {
          if (outcome.kind === 'signed-in') onSuccess?.(outcome.user);
        },
      },
    );
  });

  if (login.data?.kind === 'mfa') {
    return (
      <MfaCodeForm
        mfaToken={login.data.mfaToken}
        onSuccess={onSuccess}
        onCancel={() => {
          login.reset();
          form.setFieldValue('password', '');
        }}
      />
    );
  }

  return (
    <form ref={focusFirstField} onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        <ErrorAlert error={login.error} />
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
