import { Button, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';

import { FormError } from '@/components/form-error';
import {
  PersonFields,
  personFieldNames,
  personInitialValues,
  personShape,
} from '@/components/person-fields';
import { fieldErrors } from '@/lib/api/errors';
import { useDoctorDirectory } from '@/lib/api/resources/doctors';
import { focusFirstField } from '@/lib/focus-first-field';
import { requiredText, validateWith, z } from '@/lib/forms';

import type { SignUpPatientBody } from '../api/sign-up-patient';
import { useSignUpPatient } from '../api/sign-up-patient';

const PERSON = { login: true, dateOfBirth: true } as const;

export const signUpPatientSchema = z.object({
  ...personShape(PERSON),
  symptoms: requiredText('Symptoms is required.'),
  preferred_doctor: z.pipe(
    z.nullable(z.string()),
    z.transform((value) => (value === null || value === '' ? null : Number(value))),
  ),
});

type PatientValues = z.input<typeof signUpPatientSchema>;

const SHOWN_FIELDS = [...personFieldNames(PERSON), 'symptoms', 'preferred_doctor'];

export function SignUpPatientForm({ onSuccess }: { onSuccess: () => void }) {
  const directory = useDoctorDirectory();
  const signUp = useSignUpPatient();
  const form = useForm<PatientValues>({
    mode: 'uncontrolled',
    initialValues: {
      ...personInitialValues,
      symptoms: '',
      preferred_doctor: null,
    },
    validate: validateWith(signUpPatientSchema),
  });

  const doctorOptions = (directory.data?.results ?? []).map((doctor) => ({
    value: String(doctor.id),
    label: `${doctor.full_name} (${doctor.department_name})`,
  }));

  const submit = form.onSubmit((values) => {
    if (signUp.isPending) return;
    const { email, ...rest }: SignUpPatientBody = signUpPatientSchema.parse(values);
    const body: SignUpPatientBody = { ...rest, ...(email === '' ? {} : { email }) };
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
        <PersonFields form={form} filledBy="self" focusFirst {...PERSON} />
        <Textarea
          label="Symptoms"
          description="What brings you to the hospital"
          autosize
          minRows={2}
          required
          key={form.key('symptoms')}
          {...form.getInputProps('symptoms')}
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
