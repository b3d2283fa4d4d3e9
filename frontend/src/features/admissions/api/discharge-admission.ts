import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import type { DischargeBody } from './keys';
import { admissionChanged } from './keys';

/** Discharge the patient and issue the invoice (one transaction on the server). */
export function useDischargeAdmission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DischargeBody) =>
      unwrap(
        await api.POST('/api/v1/admissions/{id}/discharge/', {
          params: { path: { id } },
          body,
        }),
      ),
    onSuccess: () => {
      admissionChanged(queryClient);
    },
  });
}
