import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';

import { doctorChanged } from './keys';

export type UpdateDoctorBody = NonNullable<
  paths['/api/v1/doctors/{id}/']['patch']['requestBody']
>['content']['application/json'];

/** Change a doctor's profile fields (admin); only the fields sent change. */
export function useUpdateDoctor(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateDoctorBody) =>
      unwrap(await api.PATCH('/api/v1/doctors/{id}/', { params: { path: { id } }, body })),
    onSuccess: (doctor) => {
      doctorChanged(queryClient, doctor);
    },
  });
}
