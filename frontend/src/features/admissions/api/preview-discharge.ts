import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import type { DischargeBody } from './keys';

/**
 * The bill a discharge with `body` would issue, computed by the server and saved nowhere.
 * Asked again whenever the body changes; `null` (an incomplete form) asks nothing.
 */
export function useDischargePreview(id: number, body: DischargeBody | null) {
  return useQuery({
    // Not under 'admissions': a discharge must not ask again for the bill it just issued.
    queryKey: queryKeys.admissions.dischargePreview(id, body),
    queryFn:
      body === null
        ? skipToken
        : async () =>
            unwrap(
              await api.POST('/api/v1/admissions/{id}/discharge/preview/', {
                params: { path: { id } },
                body,
              }),
            ),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}
