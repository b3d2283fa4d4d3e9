import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const HISTORY_PAGE_SIZE = 25;

export function pastAppointmentsQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['appointments', 'list', { history: true, page, page_size: HISTORY_PAGE_SIZE }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/appointments/', {
          params: { query: { history: true, page, page_size: HISTORY_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The doctor's appointments with their past ones (`history=true`): confirmed, completed, and
 * cancelled after confirmation, newest first.
 */
export function usePastAppointments(page: number) {
  return useQuery(pastAppointmentsQueryOptions(page));
}
