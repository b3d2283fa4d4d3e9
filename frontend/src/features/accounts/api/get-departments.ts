import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const departmentsQueryOptions = queryOptions({
  queryKey: ['public', 'departments'],
  queryFn: async () => unwrap(await api.GET('/api/v1/departments/')),
  staleTime: 10 * 60_000,
});

/** The hospital's departments: `code` is what a doctor's `department` holds, `name` is shown. */
export function useDepartments() {
  return useQuery(departmentsQueryOptions);
}
