import { Badge, Button, Stack, Text } from '@mantine/core';

import { DataTable } from '@/components/data-table';
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
  /** The entries, in line order; undefined while loading or after an error. */
  entries: WaitlistEntry[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => unknown;
  /** The admin sees whose entry each one is, and its place in line. */
  showPatient: boolean;
  /** What could not be loaded, e.g. "your waitlist". */
  what: string;
}

/** Waitlist entries: the offer (if any) with Accept, and Leave. */
export function WaitlistEntries({
  entries,
  loading,
  error,
  onRetry,
  showPatient,
  what,
}: WaitlistEntriesProps) {
  const format = useHospitalFormat();
  const accept = useAcceptOffer();
  const leave = useLeaveWaitlist();
  const place = (entry: WaitlistEntry) => (entries ?? []).indexOf(entry) + 1;
  const name = (entry: WaitlistEntry) =>
    showPatient ? `${entry.patient_name}, ${entry.doctor_name}` : entry.doctor_name;
  return (
    <Stack gap="sm">
      <FormError error={accept.error ?? leave.error} title="Not done" />
      <DataTable
        label="Waitlist"
        cardHeadingOrder={showPatient ? 2 : 3}
        noun="waitlist entries"
        what={what}
        loading={loading}
        error={error}
        onRetry={onRetry}
        records={entries}
        rowKey={(entry) => entry.id}
        empty={{ title: 'Nobody is waiting.' }}
        columns={[
          ...(showPatient
            ? [
                {
                  key: 'patient',
                  header: 'Patient',
                  card: 'title' as const,
                  render: (entry: WaitlistEntry) => `${place(entry)}. ${entry.patient_name}`,
                },
              ]
            : []),
          {
            key: 'doctor',
            header: 'Doctor',
            card: showPatient ? undefined : 'title',
            render: (entry) => entry.doctor_name,
          },
          {
            key: 'dates',
            header: 'Dates',
            render: (entry) =>
              `Any day from ${format.date(entry.date_from)} to ${format.date(entry.date_to)}`,
          },
          {
            key: 'status',
            header: 'Status',
            render: (entry) => (
              <Stack gap={4} align="flex-start">
                <Badge variant="light" c="dark.7" tt="none">
                  {STATUS_LABEL[entry.status]}
                </Badge>
                {entry.offer !== null && (
                  <Text size="sm" role="status">
                    Offered: {format.dateTime(entry.offer.starts_at)}, held until{' '}
                    {format.dateTime(entry.offer.expires_at)}.
                  </Text>
                )}
              </Stack>
            ),
          },
        ]}
        rowActions={(entry) => (
          <>
            {entry.offer !== null && (
              <Button
                size="compact-md"
                aria-label={`Accept the offered slot, ${name(entry)}`}
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
              aria-label={`Leave the waitlist, ${name(entry)}`}
              loading={leave.isPending && leave.variables === entry.id}
              onClick={() => {
                leave.mutate(entry.id);
              }}
            >
              Leave the waitlist
            </Button>
          </>
        )}
      />
    </Stack>
  );
}
