import { Button, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';

import { FormError } from '@/components/form-error';
import { PageHeader } from '@/components/page-header';
import { addDays, isIsoDate, todayIn } from '@/lib/format';
import { useDoctorDirectory } from '@/lib/api/resources/doctors';
import { useHospital } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useWaitlist } from '../api/get-waitlist';
import { useJoinWaitlist } from '../api/join-waitlist';
import { WaitlistEntries } from './waitlist-table';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { DateField } from '@/components/date-field';
import { fieldErrors } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { dateWithin, requiredChoice, requiredText, validateWith, z } from '@/lib/forms';

type JoinWaitlistBody = paths['/api/v1/waitlist/']['post']['requestBody']['content']['application/json'];

/** Joining a doctor's waitlist: the doctor, the days that suit and why. */
export function waitlistSchema(today: string) {
  return z
    .object({
      doctor: z.pipe(
        requiredChoice('Choose a doctor.'),
        z.transform((value) => Number(value)),
      ),
      date_from: dateWithin('Enter the first day that suits you.', {
        min: [today, 'Choose today or a later day.'],
      }),
      date_to: dateWithin('Enter the last day that suits you.'),
      reason: requiredText('Give a reason.').check(z.maxLength(1000, 'At most 1000 characters.')),
    })
    .check(
      z.refine((values) => !isIsoDate(values.date_from) || values.date_to >= values.date_from, {
        error: 'The last day cannot be before the first.',
        path: ['date_to'],
      }),
    );
}

/** A patient's waitlist: join a doctor's line, see an offered slot and accept it. */
export function MyWaitlistPage() {
  const hospital = useHospital();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const directory = useDoctorDirectory();
  const waitlist = useWaitlist(null);
  const join = useJoinWaitlist();
  const schema = waitlistSchema(today);
  const form = useForm<z.input<typeof schema>>({
    initialValues: { doctor: null, date_from: today, date_to: addDays(today, 14), reason: '' },
    validate: validateWith(schema),
  });
  const { setErrors, setFieldValue, getValues, isTouched } = form;

  // The hospital's today, not the browser's, once its time zone is known (unless already chosen).
  useEffect(() => {
    if (!isTouched('date_from') && getValues().date_from !== today) setFieldValue('date_from', today);
    const until = addDays(today, 14);
    if (!isTouched('date_to') && getValues().date_to !== until) setFieldValue('date_to', until);
  }, [today, isTouched, getValues, setFieldValue]);

  useEffect(() => {
    setErrors(fieldErrors(join.error));
  }, [join.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (join.isPending) return;
    const body: JoinWaitlistBody = schema.parse(values);
    join.mutate(body, {
      onSuccess: () => {
        notifySuccess('On the waitlist', 'We will hold the next free slot for you.');
        form.setFieldValue('reason', '');
      },
    });
  });

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
        <form noValidate aria-label="Join a waitlist" onSubmit={submit}>
          <Stack gap="xs">
            <FormError
              error={join.error}
              shownFields={['doctor', 'date_from', 'date_to', 'reason']}
              title="Not joined"
            />
            <Select
              label="Doctor"
              required
              w={320}
              data={(directory.data?.results ?? []).map((item) => ({
                value: String(item.id),
                label: `${item.full_name} · ${item.department_name}`,
              }))}
              {...form.getInputProps('doctor')}
            />
            <Group gap="xs" wrap="wrap" align="flex-start">
              <DateField label="From" required min={today} w={180} {...form.getInputProps('date_from')} />
              <DateField
                label="Until"
                required
                min={form.values.date_from}
                w={180}
                {...form.getInputProps('date_to')}
              />
            </Group>
            <Textarea label="Reason" required maxLength={1000} {...form.getInputProps('reason')} />
            <Group>
              <Button type="submit" loading={join.isPending}>
                Join the waitlist
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Title order={2} size="h4">
        My places in line
      </Title>
      <WaitlistEntries
        entries={waitlist.data?.results}
        loading={waitlist.isPending}
        error={waitlist.error}
        onRetry={waitlist.refetch}
        what="your waitlist"
        showPatient={false}
      />
    </Stack>
  );
}
