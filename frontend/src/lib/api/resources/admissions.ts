import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { queryKeys } from '@/lib/query-keys';

import { api } from '../client';
import { unwrap } from '../errors';
import type { paths } from '../schema';

export type AdmissionsQuery = NonNullable<
  paths['/api/v1/admissions/']['get']['parameters']['query']
>;

/** A page of admissions, latest first, as the API scopes them to the viewer. */
export function admissionsQueryOptions(query: AdmissionsQuery) {
  return queryOptions({
    queryKey: queryKeys.admissions.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/admissions/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAdmissions(query: AdmissionsQuery) {
  return useQuery(admissionsQueryOptions(query));
}
