import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const ADMISSIONS_PAGE_SIZE = 25;

export function dischargedAdmissionsQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['admissions', 'list', { status: 'DISCHARGED', page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/admissions/', {
          params: { query: { status: 'DISCHARGED', page, page_size: ADMISSIONS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The discharged stays the doctor attended (the API scopes admissions to the doctor). */
export function useDischargedAdmissions(page: number) {
  return useQuery(dischargedAdmissionsQueryOptions(page));
}
