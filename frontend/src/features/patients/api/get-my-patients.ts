import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const PATIENTS_PAGE_SIZE = 25;

export function myPatientsQueryOptions(search: string, page: number) {
  return queryOptions({
    queryKey: ['patients', 'list', { search, page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/patients/', {
          params: { query: { search, page, page_size: PATIENTS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The doctor's assigned patients (the API scopes the list), searched by name or symptoms. */
export function useMyPatients(search: string, page: number) {
  return useQuery(myPatientsQueryOptions(search, page));
}
