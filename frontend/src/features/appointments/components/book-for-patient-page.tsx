import {
  Button,
  Chip,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { PatientSelect } from '@/components/pickers/patient-select';
import { paths } from '@/config/paths';
import { fieldErrors } from '@/lib/api/errors';
import type { BookAppointmentBody as AdminBookBody } from '@/lib/api/resources/appointments';
import { useBookAppointment, useFreeSlots } from '@/lib/api/resources/appointments';
import { usePatient } from '@/lib/api/resources/patients';
import { isIsoDate, todayIn } from '@/lib/format';
import {
  dateWithin,
  requiredChoice,
  requiredId,
  requiredText,
  validateWith,
  z,
} from '@/lib/forms';
import { useHospital, useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

/** An appointment the admin books; the day is only for finding the free slots, not sent. */
export function adminBookingSchema(today: string) {
  return z.pipe(
    z.object({
      patient: requiredId('Choose the patient.'),
      doctor: requiredId('Choose the doctor.'),
      date: dateWithin('Choose a day.', { min: [today, 'Choose today or a later day.'] }),
      starts_at: requiredChoice('Choose a free slot.'),
      reason: requiredText('Say why the patient wants to be seen.'),
    }),
    z.transform(({ patient, doctor, starts_at, reason }) => ({ patient, doctor, starts_at, reason })),
  );
}

type BookValues = z.input<ReturnType<typeof adminBookingSchema>>;

const SHOWN_FIELDS = ['patient', 'doctor', 'starts_at', 'reason'];

/** Book an appointment for a patient (admin): doctor, day, a free slot, the reason. */
export function BookAppointmentPage() {
  const hospital = useHospital();
  const format = useHospitalFormat();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const book = useBookAppointment();
  const form = useForm<BookValues>({
    initialValues: {
      patient: idFrom(searchParams.get('patient') ?? undefined),
      doctor: null,
      date: today,
      starts_at: null,
      reason: '',
    },
    validate: validateWith(adminBookingSchema(today)),
  });
  const { setErrors, setFieldValue, getValues, isTouched } = form;
  const { values } = form;

  // The hospital's today, not the browser's, once its time zone is known (unless already chosen).
  useEffect(() => {
    if (!isTouched('date') && getValues().date !== today) setFieldValue('date', today);
  }, [today, isTouched, getValues, setFieldValue]);
  const patient = usePatient(values.patient);
  const slots = useFreeSlots(values.doctor, isIsoDate(values.date) ? values.date : null);

  // A patient from their page brings their assigned doctor, once.
  const filledFor = useRef<number | null>(null);
  useEffect(() => {
    const chosen = patient.data;
    if (chosen === undefined || filledFor.current === chosen.id) return;
    filledFor.current = chosen.id;
    if (chosen.assigned_doctor !== null) setFieldValue('doctor', chosen.assigned_doctor);
  }, [patient.data, setFieldValue]);

  useEffect(() => {
    setErrors(fieldErrors(book.error));
  }, [book.error, setErrors]);

  const submit = form.onSubmit((entered) => {
    if (book.isPending) return;
    const body: AdminBookBody = adminBookingSchema(today).parse(entered);
    book.mutate(
      body,
      {
        onSuccess: (appointment) => {
          notifySuccess(
            'Appointment booked',
            `${appointment.patient_details.full_name} with ${appointment.doctor_name}, ${format.dateTime(appointment.starts_at)}.`,
          );
          void navigate(paths.admin.appointments.getHref('CONFIRMED'));
        },
        onError: () => {
          setFieldValue('starts_at', null);
        },
      },
    );
  });

  const chosen = patient.data;
  const knownPatients = chosen === undefined ? [] : [{ value: chosen.id, label: chosen.full_name }];
  const knownDoctors =
    chosen === undefined || chosen.assigned_doctor === null || chosen.assigned_doctor_name === null
      ? []
      : [{ value: chosen.assigned_doctor, label: chosen.assigned_doctor_name }];
  const slotError = form.errors.starts_at;

  return (
    <Stack gap="md">
      <PageHeader
        title="Book an appointment"
        description="An appointment the hospital books is confirmed at once."
        back={{ to: paths.admin.appointments.getHref(), label: 'Appointments' }}
      />
      <form onSubmit={submit} noValidate aria-label="Book an appointment">
        <Stack gap="md" maw={760}>
          <FormError error={book.error} shownFields={SHOWN_FIELDS} title="Not booked" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PatientSelect
              label="Patient"
              required
              knownOptions={knownPatients}
              {...form.getInputProps('patient')}
            />
            <DoctorSelect
              label="Doctor"
              required
              knownOptions={knownDoctors}
              {...form.getInputProps('doctor')}
              onChange={(value) => {
                setFieldValue('doctor', value);
                setFieldValue('starts_at', null);
              }}
            />
          </SimpleGrid>
          <DateField
            label="Day"
            required
            min={today}
            w={220}
            {...form.getInputProps('date')}
            onChange={(value) => {
              setFieldValue('date', value);
              setFieldValue('starts_at', null);
            }}
          />
          <Fieldset legend="Free slots" variant="unstyled" aria-describedby="slots-help">
            <Text id="slots-help" size="sm" c="dimmed" mb="xs">
              Times in the hospital&apos;s time zone ({hospital.data?.time_zone ?? '…'}).
            </Text>
            {values.doctor === null || !isIsoDate(values.date) ? (
              <Text size="sm">Choose a doctor and a day to see the free slots.</Text>
            ) : slots.isPending ? (
              <PanelLoader label="Loading free slots…" />
            ) : slots.isError ? (
              <LoadError what="the free slots" error={slots.error} onRetry={slots.refetch} />
            ) : slots.data.length === 0 ? (
              <Text size="sm">No free slots on this day. Try another day.</Text>
            ) : (
              <Chip.Group
                multiple={false}
                value={values.starts_at}
                onChange={(value) => {
                  setFieldValue('starts_at', value);
                }}
              >
                <Group gap="xs">
                  {slots.data.map((slot) => (
                    <Chip key={slot.starts_at} value={slot.starts_at} type="radio" size="sm">
                      {format.time(slot.starts_at)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            )}
            {slotError !== undefined && slotError !== null && (
              <Text size="sm" c="var(--mantine-color-error)" mt="xs" role="alert">
                {slotError}
              </Text>
            )}
          </Fieldset>
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('reason')}
          />
          <Group>
            <Button type="submit" loading={book.isPending}>
              Book appointment
            </Button>
            <Button
              variant="default"
              disabled={book.isPending}
              onClick={() => void navigate(paths.admin.appointments.getHref())}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
