import type { QueryClient } from '@tanstack/react-query';

import type { components, paths } from '@/lib/api/schema';

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

export const admissionKeys = {
  all: ['admissions'] as const,
  list: (query: object) => ['admissions', 'list', query] as const,
  detail: (id: number) => ['admissions', 'detail', id] as const,
};

/** After an admission or discharge: admissions, patients (in hospital), invoices, dashboard. */
export function admissionChanged(queryClient: QueryClient): void {
  for (const key of ['admissions', 'patients', 'invoices', 'dashboard']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}
