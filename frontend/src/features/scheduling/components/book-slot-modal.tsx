import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';

import { FormError } from '@/components/form-error';
import { PatientSelect } from '@/components/pickers/patient-select';
import { fieldErrors } from '@/lib/api/errors';
import { useBookAppointment } from '@/lib/api/resources/appointments';
import { requiredId, requiredText, validateWith, z } from '@/lib/forms';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import type { CalendarDoctor, Slot } from '../api/keys';

interface BookSlotModalProps {
  target: { doctor: CalendarDoctor; slot: Slot } | null;
  onClose: () => void;
}

/** The patient and the reason for a slot chosen on the calendar. */
export const bookSlotSchema = z.object({
  patient: requiredId('Choose the patient.'),
  reason: requiredText('Say why the patient wants to be seen.').check(
    z.maxLength(1000, 'At most 1000 characters.'),
  ),
});

/** Book a patient into a free slot chosen on the calendar (admin): confirmed at once. */
export function BookSlotModal({ target, onClose }: BookSlotModalProps) {
  const format = useHospitalFormat();
  const book = useBookAppointment();
  const form = useForm<z.input<typeof bookSlotSchema>>({
    initialValues: { patient: null, reason: '' },
    validate: validateWith(bookSlotSchema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(book.error));
  }, [book.error, setErrors]);

  const close = () => {
    form.reset();
    book.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (target === null || book.isPending) return;
    book.mutate(
      { doctor: target.doctor.id, starts_at: target.slot.starts_at, ...bookSlotSchema.parse(values) },
      {
        onSuccess: (appointment) => {
          notifySuccess(
            'Appointment booked',
            `${appointment.patient_details.full_name} with ${appointment.doctor_name}, ${format.dateTime(appointment.starts_at)}.`,
          );
          close();
        },
      },
    );
  });

  return (
    <Modal opened={target !== null} onClose={close} title="Book this slot" centered>
      {target !== null && (
        <form noValidate aria-label="Book this slot" onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">
              {target.doctor.full_name}, {format.dateTime(target.slot.starts_at)}
            </Text>
            <FormError error={book.error} shownFields={['patient', 'reason']} title="Not booked" />
            <PatientSelect label="Patient" required {...form.getInputProps('patient')} />
            <Textarea label="Reason" required maxLength={1000} {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Back
              </Button>
              <Button type="submit" loading={book.isPending}>
                Book
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
