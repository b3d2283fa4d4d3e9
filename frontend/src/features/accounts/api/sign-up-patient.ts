import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

export type SignUpPatientBody =
  paths['/api/v1/auth/signup/patient/']['post']['requestBody']['content']['application/json'];

/** Create a patient account from the public sign-up form. */
export function useSignUpPatient() {
  return useMutation({
    mutationFn: async (body: SignUpPatientBody) =>
      unwrap(await api.POST('/api/v1/auth/signup/patient/', { body })),
  });
}
