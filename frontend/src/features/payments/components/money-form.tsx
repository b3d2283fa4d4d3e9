import { Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';

import { FormError } from '@/components/form-error';
import { fieldErrors } from '@/lib/api/errors';
import { amount, optionalText, validateWith, z } from '@/lib/forms';

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

/** Money received: an amount, how it was paid and an optional reference (slip, UTR). */
export const moneySchema = z.object({
  amount: amount(),
  method: z.enum(Object.keys(METHOD_LABEL) as [PaymentMethod, ...PaymentMethod[]], {
    error: 'Choose how it was paid.',
  }),
  reference: optionalText().check(z.maxLength(100, 'At most 100 characters.')),
});

/** Amount, method and reference of money received; a retry of one attempt reuses its key. */
export function MoneyForm({ submitLabel, pending, error, onSubmit, defaultAmount = '' }: MoneyFormProps) {
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<z.input<typeof moneySchema>>({
    initialValues: { amount: defaultAmount, method: 'CASH', reference: '' },
    validate: validateWith(moneySchema),
    // Another amount is another payment: it gets a new Idempotency-Key.
    onValuesChange: (values, previous) => {
      if (values.amount !== previous.amount) setKey(newIdempotencyKey());
    },
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(error));
  }, [error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (pending) return;
    const body: PaymentBody = moneySchema.parse(values);
    void onSubmit(body, key).then((recorded) => {
      if (!recorded) return;
      form.setValues({ amount: '', reference: '' });
      form.resetTouched();
      setKey(newIdempotencyKey());
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Amount"
          required
          inputMode="decimal"
          placeholder="500.00"
          w={140}
          {...form.getInputProps('amount')}
        />
        <Select
          label="Method"
          data={METHODS}
          allowDeselect={false}
          w={170}
          {...form.getInputProps('method')}
        />
        <TextInput
          label="Reference"
          placeholder="Card slip, UTR…"
          maxLength={100}
          w={180}
          {...form.getInputProps('reference')}
        />
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
      <FormError error={error} shownFields={['amount', 'method', 'reference']} />
    </form>
  );
}
