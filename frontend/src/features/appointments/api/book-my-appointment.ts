import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type BookAppointmentBody =
  paths['/api/v1/appointments/']['post']['requestBody']['content']['application/json'];

/** Request an appointment in a free slot; it waits (PENDING) for the hospital's approval. */
export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BookAppointmentBody) =>
      unwrap(await api.POST('/api/v1/appointments/', { body })),
    onSettled: async () => {
      // Booked or refused (the slot was just taken), the free slots have changed.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['slots'] }),
        queryClient.invalidateQueries({ queryKey: ['appointments'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
    },
  });
}
