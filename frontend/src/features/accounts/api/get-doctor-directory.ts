import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

// The directory is small (one hospital's approved doctors); one page of the maximum size
// covers it for the sign-up choice.
const DIRECTORY_PAGE_SIZE = 100;

export const doctorDirectoryQueryOptions = queryOptions({
  queryKey: ['public', 'doctor-directory', { page_size: DIRECTORY_PAGE_SIZE }],
  queryFn: async () =>
    unwrap(
      await api.GET('/api/v1/doctors/directory/', {
        params: { query: { page_size: DIRECTORY_PAGE_SIZE } },
      }),
    ),
  staleTime: 5 * 60_000,
});

/** Approved doctors (name and department) a patient may pick as their preferred doctor. */
export function useDoctorDirectory() {
  return useQuery(doctorDirectoryQueryOptions);
}
