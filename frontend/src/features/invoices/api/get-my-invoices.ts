import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const INVOICES_PAGE_SIZE = 25;

export function myInvoicesQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['invoices', 'list', { page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/invoices/', {
          params: { query: { page, page_size: INVOICES_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The patient's own invoices, newest first (issued at discharge). */
export function useMyInvoices(page: number) {
  return useQuery(myInvoicesQueryOptions(page));
}
