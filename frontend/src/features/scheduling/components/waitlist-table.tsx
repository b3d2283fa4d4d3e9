import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';

import { FormError } from '@/components/form-error';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useAcceptOffer } from '../api/accept-offer';
import type { WaitlistEntry } from '../api/keys';
import { useLeaveWaitlist } from '../api/leave-waitlist';

const STATUS_LABEL: Record<WaitlistEntry['status'], string> = {
  WAITING: 'Waiting',
  OFFERED: 'Slot offered',
  BOOKED: 'Booked',
  LEFT: 'Left',
  EXPIRED: 'Expired',
};

interface WaitlistEntriesProps {
  entries: WaitlistEntry[];
  /** The admin sees whose entry each one is. */
  showPatient: boolean;
}

/** Waitlist entries as cards: the offer (if any) with Accept, and Leave. */
export function WaitlistEntries({ entries, showPatient }: WaitlistEntriesProps) {
  const format = useHospitalFormat();
  const accept = useAcceptOffer();
  const leave = useLeaveWaitlist();
  if (entries.length === 0) return <Text>Nobody is waiting.</Text>;
  return (
    <Stack gap="sm">
      <FormError error={accept.error ?? leave.error} title="Not done" />
      {entries.map((entry, index) => (
        <Paper
          key={entry.id}
          withBorder
          p="sm"
          component="article"
          aria-label={`Waitlist entry ${index + 1}`}
        >
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2}>
              <Text fw={600}>
                {showPatient ? `${index + 1}. ${entry.patient_name} · ` : ''}
                {entry.doctor_name}
              </Text>
              <Text size="sm">
                Any day from {format.date(entry.date_from)} to {format.date(entry.date_to)}
              </Text>
            </Stack>
            <Badge variant="light" c="dark.7" tt="none">
              {STATUS_LABEL[entry.status]}
            </Badge>
          </Group>
          {entry.offer !== null && (
            <Text size="sm" mt="xs" role="status">
              Offered: {format.dateTime(entry.offer.starts_at)}, held until{' '}
              {format.dateTime(entry.offer.expires_at)}.
            </Text>
          )}
          <Group gap="xs" mt="xs">
            {entry.offer !== null && (
              <Button
                size="compact-md"
                loading={accept.isPending && accept.variables === entry.id}
                onClick={() => {
                  accept.mutate(entry.id, {
                    onSuccess: (appointment) => {
                      notifySuccess('Slot accepted', format.dateTime(appointment.starts_at));
                    },
                  });
                }}
              >
                Accept the offered slot
              </Button>
            )}
            <Button
              size="compact-md"
              variant="default"
              loading={leave.isPending && leave.variables === entry.id}
              onClick={() => {
                leave.mutate(entry.id);
              }}
            >
              Leave the waitlist
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
