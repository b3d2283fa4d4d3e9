import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { useHospitalFormat } from '@/lib/hospital';
import { notifyError } from '@/lib/notify';

import { NOTIFICATIONS_PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { useMarkAllRead } from '../api/mark-all-read';
import { useMarkRead } from '../api/mark-read';

/** The notification centre: newest first, mark one or all read, a link to each one's page. */
export function NotificationsPage() {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, unreadOnly);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const format = useHospitalFormat();

  return (
    <Stack gap="md" maw={800}>
      <PageHeader
        title="Notifications"
        description="What happened that concerns you, newest first."
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              loading={markAllRead.isPending}
              onClick={() => { markAllRead.mutate(undefined, {
                  onError: (error) => { notifyError('Could not mark them read', error); },
                }); }
              }
            >
              Mark all read
            </Button>
            <Button component={Link} to="preferences" variant="subtle">
              E-mail preferences
            </Button>
          </Group>
        }
      />
      <Switch
        label="Unread only"
        checked={unreadOnly}
        onChange={(event) => {
          setUnreadOnly(event.currentTarget.checked);
          setPage(1);
        }}
      />
      {list.isPending ? (
        <PanelLoader label="Loading your notifications…" />
      ) : list.isError ? (
        <LoadError what="your notifications" error={list.error} onRetry={list.refetch} />
      ) : list.data.results.length === 0 ? (
        <EmptyList
          title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}
          description="When something happens that concerns you, it shows here."
        />
      ) : (
        <>
          <ul
            style={{
              listStyle: 'none',
              padding: 0,
              margin: 0,
              display: 'flex',
              flexDirection: 'column',
              gap: 'var(--mantine-spacing-sm)',
            }}
          >
            {list.data.results.map((item) => {
              const unread = item.read_at === null;
              return (
                <li key={item.id} aria-label={unread ? 'Unread notification' : 'Notification'}>
                <Card withBorder padding="sm">
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <Stack gap={4} style={{ flex: 1, minWidth: 200 }}>
                      <Group gap="xs">
                        {unread && (
                          <Badge size="sm" color="red" variant="light">
                            New
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          <time dateTime={item.created_at}>{format.dateTime(item.created_at)}</time>
                        </Text>
                      </Group>
                      <Text size="sm" fw={unread ? 600 : 400}>
                        {item.text}
                      </Text>
                      {item.link !== '' && (
                        <Anchor component={Link} to={item.link} size="sm">
                          Open
                        </Anchor>
                      )}
                    </Stack>
                    {unread && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={markRead.isPending && markRead.variables === item.id}
                        onClick={() => { markRead.mutate(item.id, {
                            onError: (error) => { notifyError('Could not mark it read', error); },
                          }); }
                        }
                      >
                        Mark read
                      </Button>
                    )}
                  </Group>
                </Card>
                </li>
              );
            })}
          </ul>
          <ListPagination
            count={list.data.count}
            page={page}
            pageSize={NOTIFICATIONS_PAGE_SIZE}
            onChange={setPage}
            label="notifications"
          />
        </>
      )}
    </Stack>
  );
}
