import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';

import { queryKeys } from '@/lib/query-keys';

import { api } from '../client';
import { unwrap } from '../errors';
import type { components, paths } from '../schema';

export type Patient = components['schemas']['Patient'];
export type PatientsQuery = NonNullable<paths['/api/v1/patients/']['get']['parameters']['query']>;

/** A page of patients: the admin's are all of them, a doctor's are their assigned patients. */
export function patientsQueryOptions(query: PatientsQuery) {
  return queryOptions({
    queryKey: queryKeys.patients.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/patients/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePatients(query: PatientsQuery) {
  return useQuery(patientsQueryOptions(query));
}

/** One patient's profile, account status and whether they are in hospital (null: none). */
export function usePatient(id: number | null) {
  return useQuery({
    queryKey: queryKeys.patients.detail(id ?? 0),
    queryFn:
      id === null
        ? skipToken
        : async () =>
            unwrap(await api.GET('/api/v1/patients/{id}/', { params: { path: { id } } })),
  });
}
