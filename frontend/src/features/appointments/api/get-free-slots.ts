import { skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** The doctor's free slots on one calendar day (hospital time zone), in time order. */
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
    // Someone else may book a slot at any moment; ask again when the picker comes back.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
