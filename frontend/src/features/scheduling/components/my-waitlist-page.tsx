import { Button, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { addDays, isIsoDate } from '@/lib/dates';
import { todayIn } from '@/lib/format';
import { useHospital } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useDoctorDirectory } from '../api/get-doctor-directory';
import { useWaitlist } from '../api/get-waitlist';
import { useJoinWaitlist } from '../api/join-waitlist';
import { WaitlistEntries } from './waitlist-table';

/** A patient's waitlist: join a doctor's line, see an offered slot and accept it. */
export function MyWaitlistPage() {
  const hospital = useHospital();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const directory = useDoctorDirectory();
  const waitlist = useWaitlist(null);
  const join = useJoinWaitlist();
  const [doctor, setDoctor] = useState<string | null>(null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 14));
  const [reason, setReason] = useState('');
  const ready = doctor !== null && isIsoDate(from) && isIsoDate(to) && reason.trim() !== '';
  return (
    <Stack gap="md">
      <PageHeader
        title="My waitlist"
        description="No free slot that suits you? Wait in line: when a slot frees up, it is held for you for a while."
      />
      <Paper withBorder p="md" component="section" aria-labelledby="join-title">
        <Title order={2} size="h4" id="join-title" mb="xs">
          Join a waitlist
        </Title>
        <form noValidate
          aria-label="Join a waitlist"
          onSubmit={(event) => {
            event.preventDefault();
            if (!ready || join.isPending) return;
            join.mutate(
              { doctor: Number(doctor), date_from: from, date_to: to, reason: reason.trim() },
              {
                onSuccess: () => {
                  notifySuccess('On the waitlist', 'We will hold the next free slot for you.');
                  setReason('');
                },
              },
            );
          }}
        >
          <Stack gap="xs">
            <FormError error={join.error} shownFields={['doctor', 'reason']} title="Not joined" />
            <Select
              label="Doctor"
              required
              w={320}
              data={(directory.data?.results ?? []).map((item) => ({
                value: String(item.id),
                label: `${item.full_name} · ${item.department_name}`,
              }))}
              value={doctor}
              onChange={setDoctor}
            />
            <Group gap="xs" wrap="wrap">
              <DateField
                label="From"
                min={today}
                w={180}
                value={from}
                onChange={(value) => {
                  setFrom(value);
                }}
              />
              <DateField
                label="Until"
                min={from}
                w={180}
                value={to}
                onChange={(value) => {
                  setTo(value);
                }}
              />
            </Group>
            <Textarea
              label="Reason"
              required
              maxLength={1000}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
            <Group>
              <Button type="submit" loading={join.isPending} disabled={!ready}>
                Join the waitlist
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Title order={2} size="h4">
        My places in line
      </Title>
      {waitlist.isPending ? (
        <PanelLoader label="Loading your waitlist…" />
      ) : waitlist.isError ? (
        <LoadError what="your waitlist" error={waitlist.error} onRetry={waitlist.refetch} />
      ) : (
        <WaitlistEntries entries={waitlist.data.results} showPatient={false} />
      )}
    </Stack>
  );
}
