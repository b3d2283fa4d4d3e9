import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type Doctor = components['schemas']['Doctor'];

/** After a change to a doctor: the row itself, every doctor list, and the dashboard's counts. */
export function doctorChanged(queryClient: QueryClient, doctor?: Doctor): void {
  if (doctor !== undefined) queryClient.setQueryData(queryKeys.doctors.detail(doctor.id), doctor);
  void queryClient.invalidateQueries({ queryKey: queryKeys.doctors.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all });
}
