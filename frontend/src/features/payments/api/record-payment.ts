import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

import { moneyChanged } from './keys';

export type PaymentBody = components['schemas']['PaymentCreateRequest'];

/** Record a payment against an invoice; `key` is the attempt's Idempotency-Key. */
export function useRecordPayment(invoiceId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: PaymentBody; key: string }) =>
      unwrap(
        await api.POST('/api/v1/invoices/{id}/pay/', {
          params: { path: { id: invoiceId }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: () => {
      moneyChanged(queryClient);
    },
  });
}
