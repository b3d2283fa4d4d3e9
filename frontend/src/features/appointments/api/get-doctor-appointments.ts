import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const APPOINTMENTS_PAGE_SIZE = 25;

export function myAppointmentsQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['appointments', 'list', { page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/appointments/', {
          params: { query: { page, page_size: APPOINTMENTS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The doctor's confirmed appointments, soonest first (the API's default for a doctor), each
 * with the patient's details.
 */
export function useMyAppointments(page: number) {
  return useQuery(myAppointmentsQueryOptions(page));
}
