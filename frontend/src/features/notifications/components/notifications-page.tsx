import { Anchor, Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
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
    <Stack gap="md">
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
      <DataTable
        label="Notifications"
        noun="notifications"
        loading={list.isPending}
        error={list.error}
        onRetry={list.refetch}
        records={list.data?.results}
        rowKey={(item) => item.id}
        empty={{
          title: unreadOnly ? 'Nothing unread' : 'No notifications yet',
          description: 'When something happens that concerns you, it shows here.',
        }}
        columns={[
          {
            key: 'text',
            header: 'Notification',
            card: 'title',
            render: (item) => {
              const unread = item.read_at === null;
              return (
                <Stack gap={4} align="flex-start">
                  {unread && (
                    <Badge size="sm" color="red" variant="light">
                      New
                    </Badge>
                  )}
                  <Text size="sm" fw={unread ? 600 : 400}>
                    {item.text}
                  </Text>
                  {item.link !== '' && (
                    <Anchor component={Link} to={item.link} size="sm">
                      Open
                    </Anchor>
                  )}
                </Stack>
              );
            },
          },
          {
            key: 'when',
            header: 'When',
            render: (item) => (
              <time dateTime={item.created_at}>{format.dateTime(item.created_at)}</time>
            ),
          },
        ]}
        rowActions={(item) =>
          item.read_at === null ? (
            <Button
              size="xs"
              variant="light"
              aria-label={`Mark read: ${item.text}`}
              loading={markRead.isPending && markRead.variables === item.id}
              onClick={() => {
                markRead.mutate(item.id, {
                  onError: (error) => {
                    notifyError('Could not mark it read', error);
                  },
                });
              }}
            >
              Mark read
            </Button>
          ) : null
        }
        pagination={{
          page,
          pageSize: NOTIFICATIONS_PAGE_SIZE,
          count: list.data?.count ?? 0,
          onChange: setPage,
        }}
      />
    </Stack>
  );
}
