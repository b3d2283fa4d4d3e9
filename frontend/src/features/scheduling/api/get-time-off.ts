import { skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

/** A doctor's time off that has not ended, soonest first. */
export function useTimeOff(doctor: number | null) {
  return useQuery({
    queryKey: queryKeys.scheduling.timeOff(doctor),
    queryFn:
      doctor === null
        ? skipToken
        : async () =>
            unwrap(
              await api.GET('/api/v1/time-off/', {
                params: { query: { doctor, page_size: 100 } },
              }),
            ),
  });
}
