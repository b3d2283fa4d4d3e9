import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { patientChanged } from './keys';

/** Approve a pending patient: they can sign in; a preferred doctor becomes their doctor. */
export function useApprovePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/v1/patients/{id}/approve/', { params: { path: { id } } })),
    onSuccess: (patient) => {
      patientChanged(queryClient, patient);
    },
  });
}
