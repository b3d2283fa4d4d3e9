import { Button, Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import type { components } from '@/lib/api/schema';
import { notifyError, notifySuccess } from '@/lib/notify';

import { usePreferences } from '../api/get-preferences';
import { useUpdatePreferences } from '../api/update-preferences';

type Preference = components['schemas']['NotificationPreference'];
type Kind = Preference['kind'];

function PreferencesForm({ preferences }: { preferences: Preference[] }) {
  const update = useUpdatePreferences();
  const [off, setOff] = useState<Set<Kind>>(
    () => new Set(preferences.filter((row) => !row.email).map((row) => row.kind)),
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate([...off], {
          onSuccess: () => {
            notifySuccess('Preferences saved', 'Your e-mail choices are saved.');
          },
          onError: (error) => {
            notifyError('Could not save your preferences', error);
          },
        });
      }}
    >
      <Stack gap="sm">
        <Fieldset legend="Send me an e-mail for" variant="unstyled">
          <Text size="sm" c="dimmed">
            Security and account notices are always e-mailed.
          </Text>
          <Stack gap="xs" mt="xs">
            {preferences.map((row) => (
              <Checkbox
                key={row.kind}
                label={row.title}
                checked={row.mandatory || !off.has(row.kind)}
                disabled={row.mandatory}
                onChange={(event) => {
                  const next = new Set(off);
                  if (event.currentTarget.checked) next.delete(row.kind);
                  else next.add(row.kind);
                  setOff(next);
                }}
              />
            ))}
          </Stack>
        </Fieldset>
        <Text size="xs" c="dimmed">
          E-mails go to the address on your profile and never contain clinical details.
        </Text>
        <Button type="submit" loading={update.isPending} w="fit-content">
          Save preferences
        </Button>
      </Stack>
    </form>
  );
}

/** Which kinds of notification also come by e-mail; security and account notices always do. */
export function PreferencesPage() {
  const preferences = usePreferences();
  const notificationsPath = useLocation().pathname.replace(/\/preferences\/?$/, '');

  return (
    <Stack gap="md" maw={640}>
      <PageHeader
        title="E-mail preferences"
        description="Every notification shows in the app. Choose which ones also come to your e-mail address."
        back={{ to: notificationsPath, label: 'Notifications' }}
      />
      {preferences.isPending ? (
        <PanelLoader label="Loading your preferences…" />
      ) : preferences.isError ? (
        <LoadError what="your preferences" error={preferences.error} onRetry={preferences.refetch} />
      ) : (
        <PreferencesForm preferences={preferences.data} />
      )}
    </Stack>
  );
}
