import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { moneyChanged } from './keys';

/** Refund part or all of a receipt, with a reason. */
export function useRefundPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      paymentId,
      amount,
      reason,
      key,
    }: {
      paymentId: number;
      amount: string;
      reason: string;
      key: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/payments/{id}/refund/', {
          params: { path: { id: paymentId }, header: { 'Idempotency-Key': key } },
          body: { amount, reason },
        }),
      ),
    onSuccess: () => {
      moneyChanged(queryClient);
    },
  });
}
