import { Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';

import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
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

  if (sessions.isPending) return <PanelLoader label="Loading where you're signed in…" />;
  if (sessions.isError) {
    return <LoadError error={sessions.error} what="your sessions" onRetry={sessions.refetch} />;
  }
  const rows = sessions.data.results;
  const others = rows.filter((row) => !row.current).length;

  return (
    <Stack gap="md" aria-labelledby="sessions-heading" component="section">
      <Title order={2} size="h3" id="sessions-heading">
        Where you&apos;re signed in
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last active</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{row.device_label}</Text>
                  {row.current && (
                    <Badge size="sm" variant="light">
                      This device
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{format.dateTime(row.created_at)}</Table.Td>
              <Table.Td>{format.dateTime(row.last_used_at)}</Table.Td>
              <Table.Td>
                {row.current ? (
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
                    onClick={() => { revoke.mutate(row.id); }}
                  >
                    Sign out
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
