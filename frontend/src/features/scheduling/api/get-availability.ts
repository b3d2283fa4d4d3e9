import { skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

/** A doctor's weekly template (no windows: all of the hospital's hours). */
export function useAvailability(doctor: number | null) {
  return useQuery({
    queryKey: queryKeys.scheduling.availability(doctor),
    queryFn:
      doctor === null
        ? skipToken
        : async () =>
            unwrap(
              await api.GET('/api/v1/doctors/{id}/availability/', {
                params: { path: { id: doctor } },
              }),
            ),
  });
}
