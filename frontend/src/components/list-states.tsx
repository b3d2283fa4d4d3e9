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

/** Whether the record asked for does not exist (or is not the viewer's): asking again won't help. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * A list or panel whose data could not be loaded: why, and a way to try again. A record that
 * does not exist offers no "Try again": the answer would be the same.
 */
export function LoadError({ error, what, onRetry }: LoadErrorProps) {
  return (
    <Alert color="red" variant="light" role="alert" title={`Could not load ${what}`}>
      <Group justify="space-between" gap="sm">
        <span>{errorMessage(error)}</span>
        {onRetry !== undefined && !isNotFound(error) && (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              void onRetry();
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
