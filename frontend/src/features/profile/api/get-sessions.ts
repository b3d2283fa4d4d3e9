import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type SignedInSession =
  paths['/api/v1/auth/sessions/']['get']['responses'][200]['content']['application/json']['results'][number];

export const sessionsQueryOptions = queryOptions({
  queryKey: queryKeys.auth.sessions(),
  queryFn: async () =>
    unwrap(await api.GET('/api/v1/auth/sessions/', { params: { query: { page_size: 100 } } })),
});

/** Where the signed-in user is signed in (their live sessions, this one flagged `current`). */
export function useSessions() {
  return useQuery(sessionsQueryOptions);
}
