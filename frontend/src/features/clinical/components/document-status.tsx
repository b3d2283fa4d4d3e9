import { Badge } from '@mantine/core';

/** DRAFT or SIGNED, as a badge. */
export function DocumentStatusBadge({ status }: { status: 'DRAFT' | 'SIGNED' }) {
  return (
    <Badge color={status === 'SIGNED' ? 'green' : 'yellow'} variant="light" c="dark.7">
      {status === 'SIGNED' ? 'Signed' : 'Draft'}
    </Badge>
  );
}
