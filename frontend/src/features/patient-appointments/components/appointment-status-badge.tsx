import { Badge } from '@mantine/core';

import type { components } from '@/lib/api/schema';

type Status = components['schemas']['AppointmentStatusEnum'];

const STATUS: Record<Status, { label: string; color: string }> = {
  PENDING: { label: 'Pending approval', color: 'yellow' },
  CONFIRMED: { label: 'Confirmed', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
  CANCELLED: { label: 'Cancelled', color: 'gray' },
  COMPLETED: { label: 'Completed', color: 'blue' },
};

export function AppointmentStatusBadge({ status }: { status: Status }) {
  const { label, color } = STATUS[status];
  // Dark text on a light tint keeps every status above AA contrast.
  return (
    <Badge color={color} variant="light" c={`${color}.9`} size="lg">
      {label}
    </Badge>
  );
}
