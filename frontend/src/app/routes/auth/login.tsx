import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';

import { paths } from '@/config/paths';
import { LoginForm } from '@/features/accounts/components/login-form';
import type { SignOutReason } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/session';

import { AuthTitle } from '../../layouts/auth-layout';

export interface LoginNotice {
  notice?: 'admin-created';
}

const SIGN_OUT_NOTICES: Record<SignOutReason, string> = {
  'signed-out': 'You have signed out.',
  idle: 'You were signed out after 15 minutes without activity.',
  expired: 'Your session has ended. Please sign in again.',
};

export function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  const { notice } = (location.state ?? {}) as LoginNotice;
  const reason = state.status === 'anonymous' ? state.reason : null;

  return (
    <Stack gap="md">
      <AuthTitle>Sign in</AuthTitle>
      {notice === 'admin-created' && (
        <Alert color="green" role="status" title="Account created">
          Your admin account is ready. Sign in to continue.
        </Alert>
      )}
      {reason !== null && (
        <Alert color="blue" role="status">
          {SIGN_OUT_NOTICES[reason]}
        </Alert>
      )}
      {/* Navigation after success is the guard's job: it knows where the user came from. */}
      <LoginForm />
      <Text size="sm" ta="center">
        <Anchor component={Link} to={paths.auth.forgotPassword.getHref()}>
          Forgot your password?
        </Anchor>
      </Text>
      <Text size="sm" ta="center">
        New here?{' '}
        <Anchor component={Link} to={paths.auth.signUp.getHref('patient')}>
          Sign up as a patient
        </Anchor>{' '}
        or{' '}
        <Anchor component={Link} to={paths.auth.signUp.getHref('doctor')}>
          apply as a doctor
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
