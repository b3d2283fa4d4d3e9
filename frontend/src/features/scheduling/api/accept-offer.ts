import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { scheduleChanged } from './keys';

/** Accept the slot offered to a waitlist entry: it becomes an appointment. */
export function useAcceptOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/v1/waitlist/{id}/accept/', { params: { path: { id } } })),
    onSettled: () => {
      scheduleChanged(queryClient);
    },
  });
}
