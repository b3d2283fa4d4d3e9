import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Ask for a reset link by e-mail; the API answers the same whether or not an account matched. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (login: string) =>
      unwrap(await api.POST('/api/v1/auth/password/reset/', { body: { login } })),
  });
}
