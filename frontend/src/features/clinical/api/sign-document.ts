import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';


export type SignableKind = 'visit-note' | 'progress-note' | 'discharge-summary';

async function sign(kind: SignableKind, id: number): Promise<unknown> {
  const params = { params: { path: { id } } };
  if (kind === 'visit-note') {
    return unwrap(await api.POST('/api/v1/clinical/visit-notes/{id}/sign/', params));
  }
  if (kind === 'progress-note') {
    return unwrap(await api.POST('/api/v1/clinical/progress-notes/{id}/sign/', params));
  }
  return unwrap(await api.POST('/api/v1/clinical/discharge-summaries/{id}/sign/', params));
}

/** Sign a draft for ever: a visit note (with its prescription), a progress note or a summary. */
export function useSignDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, id }: { kind: SignableKind; id: number }) => sign(kind, id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.clinical.all });
    },
  });
}
