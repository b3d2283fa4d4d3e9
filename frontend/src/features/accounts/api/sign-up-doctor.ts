import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type SignUpDoctorBody =
  paths['/api/v1/auth/signup/doctor/']['post']['requestBody']['content']['application/json'];

/** Create a doctor account from the public sign-up form. */
export function useSignUpDoctor() {
  return useMutation({
    mutationFn: async (body: SignUpDoctorBody) =>
      unwrap(await api.POST('/api/v1/auth/signup/doctor/', { body })),
  });
}
