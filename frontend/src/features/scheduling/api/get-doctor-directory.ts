import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Approved doctors (name and department), for a patient choosing whose waitlist to join. */
export function useDoctorDirectory() {
  return useQuery({
    queryKey: ['public', 'doctor-directory', { page_size: 100 }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/doctors/directory/', { params: { query: { page_size: 100 } } }),
      ),
    staleTime: 5 * 60_000,
  });
}
