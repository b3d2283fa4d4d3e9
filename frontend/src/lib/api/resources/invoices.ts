import { skipToken, useQuery } from '@tanstack/react-query';

import { queryKeys } from '@/lib/query-keys';

import { api } from '../client';
import { unwrap } from '../errors';
import type { components } from '../schema';

export type Invoice = components['schemas']['InvoiceWithPayment'];

/**
 * One invoice with its payment state and balance, as the ledger has them now. Another
 * patient's invoice answers 404 like a missing one. Null (an address that is not an id) asks
 * nothing.
 */
export function useInvoice(id: number | null) {
  return useQuery({
    queryKey: queryKeys.invoices.detail(id ?? 0),
    queryFn:
      id === null
        ? skipToken
        : async () =>
            unwrap(await api.GET('/api/v1/invoices/{id}/', { params: { path: { id } } })),
  });
}
