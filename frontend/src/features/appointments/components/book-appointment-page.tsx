import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { paths } from '@/config/paths';
import { ApiError, fieldErrors } from '@/lib/api/errors';
import { type BookAppointmentBody, useBookAppointment, useFreeSlots } from '@/lib/api/resources/appointments';
import { useDoctorDirectory } from '@/lib/api/resources/doctors';
import type { components } from '@/lib/api/schema';
import { useCurrentUser } from '@/lib/auth/session';
import { todayIn } from '@/lib/format';
import { dateWithin, requiredChoice, requiredText, validateWith, z } from '@/lib/forms';
import { useHospitalFormat } from '@/lib/hospital';


type Appointment = components['schemas']['Appointment'];

/** A patient's booking request; the day is only for finding the free times, not sent. */
export function bookingSchema(today: string) {
  return z.pipe(
    z.object({
      doctor: requiredChoice('Choose a doctor.'),
      date: dateWithin('Choose a date.', { min: [today, 'Choose today or a later day.'] }),
      starts_at: requiredText('Choose a time.'),
      reason: requiredText('Say briefly why you want to be seen.'),
    }),
    z.transform(({ doctor, starts_at, reason }) => ({ doctor: Number(doctor), starts_at, reason })),
  );
}

type BookingValues = z.input<ReturnType<typeof bookingSchema>>;

const SLOT_TAKEN_MESSAGE = 'This slot was just taken, choose another.';

const SHOWN_FIELDS = ['doctor', 'starts_at', 'reason'];

function BookingRequested({ appointment, onAgain }: { appointment: Appointment; onAgain: () => void }) {
  const format = useHospitalFormat();
  return (
    <Alert color="green" variant="light" title="Request sent: waiting for approval" role="status">
      <Stack gap="sm">
        <Text>
          You asked for an appointment with Dr. {appointment.doctor_name} on{' '}
          {format.dateTime(appointment.starts_at)}. It is not confirmed yet: it waits for the
          hospital&apos;s approval. You will see its status under “My appointments”.
        </Text>
        <Group gap="sm">
          <Button component={Link} to={paths.patient.appointments.getHref()}>
            See my appointments
          </Button>
          <Button variant="default" onClick={onAgain}>
            Book another appointment
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** "Book an appointment": a doctor, a date, one of the free slots and a reason. */
export function BookAppointmentPage() {
  const user = useCurrentUser();
  const format = useHospitalFormat();
  const directory = useDoctorDirectory();
  const book = useBookAppointment();
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [slotTaken, setSlotTaken] = useState(false);

  const today = todayIn(format.hospital?.time_zone ?? 'UTC');
  const form = useForm<BookingValues>({
    mode: 'controlled',
    initialValues: {
      doctor: user.assigned_doctor === null ? null : String(user.assigned_doctor),
      date: '',
      starts_at: '',
      reason: '',
    },
    validate: validateWith(bookingSchema(today)),
    onValuesChange: (values, previous) => {
      // A time belongs to one doctor's day: a new doctor or date needs a new choice.
      if (values.doctor !== previous.doctor || values.date !== previous.date) {
        if (values.starts_at !== '') form.setFieldValue('starts_at', '');
        setSlotTaken(false);
      }
    },
  });

  const doctorId = form.values.doctor === null ? null : Number(form.values.doctor);
  const slots = useFreeSlots(doctorId, form.values.date);
  const doctorOptions = (directory.data?.results ?? []).map((doctor) => ({
    value: String(doctor.id),
    label: `Dr. ${doctor.full_name} (${doctor.department_name})`,
  }));

  const submit = form.onSubmit((values) => {
    if (book.isPending) return;
    setSlotTaken(false);
    const body: BookAppointmentBody = bookingSchema(today).parse(values);
    book.mutate(body, {
      onSuccess: (appointment) => {
        setBooked(appointment);
        notifications.show({
          color: 'green',
          title: 'Appointment requested',
          message: 'It waits for the hospital’s approval.',
        });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'SLOT_TAKEN') {
          setSlotTaken(true);
          form.setFieldValue('starts_at', '');
          return;
        }
        form.setErrors(fieldErrors(error));
      },
    });
  });

  if (booked !== null) {
    return (
      <Stack gap="lg" maw={640}>
        <Title order={1}>Book an appointment</Title>
        <BookingRequested
          appointment={booked}
          onAgain={() => {
            setBooked(null);
            book.reset();
            form.setValues({ starts_at: '', reason: '' });
          }}
        />
      </Stack>
    );
  }

  const slotsPanel = (() => {
    if (doctorId === null || form.values.date === '') {
      return <Text c="dimmed">Choose a doctor and a date to see the free times.</Text>;
    }
    if (slots.isPending) {
      return (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-label="Loading free times…" />
          <Text>Loading free times…</Text>
        </Group>
      );
    }
    if (slots.isError) {
      return <LoadError error={slots.error} what="the free times" onRetry={slots.refetch} />;
    }
    if (slots.data.length === 0) {
      return (
        <Text role="status">
          No free times on {format.date(form.values.date)}. Choose another date.
        </Text>
      );
    }
    return (
      <Radio.Group
        label="Time"
        description={`Free times on ${format.date(form.values.date)}, hospital time`}
        required
        {...form.getInputProps('starts_at')}
      >
        <SimpleGrid cols={{ base: 3, xs: 4, sm: 6 }} spacing="xs" mt="xs">
          {slots.data.map((slot) => (
            <Radio key={slot.starts_at} value={slot.starts_at} label={format.time(slot.starts_at)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
    );
  })();

  const otherError = book.error instanceof ApiError && book.error.code === 'SLOT_TAKEN' ? null : book.error;

  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1}>Book an appointment</Title>
        <Text c="dimmed">
          Your request goes to the hospital, which confirms it or suggests another time.
        </Text>
      </div>
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate aria-label="Book an appointment">
          <Stack gap="md">
            {slotTaken && (
              <Alert color="orange" variant="light" role="alert" title="Slot taken">
                {SLOT_TAKEN_MESSAGE}
              </Alert>
            )}
            <FormError error={otherError} shownFields={SHOWN_FIELDS} title="Could not book" />
            {directory.isError ? (
              <LoadError error={directory.error} what="the doctors" onRetry={directory.refetch} />
            ) : (
              <Select
                label="Doctor"
                placeholder={directory.isPending ? 'Loading doctors…' : 'Choose a doctor'}
                data={doctorOptions}
                disabled={directory.isPending}
                searchable
                required
                nothingFoundMessage="No doctor matches"
                {...form.getInputProps('doctor')}
              />
            )}
            <DateField
              label="Date"
              description="Hospital time"
              min={today}
              required
              {...form.getInputProps('date')}
            />
            {slotsPanel}
            <Textarea
              label="Reason"
              description="What you would like to see the doctor about"
              autosize
              minRows={2}
              maxLength={1000}
              required
              {...form.getInputProps('reason')}
            />
            <Group>
              <Button type="submit" loading={book.isPending}>
                Request appointment
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
