import { Button, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';

import { FormError } from '@/components/form-error';
import { fieldErrors } from '@/lib/api/errors';
import { useDoctorDirectory } from '@/lib/api/resources/doctors';
import { focusFirstField } from '@/lib/focus-first-field';
import { todayIn } from '@/lib/format';
import { useHospital } from '@/lib/hospital';

import type { SignUpPatientBody } from '../api/sign-up-patient';
import { useSignUpPatient } from '../api/sign-up-patient';
import type { AccountValues } from './account-fields';
import {
  ACCOUNT_FIELDS,
  AccountFields,
  accountBody,
  accountInitialValues,
  accountValidation,
  required,
} from './account-fields';

interface PatientValues extends AccountValues {
  mobile: string;
  address: string;
  symptoms: string;
  date_of_birth: string | null;
  preferred_doctor: string | null;
}

const SHOWN_FIELDS = [
  ...ACCOUNT_FIELDS,
  'mobile',
  'address',
  'symptoms',
  'date_of_birth',
  'preferred_doctor',
];

export function SignUpPatientForm({ onSuccess }: { onSuccess: () => void }) {
  const directory = useDoctorDirectory();
  const hospital = useHospital();
  const signUp = useSignUpPatient();
  const form = useForm<PatientValues>({
    mode: 'uncontrolled',
    initialValues: {
      ...accountInitialValues,
      mobile: '',
      address: '',
      symptoms: '',
      date_of_birth: null,
      preferred_doctor: null,
    },
    validate: {
      ...accountValidation,
      mobile: required('Mobile'),
      address: required('Address'),
      symptoms: required('Symptoms'),
    },
  });

  const doctorOptions = (directory.data?.results ?? []).map((doctor) => ({
    value: String(doctor.id),
    label: `${doctor.full_name} (${doctor.department_name})`,
  }));

  const submit = form.onSubmit((values) => {
    if (signUp.isPending) return;
    const body: SignUpPatientBody = {
      ...accountBody(values),
      mobile: values.mobile.trim(),
      address: values.address.trim(),
      symptoms: values.symptoms.trim(),
      ...(values.date_of_birth === null ? {} : { date_of_birth: values.date_of_birth }),
      ...(values.preferred_doctor === null
        ? {}
        : { preferred_doctor: Number(values.preferred_doctor) }),
    };
    signUp.mutate(body, {
      onSuccess,
      onError: (error) => {
        form.setErrors(fieldErrors(error));
      },
    });
  });

  return (
    <form ref={focusFirstField} onSubmit={submit} noValidate aria-label="Patient sign-up">
      <Stack gap="md">
        <FormError error={signUp.error} shownFields={SHOWN_FIELDS} title="Sign-up failed" />
        <AccountFields form={form} />
        <TextInput
          label="Mobile"
          type="tel"
          autoComplete="tel"
          required
          key={form.key('mobile')}
          {...form.getInputProps('mobile')}
        />
        <Textarea
          label="Address"
          autoComplete="street-address"
          autosize
          minRows={2}
          required
          key={form.key('address')}
          {...form.getInputProps('address')}
        />
        <Textarea
          label="Symptoms"
          description="What brings you to the hospital"
          autosize
          minRows={2}
          required
          key={form.key('symptoms')}
          {...form.getInputProps('symptoms')}
        />
        <DateInput
          label="Date of birth"
          description="Optional"
          valueFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
          clearable
          maxDate={todayIn(hospital.data?.time_zone ?? 'UTC')}
          key={form.key('date_of_birth')}
          {...form.getInputProps('date_of_birth')}
        />
        <Select
          label="Preferred doctor"
          description={
            directory.isError
              ? 'Could not load the doctors. You can still sign up; the hospital assigns your doctor.'
              : 'Optional. The hospital confirms or assigns your doctor.'
          }
          placeholder={directory.isPending ? 'Loading doctors…' : 'No preference'}
          data={doctorOptions}
          disabled={directory.isPending}
          searchable
          clearable
          nothingFoundMessage="No doctor matches"
          key={form.key('preferred_doctor')}
          {...form.getInputProps('preferred_doctor')}
        />
        <Button type="submit" loading={signUp.isPending}>
          Sign up as a patient
        </Button>
      </Stack>
    </form>
  );
}
