import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import type { SignableKind } from './sign-document';

interface AddAddendumInput {
  kind: SignableKind;
  id: number;
  text: string;
}

/** Add a signed addendum to a signed document: the only way to correct it. */
export function useAddAddendum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, id, text }: AddAddendumInput) => {
      const request = { params: { path: { id } }, body: { text } };
      if (kind === 'visit-note') {
        return unwrap(await api.POST('/api/v1/clinical/visit-notes/{id}/addenda/', request));
      }
      if (kind === 'progress-note') {
        return unwrap(await api.POST('/api/v1/clinical/progress-notes/{id}/addenda/', request));
      }
      return unwrap(await api.POST('/api/v1/clinical/discharge-summaries/{id}/addenda/', request));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.clinical.all });
    },
  });
}
