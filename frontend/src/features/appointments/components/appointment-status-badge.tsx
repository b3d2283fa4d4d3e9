import { Badge } from '@mantine/core';

import type { components } from '@/lib/api/schema';

type Status = components['schemas']['AppointmentStatusEnum'];

const STATUS: Record<Status, { label: string; color: string }> = {
  PENDING: { label: 'Pending approval', color: 'yellow' },
  CONFIRMED: { label: 'Confirmed', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
  CANCELLED: { label: 'Cancelled', color: 'gray' },
  COMPLETED: { label: 'Completed', color: 'blue' },
  NO_SHOW: { label: 'Missed', color: 'red' },
  EXPIRED: { label: 'Expired', color: 'gray' },
  HELD: { label: 'Offered to you', color: 'violet' },
};

export function AppointmentStatusBadge({ status }: { status: Status }) {
  const { label, color } = STATUS[status];
  // Dark text on a light tint keeps every status above AA contrast (the tint's own shade of
  // yellow or orange does not reach it).
  return (
    <Badge color={color} variant="light" c="dark.7" size="lg">
      {label}
    </Badge>
  );
}
