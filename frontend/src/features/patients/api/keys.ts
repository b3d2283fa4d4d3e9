import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type Patient = components['schemas']['Patient'];

/** After a change to a patient: the row itself, every patient list, and the dashboard. */
export function patientChanged(queryClient: QueryClient, patient?: Patient): void {
  if (patient !== undefined) queryClient.setQueryData(queryKeys.patients.detail(patient.id), patient);
  void queryClient.invalidateQueries({ queryKey: queryKeys.patients.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all });
}
