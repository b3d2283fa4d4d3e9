import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

export const ACCESS_LOG_PAGE_SIZE = 25;

/** Who opened or changed the signed-in patient's record, newest first. */
export function useMyAccessLog(page: number) {
  return useQuery({
    queryKey: queryKeys.accessLog.mine({ page }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/patients/me/access-log/', {
          params: { query: { page, page_size: ACCESS_LOG_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
