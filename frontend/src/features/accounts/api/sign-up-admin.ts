import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type SignUpAdminBody =
  paths['/api/v1/auth/signup/admin/']['post']['requestBody']['content']['application/json'];

/** Create a admin account from the public sign-up form. */
export function useSignUpAdmin() {
  return useMutation({
    mutationFn: async (body: SignUpAdminBody) =>
      unwrap(await api.POST('/api/v1/auth/signup/admin/', { body })),
  });
}
