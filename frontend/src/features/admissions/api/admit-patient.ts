import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

import { admissionChanged } from './keys';

export type AdmitBody = paths['/api/v1/admissions/']['post']['requestBody']['content']['application/json'];

/** Admit an approved patient under an approved doctor (who becomes their assigned doctor). */
export function useAdmitPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AdmitBody) =>
      unwrap(await api.POST('/api/v1/admissions/', { body })),
    onSuccess: (admission) => {
      queryClient.setQueryData(queryKeys.admissions.detail(admission.id), admission);
      admissionChanged(queryClient);
    },
  });
}
