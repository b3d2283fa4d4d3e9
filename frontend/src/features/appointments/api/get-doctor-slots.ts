import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export function doctorSlotsQueryOptions(doctorId: number, date: string) {
  return queryOptions({
    queryKey: ['slots', doctorId, date],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/doctors/{id}/slots/', {
          params: { path: { id: doctorId }, query: { date } },
        }),
      ),
    // Other patients book all the time: always ask again when the choice is shown.
    staleTime: 0,
  });
}

/** The doctor's free slots on a calendar day (hospital time zone); idle until both are chosen. */
export function useDoctorSlots(doctorId: number | null, date: string) {
  return useQuery({
    ...doctorSlotsQueryOptions(doctorId ?? 0, date),
    enabled: doctorId !== null && date !== '',
  });
}
