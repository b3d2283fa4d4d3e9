import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { appointmentChanged } from './keys';

export type BookAppointmentBody = paths['/api/v1/appointments/']['post']['requestBody']['content']['application/json'];

/** Book a free slot for a patient (admin): the appointment starts CONFIRMED. */
export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BookAppointmentBody) =>
      unwrap(await api.POST('/api/v1/appointments/', { body })),
    onSettled: () => {
      // A SLOT_TAKEN answer also means the free slots shown are out of date.
      appointmentChanged(queryClient);
    },
  });
}
