import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type AuditEventsQuery = NonNullable<
  paths['/api/v1/audit-events/']['get']['parameters']['query']
>;

/** A page of the audit log, newest first, filtered by actor, patient, action, kind and dates. */
export function useAuditEvents(query: AuditEventsQuery) {
  return useQuery({
    queryKey: queryKeys.auditEvents.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/audit-events/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
