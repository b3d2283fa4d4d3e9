import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';


export function timelineQueryOptions(patientId: number) {
  return queryOptions({
    queryKey: queryKeys.clinical.timeline(patientId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/clinical/patients/{id}/timeline/', {
          params: { path: { id: patientId } },
        }),
      ),
  });
}

/** A patient's record in time order, newest first. Null asks nothing. */
export function useTimeline(patientId: number | null) {
  return useQuery({ ...timelineQueryOptions(patientId ?? 0), enabled: patientId !== null });
}
