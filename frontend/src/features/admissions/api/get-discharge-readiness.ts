import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

export function dischargeReadinessQueryOptions(admissionId: number) {
  return queryOptions({
    queryKey: queryKeys.clinical.dischargeReadiness(admissionId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/clinical/admissions/{id}/discharge-readiness/', {
          params: { path: { id: admissionId } },
        }),
      ),
  });
}

/** Whether the stay has a signed discharge summary, and whether the hospital requires one. */
export function useDischargeReadiness(admissionId: number) {
  return useQuery(dischargeReadinessQueryOptions(admissionId));
}
