import { Alert, List } from '@mantine/core';

import { ApiError, errorMessage } from '@/lib/api/errors';

interface FormErrorProps {
  /** The error of the last submission (a mutation's `error`), or null. */
  error: unknown;
  /** Fields the form shows next to its inputs; other field messages are listed here. */
  shownFields?: readonly string[];
  title?: string;
}

/** The readable summary of a failed submission, announced to screen readers. */
export function FormError({ error, shownFields = [], title = 'Could not save' }: FormErrorProps) {
  if (error === null || error === undefined) return null;
  const otherMessages =
    error instanceof ApiError
      ? Object.entries(error.fields)
          .filter(([field]) => !shownFields.includes(field))
          .flatMap(([, messages]) => messages)
      : [];
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {errorMessage(error)}
      {otherMessages.length > 0 && (
        <List size="sm" mt="xs">
          {otherMessages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
