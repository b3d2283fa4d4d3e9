import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { type DischargeSummaryBody } from './keys';

interface SaveDischargeSummaryInput {
  admissionId: number;
  summaryId: number | null;
  body: DischargeSummaryBody;
}

/** Start a stay's discharge summary, or replace its draft. */
export function useSaveDischargeSummary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ admissionId, summaryId, body }: SaveDischargeSummaryInput) =>
      summaryId === null
        ? unwrap(
            await api.POST('/api/v1/clinical/discharge-summaries/', {
              body: { ...body, admission: admissionId },
            }),
          )
        : unwrap(
            await api.PUT('/api/v1/clinical/discharge-summaries/{id}/', {
              params: { path: { id: summaryId } },
              body,
            }),
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.clinical.all });
    },
  });
}
