import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { sessionsQueryOptions } from './get-sessions';

/** Sign out one device: end one of the user's own sessions. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(
        await api.POST('/api/v1/auth/sessions/{id}/revoke/', { params: { path: { id } } }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions.queryKey }),
  });
}
