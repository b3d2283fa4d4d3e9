import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';


/** Start a draft progress note of an open stay. */
export function useCreateProgressNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ admissionId, text }: { admissionId: number; text: string }) =>
      unwrap(
        await api.POST('/api/v1/clinical/progress-notes/', {
          body: { admission: admissionId, text },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.clinical.all });
    },
  });
}
