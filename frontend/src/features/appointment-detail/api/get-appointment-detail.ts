import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export function appointmentDetailQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['appointments', 'detail', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/appointments/{id}/', { params: { path: { id } } })),
  });
}

/** One appointment the viewer may see, with its status history (404 for one that is not theirs). */
export function useAppointmentDetail(id: number) {
  return useQuery(appointmentDetailQueryOptions(id));
}
