import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export function invoiceQueryOptions(invoiceId: number) {
  return queryOptions({
    queryKey: ['invoices', 'detail', invoiceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/invoices/{id}/', {
          params: { path: { id: invoiceId } },
        }),
      ),
  });
}

/**
 * One invoice of the patient; another patient's invoice answers 404 like a missing one. Null
 * (an address that is not an id) asks nothing.
 */
export function useInvoice(invoiceId: number | null) {
  return useQuery({ ...invoiceQueryOptions(invoiceId ?? 0), enabled: invoiceId !== null });
}
