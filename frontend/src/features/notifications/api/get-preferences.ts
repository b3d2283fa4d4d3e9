import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

export const preferencesQueryOptions = queryOptions({
  queryKey: queryKeys.notifications.preferences(),
  queryFn: async () => unwrap(await api.GET('/api/v1/notifications/preferences/')).preferences,
});

/** Which kinds of notification the user also receives by e-mail. */
export function usePreferences() {
  return useQuery(preferencesQueryOptions);
}
