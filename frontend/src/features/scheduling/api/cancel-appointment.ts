import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { scheduleChanged } from './keys';

/** Cancel an appointment from the calendar (admin); its slot goes to the waitlist. */
export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(
        await api.POST('/api/v1/appointments/{id}/cancel/', {
          params: { path: { id } },
          body: { reason: '' },
        }),
      ),
    onSettled: () => {
      scheduleChanged(queryClient);
    },
  });
}
