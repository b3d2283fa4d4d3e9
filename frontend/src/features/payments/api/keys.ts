import type { QueryClient } from '@tanstack/react-query';

import type { components } from '@/lib/api/schema';
import { queryKeys } from '@/lib/query-keys';

type Schemas = components['schemas'];
export type InvoiceWithPayment = Schemas['InvoiceWithPayment'];
export type Receipt = Schemas['Payment'];
export type PaymentMethod = Schemas['MethodEnum'];
export type PaymentState = Schemas['PaymentStateEnum'];

export const METHOD_LABEL: Record<PaymentMethod, string> = {
  CASH: 'Cash',
  CARD: 'Card',
  UPI: 'UPI',
  BANK_TRANSFER: 'Bank transfer',
  INSURANCE: 'Insurance',
};

export const STATE_LABEL: Record<PaymentState, string> = {
  UNPAID: 'Unpaid',
  PART_PAID: 'Part paid',
  PAID: 'Paid',
  VOID: 'Void',
};

/** A fresh `Idempotency-Key` for one money move: a retry of the same attempt reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** After any money move: balances, receipts, invoices and admissions may all have changed. */
export function moneyChanged(queryClient: QueryClient): void {
  for (const key of [
    queryKeys.payments.all,
    queryKeys.invoices.all,
    queryKeys.admissions.all,
    queryKeys.dashboard.all,
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
