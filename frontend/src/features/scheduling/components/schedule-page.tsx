import {
  ActionIcon,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useSearchParams } from 'react-router';

import { DataTable } from '@/components/data-table';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { fieldErrors } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { addDays, isIsoDate, todayIn } from '@/lib/format';
import { useHospital, useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useAddTimeOff } from '../api/add-time-off';
import { useAvailability } from '../api/get-availability';
import { useTimeOff } from '../api/get-time-off';
import type { AvailabilityWindow } from '../api/keys';
import { useRemoveTimeOff } from '../api/remove-time-off';
import { useSetAvailability } from '../api/set-availability';
import { zonedIso } from './zoned';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { DateField } from '@/components/date-field';
import { dateWithin, focusFirstError, optionalText, validateWith, z } from '@/lib/forms';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_OPTIONS = WEEKDAYS.map((label, index) => ({ value: String(index), label }));

function WeekEditor({ doctor }: { doctor: number }) {
  const availability = useAvailability(doctor);
  if (availability.isPending) return <PanelLoader label="Loading the week…" />;
  if (availability.isError)
    return <LoadError what="the week" error={availability.error} onRetry={availability.refetch} />;
  return (
    <WeekForm
      key={availability.dataUpdatedAt}
      doctor={doctor}
      workingHours={availability.data.working_hours}
      initial={availability.data.windows.map(({ weekday, start_time, end_time }) => ({
        weekday,
        start_time,
        end_time,
      }))}
    />
  );
}

interface WeekFormProps {
  doctor: number;
  workingHours: string;
  initial: AvailabilityWindow[];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** The weekly hours: each window a weekday and a start before its end ("HH:MM"). */
export const weekSchema = z.object({
  windows: z.array(
    z
      .object({
        weekday: z.number().check(z.gte(0), z.lte(6)),
        start_time: z.string().check(z.regex(TIME, 'Enter a time like 09:00.')),
        end_time: z.string().check(z.regex(TIME, 'Enter a time like 13:00.')),
      })
      .check(
        z.refine(
          (row) => !TIME.test(row.start_time) || !TIME.test(row.end_time) || row.end_time > row.start_time,
          { error: 'The window must end after it starts.', path: ['end_time'] },
        ),
      ),
  ),
});

function WeekForm({ doctor, workingHours, initial }: WeekFormProps) {
  const save = useSetAvailability();
  const form = useForm<z.input<typeof weekSchema>>({
    initialValues: { windows: initial },
    validate: validateWith(weekSchema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(save.error));
  }, [save.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (save.isPending) return;
    const { windows } = weekSchema.parse(values);
    save.mutate(
      { doctor, windows },
      {
        onSuccess: () => {
          notifySuccess('Weekly hours saved', `${windows.length} window(s).`);
        },
      },
    );
  }, focusFirstError(form));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="week-title">
      <Title order={2} size="h4" id="week-title" mb="xs">
        Weekly hours
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Inside the hospital&apos;s hours ({workingHours}). No windows: the doctor
        sees patients in all of the hospital&apos;s hours.
      </Text>
      <form noValidate aria-label="Weekly hours" onSubmit={submit}>
        <Stack gap="xs">
          <FormError error={save.error} title="Not saved" shownFields={Object.keys(form.errors)} />
          {form.values.windows.map((row, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="wrap">
              <Select
                label="Day"
                w={150}
                data={WEEKDAY_OPTIONS}
                allowDeselect={false}
                value={String(row.weekday)}
                error={form.errors[`windows.${index}.weekday`]}
                onChange={(value) => {
                  form.setFieldValue(`windows.${index}.weekday`, Number(value ?? 0));
                }}
              />
              <TimeInput
                label="From"
                w={120}
                {...form.getInputProps(`windows.${index}.start_time`)}
              />
              <TimeInput
                label="Until"
                w={120}
                {...form.getInputProps(`windows.${index}.end_time`)}
              />
              <ActionIcon
                variant="default"
                size="lg"
                mt={24}
                aria-label={`Remove ${WEEKDAYS[row.weekday]} ${row.start_time}`}
                onClick={() => {
                  form.removeListItem('windows', index);
                }}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => {
                form.insertListItem('windows', { weekday: 0, start_time: '09:00', end_time: '13:00' });
              }}
            >
              Add a window
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save weekly hours
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type AddTimeOffBody = paths['/api/v1/time-off/']['post']['requestBody']['content']['application/json'];

/** Time off: whole days from the first to the last, and an optional reason. */
export function timeOffSchema(today: string) {
  return z
    .object({
      first: dateWithin('Enter the first day off.', {
        min: [today, 'Time off cannot start in the past.'],
      }),
      last: dateWithin('Enter the last day off.'),
      reason: optionalText().check(z.maxLength(200, 'At most 200 characters.')),
    })
    .check(
      z.refine((values) => !isIsoDate(values.first) || values.last >= values.first, {
        error: 'The last day cannot be before the first.',
        path: ['last'],
      }),
    );
}

function TimeOffEditor({ doctor }: { doctor: number }) {
  const hospital = useHospital();
  const format = useHospitalFormat();
  const timeZone = hospital.data?.time_zone ?? 'UTC';
  const today = todayIn(timeZone);
  const timeOff = useTimeOff(doctor);
  const add = useAddTimeOff();
  const remove = useRemoveTimeOff();
  const schema = timeOffSchema(today);
  const form = useForm<z.input<typeof schema>>({
    initialValues: { first: today, last: today, reason: '' },
    validate: validateWith(schema),
  });
  const { setErrors, setFieldValue, getValues, isTouched } = form;
  const affected = add.data?.affected_appointments ?? [];

  // The hospital's today, not the browser's, once its time zone is known (unless already chosen).
  useEffect(() => {
    if (!isTouched('first') && getValues().first !== today) setFieldValue('first', today);
    if (!isTouched('last') && getValues().last !== today) setFieldValue('last', today);
  }, [today, isTouched, getValues, setFieldValue]);

  useEffect(() => {
    setErrors(fieldErrors(add.error));
  }, [add.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (add.isPending) return;
    const { first, last, reason } = schema.parse(values);
    const body: AddTimeOffBody = {
      doctor,
      starts_at: zonedIso(first, '00:00', timeZone),
      ends_at: zonedIso(addDays(last, 1), '00:00', timeZone),
      reason,
    };
    add.mutate(body, {
      onSuccess: () => {
        notifySuccess('Time off added', `${format.date(first)} to ${format.date(last)}.`);
        form.setFieldValue('reason', '');
      },
    });
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="time-off-title">
      <Title order={2} size="h4" id="time-off-title" mb="xs">
        Time off
      </Title>
      <form noValidate aria-label="Add time off" onSubmit={submit}>
        <Stack gap="xs">
          <FormError error={add.error} shownFields={['reason']} title="Not added" />
          <Group gap="xs" align="flex-start" wrap="wrap">
            <DateField
              label="First day off"
              w={180}
              min={today}
              {...form.getInputProps('first')}
            />
            <DateField
              label="Last day off"
              w={180}
              min={form.values.first}
              {...form.getInputProps('last')}
            />
            <TextInput label="Reason (optional)" maxLength={200} {...form.getInputProps('reason')} />
          </Group>
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add time off
            </Button>
          </Group>
        </Stack>
      </form>
      {affected.length > 0 && (
        <Stack gap={4} mt="sm" role="status">
          <Text fw={600} size="sm">
            Appointments inside this time off, to move:
          </Text>
          <List size="sm">
            {affected.map((appointment) => (
              <List.Item key={appointment.id}>
                {format.dateTime(appointment.starts_at)}: {appointment.patient_details.full_name}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Title order={3} size="h5" mt="md" mb="xs">
        Planned
      </Title>
      <DataTable
        label="Planned time off"
        cardHeadingOrder={4}
        noun="time off"
        what="time off"
        loading={timeOff.isPending}
        error={timeOff.error}
        onRetry={timeOff.refetch}
        records={timeOff.data?.results}
        rowKey={(range) => range.id}
        striped={false}
        empty={{ title: 'None planned.' }}
        columns={[
          {
            key: 'from',
            header: 'From',
            card: 'title',
            render: (range) => format.dateTime(range.starts_at),
          },
          { key: 'to', header: 'Until', render: (range) => format.dateTime(range.ends_at) },
          {
            key: 'reason',
            header: 'Reason',
            render: (range) => (range.reason === '' ? '—' : range.reason),
          },
        ]}
        rowActions={(range) => (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={`Remove time off from ${format.dateTime(range.starts_at)}`}
            loading={remove.isPending && remove.variables === range.id}
            onClick={() => {
              remove.mutate(range.id);
            }}
          >
            Remove
          </Button>
        )}
      />
    </Paper>
  );
}

/** A doctor's weekly hours and time off (admin). */
export function SchedulePage() {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('doctor') ?? '');
  const doctor = Number.isInteger(raw) && raw > 0 ? raw : null;
  return (
    <Stack gap="md">
      <PageHeader
        title="Doctors' schedules"
        description="Each doctor's weekly hours and time off: free slots follow them."
      />
      <DoctorSelect
        label="Doctor"
        w={300}
        value={doctor}
        onChange={(value) => {
          setParams(value === null ? {} : { doctor: String(value) }, { replace: true });
        }}
      />
      {doctor === null ? (
        <Text>Choose a doctor.</Text>
      ) : (
        <>
          <WeekEditor key={`week-${doctor}`} doctor={doctor} />
          <TimeOffEditor key={`off-${doctor}`} doctor={doctor} />
        </>
      )}
    </Stack>
  );
}
