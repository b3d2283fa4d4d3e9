import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { appointmentChanged } from '@/lib/api/resources/appointments';

/** Approve a pending request: it becomes CONFIRMED. */
export function useApproveAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/v1/appointments/{id}/approve/', { params: { path: { id } } })),
    onSuccess: () => {
      appointmentChanged(queryClient);
    },
  });
}
