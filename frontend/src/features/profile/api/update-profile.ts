import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { meQueryOptions } from '@/lib/auth/session';
import { queryKeys } from '@/lib/query-keys';

export type UpdateProfileBody = NonNullable<
  paths['/api/v1/auth/me/']['patch']['requestBody']
>['content']['application/json'];

/** Change the signed-in user's contact details (the API never changes role or status here). */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateProfileBody) =>
      unwrap(await api.PATCH('/api/v1/auth/me/', { body })),
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueryOptions.queryKey, me);
      // A patient's contact details show on their doctor's lists.
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all });
    },
  });
}
