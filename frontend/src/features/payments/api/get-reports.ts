import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

/** Money received from `date_from` to `date_to` by method, cashier and day. */
export function useCollections(query: { date_from: string; date_to: string }) {
  return useQuery({
    queryKey: queryKeys.payments.collections(query),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reports/collections/', { params: { query } })),
  });
}

/** Unpaid and part-paid invoices by age on `as_of`. */
export function useOutstanding(query: { as_of: string }) {
  return useQuery({
    queryKey: queryKeys.payments.outstanding(query),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/reports/outstanding/', { params: { query } })),
  });
}
