import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { patientChanged } from './keys';

/** Delete a patient (admin): the account is deactivated, the history kept. */
export function useDeletePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(await api.DELETE('/api/v1/patients/{id}/', { params: { path: { id } } }));
      return id;
    },
    onSuccess: (id) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(id) });
      patientChanged(queryClient);
    },
  });
}
