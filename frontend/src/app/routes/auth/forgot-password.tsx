import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { paths } from '@/config/paths';
import { useRequestPasswordReset } from '@/features/accounts/api/request-password-reset';
import { requiredText, validateWith, z } from '@/lib/forms';

import { AuthTitle } from '../../layouts/auth-layout';

export const forgotPasswordSchema = z.object({
  login: requiredText('Enter your username or e-mail address.'),
});

export function ForgotPasswordRoute() {
  const request = useRequestPasswordReset();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { login: '' },
    validate: validateWith(forgotPasswordSchema),
  });
  const submit = form.onSubmit((values) => {
    if (request.isPending) return;
    request.mutate(forgotPasswordSchema.parse(values).login);
  });

  return (
    <Stack gap="md">
      <AuthTitle>Forgot your password?</AuthTitle>
      {request.isSuccess ? (
        <Alert color="green" role="status" title="Check your e-mail">
          {request.data.detail} The link works once, for 30 minutes.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Ask for a reset link">
          <Stack gap="md">
            <Text size="sm">
              Enter your username or e-mail address. If your account has an e-mail address, we
              send it a link to choose a new password. Without one, ask the hospital.
            </Text>
            <FormError error={request.error} shownFields={['login']} />
            <TextInput
              label="Username or e-mail"
              autoComplete="username"
              required
              data-autofocus
              key={form.key('login')}
              {...form.getInputProps('login')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Text size="sm" ta="center">
        <Anchor component={Link} to={paths.auth.login.getHref()}>
          Back to sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
