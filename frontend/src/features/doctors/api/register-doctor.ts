import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { doctorChanged } from './keys';

export type RegisterDoctorBody = paths['/api/v1/doctors/']['post']['requestBody']['content']['application/json'];

/** Register a doctor (admin): the account is approved at once. */
export function useRegisterDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegisterDoctorBody) =>
      unwrap(await api.POST('/api/v1/doctors/', { body })),
    onSuccess: (doctor) => {
      doctorChanged(queryClient, doctor);
    },
  });
}
