import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { scheduleChanged } from './keys';

type Body = paths['/api/v1/appointments/']['post']['requestBody']['content']['application/json'];

/** Book a free slot from the calendar (admin): confirmed at once. */
export function useBookSlot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Body) => unwrap(await api.POST('/api/v1/appointments/', { body })),
    onSettled: () => {
      scheduleChanged(queryClient);
    },
  });
}
