import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { scheduleChanged } from './keys';

/** Remove a time off (admin): its slots become bookable again. */
export function useRemoveTimeOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(await api.DELETE('/api/v1/time-off/{id}/', { params: { path: { id } } }));
    },
    onSuccess: () => {
      scheduleChanged(queryClient);
    },
  });
}
