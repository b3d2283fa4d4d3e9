import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export function patientQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['patients', 'detail', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/patients/{id}/', { params: { path: { id } } })),
  });
}

/** One patient, when the doctor may still see them (assigned to them); 404 otherwise. */
export function usePatient(id: number) {
  return useQuery(patientQueryOptions(id));
}
