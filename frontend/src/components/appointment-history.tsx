import { Text, Timeline } from '@mantine/core';

import { APPOINTMENT_STATUS_LABEL } from '@/components/status-badge';
import type { components } from '@/lib/api/schema';
import { ROLE_LABEL, type Role } from '@/lib/auth/session';
import { useHospitalFormat } from '@/lib/hospital';

type AppointmentEvent = components['schemas']['AppointmentEvent'];

function who(event: AppointmentEvent): string {
  if (event.actor_name === null || event.actor_role === null) return 'the hospital (automatic)';
  const role = ROLE_LABEL[event.actor_role as Role] as string | undefined;
  return role === undefined ? event.actor_name : `${event.actor_name} (${role})`;
}

function change(event: AppointmentEvent): string {
  const to = APPOINTMENT_STATUS_LABEL[event.to_status];
  if (event.from_status === null) return `Booked: ${to}`;
  return `${APPOINTMENT_STATUS_LABEL[event.from_status]} → ${to}`;
}

/** An appointment's status history, oldest first: what changed, when, by whom and why. */
export function AppointmentHistory({ history }: { history: readonly AppointmentEvent[] }) {
  const format = useHospitalFormat();
  if (history.length === 0) return <Text c="dimmed">No status change recorded yet.</Text>;
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2}>
      {history.map((event, index) => (
        <Timeline.Item key={`${event.at}-${String(index)}`} title={change(event)}>
          <Text size="sm">
            {format.dateTime(event.at)}, by {who(event)}
          </Text>
          {event.reason !== '' && <Text size="sm">Reason: {event.reason}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
