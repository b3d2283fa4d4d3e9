import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** A doctor's profile (for the name of a patient's preferred doctor or of a filter). */
export function useDoctor(id: number | null) {
  return useQuery({
    queryKey: ['doctors', 'detail', id ?? 0],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/doctors/{id}/', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
}
