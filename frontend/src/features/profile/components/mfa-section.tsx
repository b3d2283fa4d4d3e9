import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { requiredText, validateWith, z } from '@/lib/forms';

import { useConfirmMfa, useEnrolMfa, useMfaStatus } from '../api/mfa';

/** The otpauth:// URI drawn as a QR code in the browser: the secret never leaves the page. */
function QrCode({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => {
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [uri]);
  if (src === null) return null;
  return <Image src={src} w={200} h={200} alt="QR code for your authenticator app" />;
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    // Mantine's yellow title is 2.7:1 on its light background; dark text keeps AA contrast.
    <Alert
      color="yellow"
      title="Save your recovery codes now"
      role="status"
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
    >
      <Stack gap="xs">
        <Text size="sm">
          Each code signs you in once if you lose your phone. They are shown only this once: print
          them or keep them somewhere safe.
        </Text>
        <List aria-label="Recovery codes" listStyleType="none">
          {codes.map((code) => (
            <List.Item key={code}>
              <Code>{code}</Code>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

/** The first code from the authenticator app, which turns two-factor sign-in on. */
export const mfaConfirmSchema = z.object({ code: requiredText('Enter the code your app shows.') });

/** Two-factor sign-in: its state, enrolment with a QR code, and the recovery codes (once). */
export function MfaSection() {
  const status = useMfaStatus();
  const enrol = useEnrolMfa();
  const confirm = useConfirmMfa();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: validateWith(mfaConfirmSchema),
  });

  if (status.isPending) return <PanelLoader label="Loading two-factor sign-in…" />;
  if (status.isError) {
    return <LoadError error={status.error} what="two-factor sign-in" onRetry={status.refetch} />;
  }

  const submit = form.onSubmit((values) => {
    if (confirm.isPending) return;
    confirm.mutate(mfaConfirmSchema.parse(values).code);
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="mfa-heading">
      <Title order={2} size="h3" id="mfa-heading">
        Two-factor sign-in
      </Title>
      {confirm.data !== undefined && <RecoveryCodes codes={confirm.data.recovery_codes} />}
      {status.data.enabled ? (
        <Text>
          On. Signing in asks for a code from your authenticator app.{' '}
          {status.data.recovery_codes_left} recovery codes left.
        </Text>
      ) : enrol.data === undefined ? (
        <Stack gap="sm">
          {status.data.required_for_role && (
            <Alert color="blue" role="status" title="Required for your account">
              Your role must use two-factor sign-in. Turn it on to continue.
            </Alert>
          )}
          <Text>Off. With it on, signing in also asks for a code from an app on your phone.</Text>
          <Group>
            <Button loading={enrol.isPending} onClick={() => { enrol.mutate(); }}>
              Turn on two-factor sign-in
            </Button>
          </Group>
          <FormError error={enrol.error} />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Confirm two-factor sign-in">
          <Stack gap="sm">
            <Text>
              Scan the code with an authenticator app (or type the key in), then enter the code
              it shows.
            </Text>
            <QrCode uri={enrol.data.otpauth_uri} />
            <Text size="sm">
              Key: <Code data-testid="mfa-secret">{enrol.data.secret}</Code>
            </Text>
            <FormError error={confirm.error} shownFields={['code']} />
            <TextInput
              label="Code from the app"
              autoComplete="one-time-code"
              required
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
            <Group>
              <Button type="submit" loading={confirm.isPending}>
                Confirm
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
