import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { patientKeys } from './keys';

/** One patient's profile, account status and whether they are in hospital. */
export function usePatient(id: number) {
  return useQuery({
    queryKey: patientKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/patients/{id}/', { params: { path: { id } } })),
  });
}
