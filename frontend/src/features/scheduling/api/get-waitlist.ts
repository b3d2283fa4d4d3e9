import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

/** Waitlist entries still in line (admin: all, or one doctor's; patient: their own). */
export function useWaitlist(doctor: number | null) {
  return useQuery({
    queryKey: queryKeys.scheduling.waitlist(doctor),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/waitlist/', {
          params: { query: { page_size: 100, ...(doctor === null ? {} : { doctor }) } },
        }),
      ),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}
