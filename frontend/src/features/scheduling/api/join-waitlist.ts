import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { scheduleChanged } from './keys';

type Body = paths['/api/v1/waitlist/']['post']['requestBody']['content']['application/json'];

/** Join a doctor's waitlist for a range of days. */
export function useJoinWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Body) => unwrap(await api.POST('/api/v1/waitlist/', { body })),
    onSuccess: () => {
      scheduleChanged(queryClient);
    },
  });
}
