import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { appointmentChanged } from '@/lib/api/resources/appointments';

/** Mark a confirmed appointment attended: it becomes COMPLETED and leaves the doctor's list. */
export function useCompleteAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(
        await api.POST('/api/v1/appointments/{id}/complete/', { params: { path: { id } } }),
      ),
    onSuccess: () => {
      appointmentChanged(queryClient);
    },
  });
}
