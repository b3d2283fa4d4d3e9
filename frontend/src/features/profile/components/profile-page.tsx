import {
  Button,
  Card,
  DataList,
  Group,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';

import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { PersonFields, personFieldNames, personShape } from '@/components/person-fields';
import { fieldErrors } from '@/lib/api/errors';
import { requiredSecret, validateWith, z } from '@/lib/forms';
import type { CurrentUser } from '@/lib/auth/session';
import { isEnrolmentOnly } from '@/lib/api/client';
import { ROLE_LABEL, meQueryOptions } from '@/lib/auth/session';

import { useChangePassword } from '../api/change-password';
import { useMfaStatus } from '../api/mfa';
import { useUpdateProfile } from '../api/update-profile';
import { MfaSection } from './mfa-section';
import { SessionsSection } from './sessions-section';

const CONTACT = { name: false } as const;

export const contactSchema = z.object(personShape(CONTACT));

const CONTACT_FIELDS = personFieldNames(CONTACT);

function ContactForm({ me }: { me: CurrentUser }) {
  const update = useUpdateProfile();
  const form = useForm<z.input<typeof contactSchema>>({
    mode: 'uncontrolled',
    initialValues: { email: me.email, mobile: me.mobile ?? '', address: me.address ?? '' },
    validate: validateWith(contactSchema),
  });

  const submit = form.onSubmit((values) => {
    if (update.isPending) return;
    update.mutate(
      contactSchema.parse(values),
      {
        onSuccess: (saved) => {
          form.setInitialValues({
            email: saved.email,
            mobile: saved.mobile ?? '',
            address: saved.address ?? '',
          });
          form.resetDirty();
          notifications.show({
            color: 'green',
            title: 'Contact details saved',
            message: 'The hospital now has your new contact details.',
          });
        },
        onError: (error) => {
          form.setErrors(fieldErrors(error));
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="contact-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="contact-heading">
          Contact details
        </Title>
        <FormError error={update.error} shownFields={CONTACT_FIELDS} />
        <PersonFields form={form} filledBy="self" {...CONTACT} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save contact details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export const changePasswordSchema = z.pipe(
  z
    .object({
      current_password: requiredSecret('Enter your current password.'),
      new_password: z
        .string()
        .check(z.minLength(12, 'The new password needs at least 12 characters.')),
      confirm_password: z.string(),
    })
    .check(
      z.refine((values) => values.confirm_password === values.new_password, {
        error: 'The two new passwords differ.',
        path: ['confirm_password'],
      }),
    ),
  z.transform(({ current_password, new_password }) => ({ current_password, new_password })),
);

type PasswordValues = z.input<typeof changePasswordSchema>;

const PASSWORD_FIELDS = ['current_password', 'new_password'];

function PasswordForm() {
  const change = useChangePassword();
  const form = useForm<PasswordValues>({
    mode: 'uncontrolled',
    initialValues: { current_password: '', new_password: '', confirm_password: '' },
    validate: validateWith(changePasswordSchema),
  });

  const submit = form.onSubmit((values) => {
    if (change.isPending) return;
    change.mutate(
      changePasswordSchema.parse(values),
      {
        onSuccess: () => {
          form.reset();
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message: 'Every other device was signed out; this one stays signed in.',
          });
        },
        onError: (error) => {
          form.setErrors(fieldErrors(error));
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="password-heading">
          Change password
        </Title>
        <FormError error={change.error} shownFields={PASSWORD_FIELDS} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          key={form.key('current_password')}
          {...form.getInputProps('current_password')}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters; not a common password."
          autoComplete="new-password"
          required
          key={form.key('new_password')}
          {...form.getInputProps('new_password')}
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          required
          key={form.key('confirm_password')}
          {...form.getInputProps('confirm_password')}
        />
        <Text size="sm" c="dimmed">
          Every other device you are signed in on is signed out; this one stays signed in.
        </Text>
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "My profile": who the user is, their contact details, their password, two-factor sign-in and
 * where they are signed in. An account whose role must use two-factor sign-in and has not
 * enrolled sees only the two-factor section.
 */
export function ProfilePage() {
  const me = useQuery(meQueryOptions);
  // Re-renders this page when enrolment is confirmed (the session becomes a full one).
  useMfaStatus();

  if (me.isPending) return <PageLoader label="Loading your profile…" />;
  if (me.isError) return <LoadError error={me.error} what="your profile" onRetry={me.refetch} />;

  const user = me.data;
  if (isEnrolmentOnly()) {
    return (
      <Stack gap="lg" maw={640}>
        <Title order={1}>Turn on two-factor sign-in</Title>
        <Card withBorder padding="lg">
          <MfaSection />
        </Card>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>My profile</Title>
      <Card withBorder padding="lg">
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Name</DataList.ItemLabel>
            <DataList.ItemValue>{user.full_name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Username</DataList.ItemLabel>
            <DataList.ItemValue>{user.username}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Account</DataList.ItemLabel>
            <DataList.ItemValue>{ROLE_LABEL[user.role]}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Text size="sm" c="dimmed" mt="sm">
          To correct your name, ask the hospital.
        </Text>
      </Card>
      {user.role !== 'ADMIN' && (
        <Card withBorder padding="lg">
          <ContactForm me={user} />
        </Card>
      )}
      <Card withBorder padding="lg">
        <PasswordForm />
      </Card>
      <Card withBorder padding="lg">
        <MfaSection />
      </Card>
      <Card withBorder padding="lg">
        <SessionsSection />
      </Card>
    </Stack>
  );
}
