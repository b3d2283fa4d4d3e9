import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

import { moneyChanged } from './keys';
import type { PaymentBody } from './record-payment';

/** Take an advance against an open admission; `key` is the attempt's Idempotency-Key. */
export function useTakeAdvance(admissionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: PaymentBody; key: string }) =>
      unwrap(
        await api.POST('/api/v1/admissions/{id}/advance/', {
          params: { path: { id: admissionId }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: () => {
      moneyChanged(queryClient);
    },
  });
}
