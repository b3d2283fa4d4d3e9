import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Stop one kind of e-mail with the signed token of an e-mail's one-click link. */
export function useUnsubscribe() {
  return useMutation({
    mutationFn: async (token: string) =>
      unwrap(await api.POST('/api/v1/notifications/unsubscribe/', { body: { token } })),
  });
}
