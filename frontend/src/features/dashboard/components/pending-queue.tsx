import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface QueueRow {
  key: number;
  title: string;
  /** Where the row opens; null when it has no page of its own. */
  to: string | null;
  detail: ReactNode;
  /** The decision taken in place (Approve / Reject). */
  actions: ReactNode;
}

interface PendingQueueProps {
  title: string;
  /** The full queue's length. */
  count: number;
  rows: QueueRow[];
  empty: string;
  allTo: string;
  allLabel: string;
}

/** A short queue of what waits for the admin, each row with its decision, and a link to all. */
export function PendingQueue({ title, count, rows, empty, allTo, allLabel }: PendingQueueProps) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge
          variant="light"
          color={count > 0 ? 'orange' : 'gray'}
          c="dark.7"
          tt="none"
          style={{ flexShrink: 0 }}
        >
          {count} waiting
        </Badge>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) => (
            <Group
              key={row.key}
              component="li"
              justify="space-between"
              align="center"
              gap="xs"
              wrap="wrap"
            >
              <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
                {row.to === null ? (
                  <Text size="sm" fw={500}>
                    {row.title}
                  </Text>
                ) : (
                  <Anchor component={Link} to={row.to} size="sm" fw={500}>
                    {row.title}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {row.detail}
                </Text>
              </div>
              {row.actions}
            </Group>
          ))}
        </Stack>
      )}
      {count > 0 && (
        <Anchor component={Link} to={allTo} size="sm" mt="sm">
          {allLabel}
        </Anchor>
      )}
    </Card>
  );
}
