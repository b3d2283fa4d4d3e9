import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type AppointmentsQuery = NonNullable<
  paths['/api/v1/appointments/']['get']['parameters']['query']
>;

/** A page of appointments (admin: all of them) by status, doctor and calendar dates. */
export function useAppointments(query: AppointmentsQuery) {
  return useQuery({
    queryKey: ['appointments', 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/appointments/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
