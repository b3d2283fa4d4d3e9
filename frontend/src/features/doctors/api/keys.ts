import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';

export type Doctor = components['schemas']['Doctor'];

export const doctorKeys = {
  all: ['doctors'] as const,
  list: (query: object) => ['doctors', 'list', query] as const,
  detail: (id: number) => ['doctors', 'detail', id] as const,
};

/** After a change to a doctor: the row itself, every doctor list, and the dashboard's counts. */
export function doctorChanged(queryClient: QueryClient, doctor?: Doctor): void {
  if (doctor !== undefined) queryClient.setQueryData(doctorKeys.detail(doctor.id), doctor);
  void queryClient.invalidateQueries({ queryKey: doctorKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
}
