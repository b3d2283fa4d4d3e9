import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { doctorChanged } from './keys';

/** Reject a pending doctor's application, with an optional reason kept on the account. */
export function useRejectDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/doctors/{id}/reject/', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: (doctor) => {
      doctorChanged(queryClient, doctor);
    },
  });
}
