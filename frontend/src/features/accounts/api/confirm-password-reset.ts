import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type ConfirmPasswordResetBody =
  paths['/api/v1/auth/password/reset/confirm/']['post']['requestBody']['content']['application/json'];

/** Set a new password with the link from the e-mail; every session of the account ends. */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: async (body: ConfirmPasswordResetBody) => {
      unwrap(await api.POST('/api/v1/auth/password/reset/confirm/', { body }));
    },
  });
}
