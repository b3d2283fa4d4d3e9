import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

export type InvoicesQuery = NonNullable<paths['/api/v1/invoices/']['get']['parameters']['query']>;

/** A page of invoices, newest first (a patient's are their own), optionally by issue date. */
export function useInvoices(query: InvoicesQuery) {
  return useQuery({
    queryKey: queryKeys.invoices.list(query),
    queryFn: async () => unwrap(await api.GET('/api/v1/invoices/', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
