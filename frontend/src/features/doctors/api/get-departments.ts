import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** The hospital's departments (`code` is stored, `name` is shown). Shared cache with sign-up. */
export function useDepartments() {
  return useQuery({
    queryKey: ['public', 'departments'],
    queryFn: async () => unwrap(await api.GET('/api/v1/departments/')),
    staleTime: 10 * 60_000,
  });
}
