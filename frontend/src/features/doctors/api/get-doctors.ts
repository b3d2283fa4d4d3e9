import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { doctorKeys } from './keys';

export type DoctorsQuery = NonNullable<paths['/api/v1/doctors/']['get']['parameters']['query']>;

/** A page of doctors (admin), filtered by status, department and name. */
export function useDoctors(query: DoctorsQuery) {
  return useQuery({
    queryKey: doctorKeys.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/doctors/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
