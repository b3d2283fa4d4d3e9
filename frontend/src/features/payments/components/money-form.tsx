import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { fieldErrors } from '@/lib/api/errors';

import type { PaymentMethod } from '../api/keys';
import { METHOD_LABEL, newIdempotencyKey } from '../api/keys';
import type { PaymentBody } from '../api/record-payment';

interface MoneyFormProps {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Called with the body and this attempt's Idempotency-Key; resolve true when recorded. */
  onSubmit: (body: PaymentBody, key: string) => Promise<boolean>;
  defaultAmount?: string;
}

const METHODS = Object.entries(METHOD_LABEL).map(([value, label]) => ({ value, label }));

/** Amount, method and reference of money received; a retry of one attempt reuses its key. */
export function MoneyForm({ submitLabel, pending, error, onSubmit, defaultAmount = '' }: MoneyFormProps) {
  const [amount, setAmount] = useState(defaultAmount);
  const [method, setMethod] = useState<PaymentMethod>('CASH');
  const [reference, setReference] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const errors = fieldErrors(error);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        void onSubmit({ amount: amount.trim(), method, reference: reference.trim() }, key).then(
          (recorded) => {
            if (!recorded) return;
            setAmount('');
            setReference('');
            setKey(newIdempotencyKey());
          },
        );
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Amount"
          required
          inputMode="decimal"
          placeholder="500.00"
          value={amount}
          error={errors.amount}
          onChange={(event) => {
            setAmount(event.currentTarget.value);
            setKey(newIdempotencyKey());
          }}
          w={140}
        />
        <Select
          label="Method"
          data={METHODS}
          value={method}
          allowDeselect={false}
          error={errors.method}
          onChange={(value) => {
            if (value !== null) setMethod(value as PaymentMethod);
          }}
          w={170}
        />
        <TextInput
          label="Reference"
          placeholder="Card slip, UTR…"
          maxLength={100}
          value={reference}
          error={errors.reference}
          onChange={(event) => {
            setReference(event.currentTarget.value);
          }}
          w={180}
        />
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
      <FormError error={error} shownFields={['amount', 'method', 'reference']} />
    </form>
  );
}
