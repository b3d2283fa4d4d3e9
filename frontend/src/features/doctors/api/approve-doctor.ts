import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { doctorChanged } from './keys';

/** Approve a pending doctor: they can sign in from now on. */
export function useApproveDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.POST('/api/v1/doctors/{id}/approve/', { params: { path: { id } } })),
    onSuccess: (doctor) => {
      doctorChanged(queryClient, doctor);
    },
  });
}
