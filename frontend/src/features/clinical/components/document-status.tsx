import { Badge } from '@mantine/core';

/** DRAFT or SIGNED, as a badge. */
export function DocumentStatusBadge({ status }: { status: 'DRAFT' | 'SIGNED' }) {
  return (
    <Badge color={status === 'SIGNED' ? 'green.9' : 'yellow.9'} variant="filled">
      {status === 'SIGNED' ? 'Signed' : 'Draft'}
    </Badge>
  );
}
