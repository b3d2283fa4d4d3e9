import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** An invoice with its payment state and balance, as the ledger has them now. */
export function useInvoiceAccount(id: number) {
  return useQuery({
    queryKey: ['payments', 'invoice', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/invoices/{id}/', { params: { path: { id } } })),
  });
}
