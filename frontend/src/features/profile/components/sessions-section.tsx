import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';

import { DataTable } from '@/components/data-table';
import { useSession } from '@/lib/auth/session';
import { useHospitalFormat } from '@/lib/hospital';

import { useSessions } from '../api/get-sessions';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions';
import { useRevokeSession } from '../api/revoke-session';

/** "Where you're signed in": every live session, with sign out here / everywhere else. */
export function SessionsSection() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const { signOut } = useSession();
  const format = useHospitalFormat();

  const rows = sessions.data?.results ?? [];
  const others = rows.filter((row) => !row.current).length;

  return (
    <Stack gap="md" aria-labelledby="sessions-heading" component="section">
      <Title order={2} size="h3" id="sessions-heading">
        Where you&apos;re signed in
      </Title>
      <DataTable
        label="Where you're signed in"
        cardHeadingOrder={3}
        noun="sessions"
        what="your sessions"
        loading={sessions.isPending}
        error={sessions.error}
        onRetry={sessions.refetch}
        records={sessions.data?.results}
        rowKey={(row) => row.id}
        striped={false}
        empty={{ title: 'No live session.' }}
        columns={[
          {
            key: 'device',
            header: 'Device',
            card: 'title',
            render: (row) => (
              <Group gap="xs">
                <Text size="sm" fw="inherit">
                  {row.device_label}
                </Text>
                {row.current && (
                  <Badge size="sm" variant="light">
                    This device
                  </Badge>
                )}
              </Group>
            ),
          },
          { key: 'created', header: 'Signed in', render: (row) => format.dateTime(row.created_at) },
          {
            key: 'used',
            header: 'Last active',
            render: (row) => format.dateTime(row.last_used_at),
          },
        ]}
        rowActions={(row) =>
          row.current ? (
            <Button size="xs" variant="subtle" onClick={() => void signOut('signed-out')}>
              Sign out this device
            </Button>
          ) : (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={revoke.isPending && revoke.variables === row.id}
              aria-label={`Sign out ${row.device_label}`}
              onClick={() => {
                revoke.mutate(row.id);
              }}
            >
              Sign out
            </Button>
          )
        }
      />
      <Group>
        <Button
          variant="light"
          color="red"
          disabled={others === 0}
          loading={revokeOthers.isPending}
          onClick={() => { revokeOthers.mutate(undefined, {
              onSuccess: ({ ended }) =>
                notifications.show({
                  color: 'green',
                  title: 'Signed out everywhere else',
                  message:
                    ended === 1 ? 'One other device was signed out.' : `${ended} other devices were signed out.`,
                }),
            }); }
          }
        >
          Sign out everywhere else
        </Button>
      </Group>
    </Stack>
  );
}
