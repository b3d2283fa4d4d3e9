import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { patientChanged } from './keys';

/** Reject a pending patient's sign-up, with an optional reason kept on the account. */
export function useRejectPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/patients/{id}/reject/', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: (patient) => {
      patientChanged(queryClient, patient);
    },
  });
}
