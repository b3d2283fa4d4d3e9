import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

import { preferencesQueryOptions } from './get-preferences';

type Kind = components['schemas']['NotificationKindEnum'];

/** Replace the user's e-mail choices: the kinds in `off` are not e-mailed, all others are. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (off: Kind[]) =>
      unwrap(
        await api.PUT('/api/v1/notifications/preferences/', {
          body: { preferences: off.map((kind) => ({ kind, email: false })) },
        }),
      ).preferences,
    onSuccess: (preferences) => queryClient.setQueryData(preferencesQueryOptions.queryKey, preferences),
  });
}
