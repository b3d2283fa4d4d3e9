import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { appointmentChanged } from '@/lib/api/resources/appointments';

/** Reject a pending request with a reason the patient sees; the slot is free again. */
export function useRejectAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/appointments/{id}/reject/', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      appointmentChanged(queryClient);
    },
  });
}
