import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type ChangePasswordBody =
  paths['/api/v1/auth/password/']['post']['requestBody']['content']['application/json'];

/** Change the signed-in user's password; the API then revokes every session of the account. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: ChangePasswordBody) => {
      unwrap(await api.POST('/api/v1/auth/password/', { body }));
    },
  });
}
