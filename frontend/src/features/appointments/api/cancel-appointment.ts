import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { appointmentChanged } from './keys';

/** Cancel a pending or confirmed appointment, with an optional reason; the slot is free. */
export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/appointments/{id}/cancel/', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      appointmentChanged(queryClient);
    },
  });
}
