import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const dashboardQueryOptions = queryOptions({
  queryKey: ['dashboard'],
  queryFn: async () => unwrap(await api.GET('/api/v1/dashboard/')),
});

/** The signed-in doctor's dashboard: today's confirmed appointments and patient counts. */
export function useDashboard() {
  return useQuery(dashboardQueryOptions);
}
