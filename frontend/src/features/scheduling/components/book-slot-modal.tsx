import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { PatientSelect } from '@/components/pickers/patient-select';
import { useBookAppointment } from '@/lib/api/resources/appointments';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import type { CalendarDoctor, Slot } from '../api/keys';

interface BookSlotModalProps {
  target: { doctor: CalendarDoctor; slot: Slot } | null;
  onClose: () => void;
}

/** Book a patient into a free slot chosen on the calendar (admin): confirmed at once. */
export function BookSlotModal({ target, onClose }: BookSlotModalProps) {
  const format = useHospitalFormat();
  const book = useBookAppointment();
  const [patient, setPatient] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const close = () => {
    setPatient(null);
    setReason('');
    book.reset();
    onClose();
  };
  const ready = target !== null && patient !== null && reason.trim() !== '';
  return (
    <Modal opened={target !== null} onClose={close} title="Book this slot" centered>
      {target !== null && (
        <form noValidate
          aria-label="Book this slot"
          onSubmit={(event) => {
            event.preventDefault();
            if (!ready || book.isPending) return;
            book.mutate(
              {
                doctor: target.doctor.id,
                patient,
                starts_at: target.slot.starts_at,
                reason: reason.trim(),
              },
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
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {target.doctor.full_name}, {format.dateTime(target.slot.starts_at)}
            </Text>
            <FormError error={book.error} shownFields={['patient', 'reason']} title="Not booked" />
            <PatientSelect label="Patient" required value={patient} onChange={setPatient} />
            <Textarea
              label="Reason"
              required
              maxLength={1000}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Back
              </Button>
              <Button type="submit" loading={book.isPending} disabled={!ready}>
                Book
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
