import { Button, Chip, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { PanelLoader } from '@/components/panel-loader';
import { StatusBadge } from '@/components/status-badge';
import { useAppointment, useCancelAppointment, useFreeSlots } from '@/lib/api/resources/appointments';
import { formatPhone, isIsoDate } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useRescheduleAppointment } from '../api/reschedule-appointment';

interface AppointmentModalProps {
  id: number | null;
  /** The admin may reschedule or cancel from here. */
  canChange: boolean;
  onClose: () => void;
}

const ACTIVE = new Set(['PENDING', 'CONFIRMED']);

/** One appointment opened from the calendar; the admin moves or cancels it. */
export function AppointmentModal({ id, canChange, onClose }: AppointmentModalProps) {
  const format = useHospitalFormat();
  const appointment = useAppointment(id);
  const reschedule = useRescheduleAppointment();
  const cancel = useCancelAppointment();
  const [day, setDay] = useState('');
  const [slot, setSlot] = useState<string | null>(null);
  const data = appointment.data;
  const slots = useFreeSlots(
    canChange && data !== undefined ? data.doctor : null,
    isIsoDate(day) ? day : null,
  );
  const close = () => {
    setDay('');
    setSlot(null);
    reschedule.reset();
    cancel.reset();
    onClose();
  };
  return (
    <Modal opened={id !== null} onClose={close} title="Appointment" centered size="lg">
      {appointment.isPending || data === undefined ? (
        <PanelLoader label="Loading the appointment…" />
      ) : (
        <Stack gap="sm">
          <Group gap="sm">
            <Text fw={600}>{data.patient_details.full_name}</Text>
            <StatusBadge kind="appointment" status={data.status} />
          </Group>
          <Text size="sm">
            {data.doctor_name} · {format.dateTime(data.starts_at)} – {format.time(data.ends_at)}
          </Text>
          <Text size="sm">Mobile: {formatPhone(data.patient_details.mobile)}</Text>
          <Text size="sm">Reason: {data.reason}</Text>
          {canChange && ACTIVE.has(data.status) && (
            <Stack gap="xs">
              <FormError error={reschedule.error ?? cancel.error} title="Not done" />
              <DateField
                label="Move to day"
                w={200}
                value={day}
                onChange={(value) => {
                  setDay(value);
                  setSlot(null);
                }}
              />
              {isIsoDate(day) &&
                (slots.isPending ? (
                  <PanelLoader label="Loading free slots…" />
                ) : (
                  <Chip.Group multiple={false} value={slot} onChange={setSlot}>
                    <Group gap="xs" aria-label="Free slots">
                      {(slots.data ?? []).map((free) => (
                        <Chip key={free.starts_at} value={free.starts_at} type="radio" size="sm">
                          {format.time(free.starts_at)}
                        </Chip>
                      ))}
                      {slots.data?.length === 0 && <Text size="sm">No free slots that day.</Text>}
                    </Group>
                  </Chip.Group>
                ))}
              <Group justify="flex-end">
                <Button
                  color="red.9"
                  variant="outline"
                  loading={cancel.isPending}
                  onClick={() => {
                    cancel.mutate({ id: data.id, reason: '' }, {
                      onSuccess: () => {
                        notifySuccess('Appointment cancelled', format.dateTime(data.starts_at));
                        close();
                      },
                    });
                  }}
                >
                  Cancel appointment
                </Button>
                <Button
                  disabled={slot === null}
                  loading={reschedule.isPending}
                  onClick={() => {
                    if (slot === null) return;
                    reschedule.mutate(
                      { id: data.id, starts_at: slot },
                      {
                        onSuccess: (moved) => {
                          notifySuccess('Appointment moved', format.dateTime(moved.starts_at));
                          close();
                        },
                      },
                    );
                  }}
                >
                  Reschedule
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Modal>
  );
}
