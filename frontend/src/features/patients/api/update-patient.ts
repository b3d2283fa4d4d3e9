import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { patientChanged } from './keys';

export type UpdatePatientBody = NonNullable<
  paths['/api/v1/patients/{id}/']['patch']['requestBody']
>['content']['application/json'];

/** Change a patient's profile or assigned doctor (admin); only the fields sent change. */
export function useUpdatePatient(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdatePatientBody) =>
      unwrap(await api.PATCH('/api/v1/patients/{id}/', { params: { path: { id } }, body })),
    onSuccess: (patient) => {
      patientChanged(queryClient, patient);
    },
  });
}
