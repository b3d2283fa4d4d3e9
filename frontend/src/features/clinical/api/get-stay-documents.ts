import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { type DischargeSummary, type ProgressNote } from './keys';

export function stayDocumentsQueryOptions(admissionId: number) {
  return queryOptions({
    queryKey: queryKeys.clinical.stay(admissionId),
    queryFn: async () => {
      const query = { params: { query: { admission: admissionId, page_size: 100 } } };
      const [summaries, notes] = await Promise.all([
        api.GET('/api/v1/clinical/discharge-summaries/', query),
        api.GET('/api/v1/clinical/progress-notes/', query),
      ]);
      return {
        summary: (unwrap(summaries).results[0] as DischargeSummary | undefined) ?? null,
        progressNotes: unwrap(notes).results as ProgressNote[],
      };
    },
  });
}

/** A stay's discharge summary (or null) and its progress notes, newest first. */
export function useStayDocuments(admissionId: number) {
  return useQuery(stayDocumentsQueryOptions(admissionId));
}
