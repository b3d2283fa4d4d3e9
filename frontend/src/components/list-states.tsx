import { Alert, Button, EmptyState, Group } from '@mantine/core';
import type { ReactNode } from 'react';

import { ApiError, errorMessage } from '@/lib/api/errors';

interface LoadErrorProps {
  /** The query's error. */
  error: unknown;
  /** What could not be loaded, e.g. "your appointments". */
  what: string;
  /** Try the request again (a query's `refetch`). */
  onRetry?: () => unknown;
}

/**
 * A list or panel whose data could not be loaded: why, and a way to try again (not for a record
 * that does not exist: asking again cannot find it).
 */
export function LoadError({ error, what, onRetry }: LoadErrorProps) {
  const retry = error instanceof ApiError && error.status === 404 ? undefined : onRetry;
  return (
    <Alert color="red" variant="light" role="alert" title={`Could not load ${what}`}>
      <Group justify="space-between" gap="sm">
        <span>{errorMessage(error)}</span>
        {retry !== undefined && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              void retry();
            }}
          >
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

interface EmptyListProps {
  title: string;
  description?: ReactNode;
  /** A next step, e.g. a link to book. */
  action?: ReactNode;
}

/** A list with nothing in it: says so plainly, and offers the next step when there is one. */
export function EmptyList({ title, description, action }: EmptyListProps) {
  return (
    <EmptyState title={title} description={description} align="left" py="md">
      {action !== undefined && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
