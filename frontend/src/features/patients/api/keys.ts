import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';

export type Patient = components['schemas']['Patient'];

export const patientKeys = {
  all: ['patients'] as const,
  list: (query: object) => ['patients', 'list', query] as const,
  detail: (id: number) => ['patients', 'detail', id] as const,
};

/** After a change to a patient: the row itself, every patient list, and the dashboard. */
export function patientChanged(queryClient: QueryClient, patient?: Patient): void {
  if (patient !== undefined) queryClient.setQueryData(patientKeys.detail(patient.id), patient);
  void queryClient.invalidateQueries({ queryKey: patientKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
}
