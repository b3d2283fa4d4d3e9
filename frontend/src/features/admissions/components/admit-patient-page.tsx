import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { PageHeader } from '@/components/page-header';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { PatientSelect } from '@/components/pickers/patient-select';
import { paths } from '@/config/paths';
import { fieldErrors } from '@/lib/api/errors';
import { usePatient } from '@/lib/api/resources/patients';
import { todayIn } from '@/lib/format';
import {
  dateWithin,
  optionalAmount,
  optionalText,
  requiredId,
  requiredText,
  validateWith,
  z,
} from '@/lib/forms';
import { useHospital } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import type { AdmitBody } from '../api/admit-patient';
import { useAdmitPatient } from '../api/admit-patient';

/** The admission form's schema; the date cannot be after the hospital's `today`. */
export function admitSchema(today: string) {
  return z.object({
    patient: requiredId('Choose the patient.'),
    doctor: requiredId('Choose the attending doctor.'),
    admitted_on: dateWithin('Enter the admission date.', {
      max: [today, 'The admission date cannot be in the future.'],
    }),
    symptoms: requiredText('Symptoms or reason is required.'),
    room: optionalText(),
    room_charge_per_day: optionalAmount(),
  });
}

type AdmitValues = z.input<ReturnType<typeof admitSchema>>;

const SHOWN_FIELDS = ['patient', 'doctor', 'admitted_on', 'symptoms', 'room', 'room_charge_per_day'];

/** Admit an approved patient (admin): doctor, date, reason, room and daily rate. */
export function AdmitPatientPage() {
  const hospital = useHospital();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const admit = useAdmitPatient();
  const form = useForm<AdmitValues>({
    validateInputOnBlur: ['admitted_on', 'room_charge_per_day'],
    initialValues: {
      patient: idFrom(searchParams.get('patient') ?? undefined),
      doctor: null,
      admitted_on: today,
      symptoms: '',
      room: '',
      room_charge_per_day: '',
    },
    validate: validateWith(admitSchema(today)),
  });
  const { setErrors, setFieldValue, getValues, isTouched } = form;
  const patient = usePatient(form.values.patient);

  // The form opens before the hospital's settings arrive; the default date is the hospital's
  // today (not the browser's), so it follows the time zone once known unless the admin chose one.
  useEffect(() => {
    if (!isTouched('admitted_on') && getValues().admitted_on !== today) {
      setFieldValue('admitted_on', today);
    }
  }, [today, isTouched, getValues, setFieldValue]);

  // A chosen patient brings their doctor and symptoms, once per patient; the admin may change both.
  const filledFor = useRef<number | null>(null);
  useEffect(() => {
    const chosen = patient.data;
    if (chosen === undefined || filledFor.current === chosen.id) return;
    filledFor.current = chosen.id;
    if (chosen.assigned_doctor !== null) setFieldValue('doctor', chosen.assigned_doctor);
    if (getValues().symptoms.trim() === '') setFieldValue('symptoms', chosen.symptoms);
  }, [patient.data, setFieldValue, getValues]);

  useEffect(() => {
    setErrors(fieldErrors(admit.error));
  }, [admit.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (admit.isPending) return;
    const body: AdmitBody = admitSchema(today).parse(values);
    admit.mutate(
      body,
      {
        onSuccess: (admission) => {
          notifySuccess(
            'Patient admitted',
            `${admission.patient_name} is admitted under ${admission.doctor_name}.`,
          );
          void navigate(paths.admin.admission.getHref(admission.id));
        },
      },
    );
  });

  const chosen = patient.data;
  const knownPatients =
    chosen === undefined ? [] : [{ value: chosen.id, label: chosen.full_name }];
  const knownDoctors =
    chosen === undefined || chosen.assigned_doctor === null || chosen.assigned_doctor_name === null
      ? []
      : [{ value: chosen.assigned_doctor, label: chosen.assigned_doctor_name }];

  return (
    <Stack gap="md">
      <PageHeader
        title="Admit a patient"
        description="The attending doctor becomes the patient's assigned doctor."
        back={{ to: paths.admin.admissions.getHref(), label: 'Admissions' }}
      />
      <form onSubmit={submit} noValidate aria-label="Admit a patient">
        <Stack gap="md" maw={720}>
          <FormError error={admit.error} shownFields={SHOWN_FIELDS} title="Not admitted" />
          <PatientSelect
            label="Patient"
            required
            disableBlocked
            knownOptions={knownPatients}
            {...form.getInputProps('patient')}
          />
          <DoctorSelect
            label="Attending doctor"
            required
            knownOptions={knownDoctors}
            {...form.getInputProps('doctor')}
          />
          <DateField
            label="Admission date"
            required
            max={today}
            {...form.getInputProps('admitted_on')}
          />
          <Textarea
            label="Symptoms or reason"
            required
            autosize
            minRows={2}
            {...form.getInputProps('symptoms')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Room or bed"
              description="Optional, e.g. Ward B, bed 4"
              {...form.getInputProps('room')}
            />
            <TextInput
              label="Daily room rate"
              description={`Optional; proposed at discharge (${hospital.data?.currency ?? ''})`}
              inputMode="decimal"
              {...form.getInputProps('room_charge_per_day')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={admit.isPending}>
              Admit patient
            </Button>
            <Button
              variant="default"
              disabled={admit.isPending}
              onClick={() => void navigate(paths.admin.admissions.getHref())}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
