import { skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** A doctor's free slots on one day (hospital time zone). */
export function useFreeSlots(doctor: number | null, date: string | null) {
  return useQuery({
    queryKey: ['slots', doctor, date],
    queryFn:
      doctor === null || date === null
        ? skipToken
        : async () =>
            unwrap(
              await api.GET('/api/v1/doctors/{id}/slots/', {
                params: { path: { id: doctor }, query: { date } },
              }),
            ),
    staleTime: 0,
  });
}
