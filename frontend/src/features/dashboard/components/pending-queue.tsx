import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';

export interface QueueRow {
  key: number;
  title: string;
  /** Where the row opens; null when it has no page of its own. */
  to: string | null;
  detail: ReactNode;
}

interface PendingQueueProps {
  title: string;
  /** The full queue's length (the list's `count`). */
  count: number | undefined;
  rows: QueueRow[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => unknown;
  empty: string;
  allTo: string;
  allLabel: string;
}

/** A short queue of what waits for the admin, oldest or soonest first, with a link to all. */
export function PendingQueue({
  title,
  count,
  rows,
  loading,
  error,
  onRetry,
  empty,
  allTo,
  allLabel,
}: PendingQueueProps) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {count !== undefined && (
          <Badge variant="light" color={count > 0 ? 'orange' : 'gray'} c="dark.7" tt="none">
            {count} waiting
          </Badge>
        )}
      </Group>
      {loading ? (
        <PanelLoader />
      ) : error !== null ? (
        <LoadError what={title.toLowerCase()} error={error} onRetry={onRetry} />
      ) : rows === undefined || rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) => (
            <li key={row.key}>
              {row.to === null ? (
                <Text size="sm" fw={500}>
                  {row.title}
                </Text>
              ) : (
                <Anchor component={Link} to={row.to} size="sm" fw={500}>
                  {row.title}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                {row.detail}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {count !== undefined && count > 0 && (
        <Anchor component={Link} to={allTo} size="sm" mt="sm">
          {allLabel}
        </Anchor>
      )}
    </Card>
  );
}
