import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { doctorKeys } from './keys';

/** One doctor's profile and account status. */
export function useDoctor(id: number) {
  return useQuery({
    queryKey: doctorKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/doctors/{id}/', { params: { path: { id } } })),
  });
}
