import { skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** One appointment with its history (null: none chosen). */
export function useAppointment(id: number | null) {
  return useQuery({
    queryKey: ['appointments', 'detail', id],
    queryFn:
      id === null
        ? skipToken
        : async () =>
            unwrap(await api.GET('/api/v1/appointments/{id}/', { params: { path: { id } } })),
  });
}
