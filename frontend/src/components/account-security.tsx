import { Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';

import { fieldErrors } from '@/lib/api/errors';
import { validateWith, z } from '@/lib/forms';
import { notifyError, notifySuccess } from '@/lib/notify';

import { ConfirmModal } from './confirm-modal';
import { FormError } from './form-error';

/** The account actions an admin has on a doctor's or patient's page; each feature its hooks. */
export interface AccountSecurityProps {
  name: string;
  setPassword: UseMutationResult<unknown, Error, string>;
  endSessions: UseMutationResult<{ ended: number }, Error, void>;
  resetMfa: UseMutationResult<unknown, Error, void>;
}

/** A new password an admin sets for someone: the server checks its strength again. */
export const setPasswordSchema = z.object({
  password: z.string().check(z.minLength(12, 'At least 12 characters.')),
});

function SetPasswordModal({
  name,
  opened,
  onClose,
  setPassword,
}: Pick<AccountSecurityProps, 'name' | 'setPassword'> & { opened: boolean; onClose: () => void }) {
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: validateWith(setPasswordSchema),
  });
  const submit = form.onSubmit((values) => {
    if (setPassword.isPending) return;
    setPassword.mutate(setPasswordSchema.parse(values).password, {
      onSuccess: () => {
        form.reset();
        onClose();
        notifySuccess('Password reset', `${name} signs in with the new password; every device was signed out.`);
      },
      onError: (error) => {
        form.setErrors(fieldErrors(error));
      },
    });
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Reset the password of ${name}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={setPassword.error} shownFields={['password']} />
          <PasswordInput
            label="New password"
            description="At least 12 characters. Give it to them in person; they can change it on their profile."
            autoComplete="new-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={setPassword.isPending}>
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Sign-in and security": reset the password, end every session, reset two-factor sign-in. */
export function AccountSecurity({ name, setPassword, endSessions, resetMfa }: AccountSecurityProps) {
  const [passwordOpen, passwordModal] = useDisclosure(false);
  const [mfaOpen, mfaModal] = useDisclosure(false);

  return (
    <Stack gap="sm" component="section" aria-labelledby="account-security-heading">
      <Title order={2} size="h4" id="account-security-heading">
        Sign-in and security
      </Title>
      <Group>
        <Button
          variant="default"
          onClick={() => {
            setPassword.reset();
            passwordModal.open();
          }}
        >
          Reset password
        </Button>
        <Button
          variant="default"
          loading={endSessions.isPending}
          onClick={() => {
            endSessions.mutate(undefined, {
              onSuccess: ({ ended }) => {
                notifySuccess(
                  'Signed out everywhere',
                  ended === 1 ? `${name} was signed out on one device.` : `${name} was signed out on ${ended} devices.`,
                );
              },
              onError: (error) => {
                notifyError('Could not sign them out', error);
              },
            });
          }}
        >
          Sign out everywhere
        </Button>
        <Button
          variant="default"
          onClick={() => {
            resetMfa.reset();
            mfaModal.open();
          }}
        >
          Reset two-factor sign-in
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Each of these signs {name} out on every device at once.
      </Text>
      <SetPasswordModal
        name={name}
        opened={passwordOpen}
        onClose={passwordModal.close}
        setPassword={setPassword}
      />
      <ConfirmModal
        opened={mfaOpen}
        onClose={mfaModal.close}
        title={`Reset two-factor sign-in of ${name}?`}
        confirmLabel="Reset two-factor sign-in"
        pending={resetMfa.isPending}
        error={resetMfa.error}
        onConfirm={() => {
          resetMfa.mutate(undefined, {
            onSuccess: () => {
              mfaModal.close();
              notifySuccess('Two-factor sign-in reset', `${name} can sign in with the password alone and enrol again.`);
            },
          });
        }}
      >
        Their authenticator app and recovery codes stop working and every device is signed out. Do
        this when they lost their phone, after checking who is asking.
      </ConfirmModal>
    </Stack>
  );
}
