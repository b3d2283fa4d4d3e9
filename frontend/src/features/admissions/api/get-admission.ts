import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { wholeAdmission } from './keys';

/** One admission. */
export function useAdmission(id: number) {
  return useQuery({
    queryKey: queryKeys.admissions.detail(id),
    queryFn: async () =>
      wholeAdmission(
        unwrap(
          await api.GET('/api/v1/admissions/{id}/', {
            params: { path: { id } },
          }),
        ),
      ),
  });
}
