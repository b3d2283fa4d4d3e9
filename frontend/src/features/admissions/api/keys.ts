import type { QueryClient } from '@tanstack/react-query';

import type { components, paths } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type Admission = components['schemas']['Admission'];
type AdmissionForViewer = components['schemas']['AdmissionForViewer'];

/** The admin's answer is the whole stay; a doctor's leaves out the room rate and the invoice. */
export function wholeAdmission(admission: AdmissionForViewer): Admission {
  if (!('invoice' in admission)) {
    throw new Error('Only the admin and the patient see an admission’s charges and invoice.');
  }
  return admission;
}
export type DischargeBody = paths['/api/v1/admissions/{id}/discharge/']['post']['requestBody']['content']['application/json'];

/** After an admission or discharge: admissions, patients (in hospital), invoices, dashboard. */
export function admissionChanged(queryClient: QueryClient): void {
  for (const key of [
    queryKeys.admissions.all,
    queryKeys.patients.all,
    queryKeys.invoices.all,
    queryKeys.dashboard.all,
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
