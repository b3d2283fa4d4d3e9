import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

import { moneyChanged } from './keys';

export type RebillBody = components['schemas']['AdmissionDischargeRequest'];

/** Bill a voided invoice's stay again: a corrected invoice that references it. */
export function useRebillInvoice(invoiceId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RebillBody) =>
      unwrap(
        await api.POST('/api/v1/invoices/{id}/rebill/', {
          params: { path: { id: invoiceId } },
          body,
        }),
      ),
    onSuccess: () => {
      moneyChanged(queryClient);
    },
  });
}
