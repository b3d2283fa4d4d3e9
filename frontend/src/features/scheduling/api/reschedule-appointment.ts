import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { scheduleChanged } from './keys';

/** Move an appointment to another slot of its doctor: a new appointment replaces it. */
export function useRescheduleAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, starts_at }: { id: number; starts_at: string }) =>
      unwrap(
        await api.POST('/api/v1/appointments/{id}/reschedule/', {
          params: { path: { id } },
          body: { starts_at },
        }),
      ),
    onSettled: () => {
      scheduleChanged(queryClient);
    },
  });
}
