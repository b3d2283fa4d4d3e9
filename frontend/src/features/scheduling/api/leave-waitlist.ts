import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { scheduleChanged } from './keys';

/** Leave a waitlist; a slot held for the entry passes to the next in line. */
export function useLeaveWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/v1/waitlist/{id}/leave/', { params: { path: { id } } })),
    onSettled: () => {
      scheduleChanged(queryClient);
    },
  });
}
