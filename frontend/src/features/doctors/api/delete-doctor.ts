import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { doctorChanged } from './keys';

/** Delete a doctor (admin): the account is deactivated, the history kept. */
export function useDeleteDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(await api.DELETE('/api/v1/doctors/{id}/', { params: { path: { id } } }));
      return id;
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.doctors.detail(id) });
      doctorChanged(queryClient);
      // Their patients became unassigned.
      void queryClient.invalidateQueries({ queryKey: queryKeys.patients.all });
    },
  });
}
