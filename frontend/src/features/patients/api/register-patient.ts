import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { patientChanged } from './keys';

export type RegisterPatientBody = paths['/api/v1/patients/']['post']['requestBody']['content']['application/json'];

/** Register a patient (admin): the account is approved at once. */
export function useRegisterPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegisterPatientBody) =>
      unwrap(await api.POST('/api/v1/patients/', { body })),
    onSuccess: (patient) => {
      patientChanged(queryClient, patient);
    },
  });
}
