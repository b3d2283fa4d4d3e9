import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { scheduleChanged } from './keys';

type Body = paths['/api/v1/time-off/']['post']['requestBody']['content']['application/json'];

/** Record a doctor's time off (admin); answers the appointments inside it. */
export function useAddTimeOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Body) => unwrap(await api.POST('/api/v1/time-off/', { body })),
    onSuccess: () => {
      scheduleChanged(queryClient);
    },
  });
}
