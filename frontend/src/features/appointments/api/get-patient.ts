import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** The patient a booking starts with (from the patient's page): their name and doctor. */
export function usePatient(id: number | null) {
  return useQuery({
    queryKey: ['patients', 'detail', id ?? 0],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/patients/{id}/', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
}
