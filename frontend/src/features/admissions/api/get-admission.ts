import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { admissionKeys, wholeAdmission } from './keys';

/** One admission. */
export function useAdmission(id: number) {
  return useQuery({
    queryKey: admissionKeys.detail(id),
    queryFn: async () =>
      wholeAdmission(
        unwrap(
          await api.GET('/api/v1/admissions/{id}/', {
            params: { path: { id } },
          }),
        ),
      ),
  });
}
