import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

/** The calendar from `from` to `to` (inclusive): every doctor for a day, or one doctor's week. */
export function useCalendar(from: string, to: string, doctor: number | null) {
  return useQuery({
    queryKey: queryKeys.scheduling.calendar({ from, to, doctor }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/appointments/calendar/', {
          params: { query: { from, to, ...(doctor === null ? {} : { doctor }) } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
