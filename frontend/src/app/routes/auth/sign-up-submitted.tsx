import { Button, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';

import { paths } from '@/config/paths';

import { AuthTitle } from '../../layouts/auth-layout';

export interface SignUpSubmittedState {
  role?: 'patient' | 'doctor';
}

/** After a doctor or patient signs up: nothing to do until the hospital approves the account. */
export function SignUpSubmittedRoute() {
  const location = useLocation();
  const { role } = (location.state ?? {}) as SignUpSubmittedState;
  const account =
    role === 'doctor' ? 'doctor account' : role === 'patient' ? 'patient account' : 'account';

  return (
    <Stack gap="md">
      <AuthTitle>Thank you for signing up</AuthTitle>
      <Text>
        Your {account} is waiting for the hospital&apos;s approval. You can sign in once an
        administrator has approved it.
      </Text>
      <div>
        <Button component={Link} to={paths.auth.login.getHref()}>
          Go to sign in
        </Button>
      </div>
    </Stack>
  );
}
