import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

export const dashboardQueryOptions = queryOptions({
  queryKey: queryKeys.dashboard.all,
  queryFn: async () => unwrap(await api.GET('/api/v1/dashboard/')),
});

/** The patient's dashboard, for their admission status (is an invoice still to come?). */
export function useDashboard() {
  return useQuery(dashboardQueryOptions);
}
