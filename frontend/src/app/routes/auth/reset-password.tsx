import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';

import { FormError } from '@/components/form-error';
import { paths } from '@/config/paths';
import { useConfirmPasswordReset } from '@/features/accounts/api/confirm-password-reset';
import { ApiError, fieldErrors } from '@/lib/api/errors';
import { validateWith, z } from '@/lib/forms';

import { AuthTitle } from '../../layouts/auth-layout';

export const resetPasswordSchema = z
  .object({
    new_password: z.string().check(z.minLength(12, 'At least 12 characters.')),
    repeat: z.string(),
  })
  .check(
    z.refine((values) => values.repeat === values.new_password, {
      error: 'The two passwords differ.',
      path: ['repeat'],
    }),
  );

/** The page the reset e-mail links to: `/reset-password?uid=…&token=…`. */
export function ResetPasswordRoute() {
  const [params] = useSearchParams();
  const uid = params.get('uid') ?? '';
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { new_password: '', repeat: '' },
    validate: validateWith(resetPasswordSchema),
  });
  const linkInvalid =
    uid === '' ||
    token === '' ||
    (confirm.error instanceof ApiError && confirm.error.code === 'RESET_LINK_INVALID');

  const submit = form.onSubmit((values) => {
    if (confirm.isPending) return;
    confirm.mutate(
      { uid, token, new_password: resetPasswordSchema.parse(values).new_password },
      {
        onError: (error) => {
          form.setErrors(fieldErrors(error));
        },
      },
    );
  });

  return (
    <Stack gap="md">
      <AuthTitle>Choose a new password</AuthTitle>
      {confirm.isSuccess ? (
        <Alert color="green" role="status" title="Password changed">
          Sign in with your new password. Every device that was signed in was signed out.
        </Alert>
      ) : linkInvalid ? (
        <Alert color="red" role="alert" title="This link does not work">
          It is not valid, has expired (after 30 minutes) or was already used.{' '}
          {/* Dark text: the default link blue is too faint on the alert's red tint. */}
          <Anchor
            component={Link}
            to={paths.auth.forgotPassword.getHref()}
            c="dark.7"
            underline="always"
          >
            Ask for a new link
          </Anchor>
          .
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Choose a new password">
          <Stack gap="md">
            <FormError error={confirm.error} shownFields={['new_password']} />
            <PasswordInput
              label="New password"
              description="At least 12 characters; not a common password."
              autoComplete="new-password"
              required
              data-autofocus
              key={form.key('new_password')}
              {...form.getInputProps('new_password')}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              key={form.key('repeat')}
              {...form.getInputProps('repeat')}
            />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              Set new password
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
