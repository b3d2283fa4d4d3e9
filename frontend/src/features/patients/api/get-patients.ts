import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { patientKeys } from './keys';

export type PatientsQuery = NonNullable<paths['/api/v1/patients/']['get']['parameters']['query']>;

/** A page of patients (admin), filtered by status, assigned doctor, and name or symptoms. */
export function usePatients(query: PatientsQuery) {
  return useQuery({
    queryKey: patientKeys.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/patients/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
