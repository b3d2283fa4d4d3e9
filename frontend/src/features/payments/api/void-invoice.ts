import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { moneyChanged } from './keys';

/** Void an invoice with nothing paid on it, with a reason (a credit note records it). */
export function useVoidInvoice(invoiceId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ reason, key }: { reason: string; key: string }) =>
      unwrap(
        await api.POST('/api/v1/invoices/{id}/void/', {
          params: { path: { id: invoiceId }, header: { 'Idempotency-Key': key } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      moneyChanged(queryClient);
    },
  });
}
