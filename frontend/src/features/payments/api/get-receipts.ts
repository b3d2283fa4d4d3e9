import { useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

/** The receipts (payments and advances) of one invoice or one stay, newest first. */
export function useReceipts(filter: { invoice?: number; admission?: number }) {
  return useQuery({
    queryKey: queryKeys.payments.receipts(filter),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/payments/', {
          params: { query: { ...filter, page_size: 100 } },
        }),
      ),
  });
}
