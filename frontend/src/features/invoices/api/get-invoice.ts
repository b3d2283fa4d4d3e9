import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Invoice = components['schemas']['InvoiceWithPayment'];

/** One issued invoice: an immutable snapshot taken at discharge. */
export function useInvoice(id: number) {
  return useQuery({
    queryKey: ['invoices', 'detail', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/invoices/{id}/', { params: { path: { id } } }),
      ),
    // An issued invoice never changes.
    staleTime: Infinity,
  });
}
