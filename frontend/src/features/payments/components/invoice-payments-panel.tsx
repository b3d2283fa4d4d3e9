import { Anchor, Button, DataList, Group, Modal, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { ReasonModal } from '@/components/reason-modal';
import { paths } from '@/config/paths';
import { fieldErrors } from '@/lib/api/errors';
import { useInvoice } from '@/lib/api/resources/invoices';
import { formatMoney, todayIn } from '@/lib/format';
import { amount, dateWithin, focusFirstError, requiredText, validateWith, z } from '@/lib/forms';
import { useHospital } from '@/lib/hospital';
import { notifyError, notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useDownloadDocument } from '../api/download-document';
import { useReceipts } from '../api/get-receipts';
import type { InvoiceWithPayment, Receipt } from '../api/keys';
import { newIdempotencyKey } from '../api/keys';
import type { RebillBody } from '../api/rebill-invoice';
import { useRebillInvoice } from '../api/rebill-invoice';
import { useRecordPayment } from '../api/record-payment';
import { useRefundPayment } from '../api/refund-payment';
import { useVoidInvoice } from '../api/void-invoice';
import { MoneyForm } from './money-form';
import { PaymentStateBadge } from './payment-state-badge';
import { ReceiptsTable } from './receipts-table';

/** Payments on the admin's invoice page: balance, record a payment, receipts, refund, void. */
export function InvoicePaymentsPanel() {
  const id = idFrom(useParams().invoiceId);
  if (id === null) return null;
  return <AccountPanel id={id} />;
}

function AccountPanel({ id }: { id: number }) {
  const account = useInvoice(id);
  if (account.isPending) return <PanelLoader label="Loading the payments…" />;
  if (account.isError) {
    return <LoadError what="the payments" error={account.error} onRetry={account.refetch} />;
  }
  return <AccountView invoice={account.data} />;
}

export function BalanceFacts({ invoice }: { invoice: InvoiceWithPayment }) {
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  return (
    <DataList>
      <DataList.Item>
        <DataList.ItemLabel>Payment state</DataList.ItemLabel>
        <DataList.ItemValue>
          <PaymentStateBadge state={invoice.payment_state} />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Balance</DataList.ItemLabel>
        <DataList.ItemValue data-testid="invoice-balance">{money(invoice.balance)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Paid</DataList.ItemLabel>
        <DataList.ItemValue>
          {money(invoice.amount_paid)}
          {invoice.advance_applied !== '0.00' &&
            ` (including the advance of ${money(invoice.advance_applied)})`}
        </DataList.ItemValue>
      </DataList.Item>
      {invoice.amount_refunded !== '0.00' && (
        <DataList.Item>
          <DataList.ItemLabel>Refunded</DataList.ItemLabel>
          <DataList.ItemValue>{money(invoice.amount_refunded)}</DataList.ItemValue>
        </DataList.Item>
      )}
    </DataList>
  );
}

function AccountView({ invoice }: { invoice: InvoiceWithPayment }) {
  const receipts = useReceipts({ invoice: invoice.id });
  const record = useRecordPayment(invoice.id);
  const voiding = useVoidInvoice(invoice.id);
  const download = useDownloadDocument();
  const [voidOpen, setVoidOpen] = useState(false);
  const [voidKey, setVoidKey] = useState(newIdempotencyKey);
  const [refunding, setRefunding] = useState<Receipt | null>(null);
  const isVoid = invoice.payment_state === 'VOID';
  // An advance goes back to the stay on a void; payments must be refunded first.
  const paidNet =
    Number(invoice.amount_paid) - Number(invoice.advance_applied) - Number(invoice.amount_refunded);
  const nothingPaid = paidNet <= 0;

  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Payments
          </Title>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                download.mutate(
                  { kind: 'statement', id: invoice.id, number: invoice.number },
                  {
                    onSuccess: (name) => {
                      notifySuccess('Statement downloaded', `${name} was saved.`);
                    },
                    onError: (error) => {
                      notifyError('Could not download the statement', error);
                    },
                  },
                );
              }}
            >
              Statement PDF
            </Button>
            {!isVoid && nothingPaid && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => {
                  setVoidOpen(true);
                }}
              >
                Void invoice
              </Button>
            )}
          </Group>
        </Group>
        <BalanceFacts invoice={invoice} />
        {invoice.replaced_by !== null && (
          <Anchor component={Link} to={paths.admin.invoice.getHref(invoice.replaced_by)}>
            Corrected invoice
          </Anchor>
        )}
        {invoice.replaces !== null && (
          <Anchor component={Link} to={paths.admin.invoice.getHref(invoice.replaces)}>
            Replaces a voided invoice
          </Anchor>
        )}
        {!isVoid && invoice.balance !== '0.00' && (
          <>
            <Title order={3} size="h5">
              Record a payment
            </Title>
            <MoneyForm
              submitLabel="Record payment"
              pending={record.isPending}
              error={record.error}
              defaultAmount={invoice.balance}
              onSubmit={async (body, key) => {
                try {
                  const receipt = await record.mutateAsync({ body, key });
                  notifySuccess('Payment recorded', `Receipt ${receipt.number} was issued.`);
                  return true;
                } catch {
                  return false;
                }
              }}
            />
          </>
        )}
        {isVoid && invoice.replaced_by === null && <RebillForm invoice={invoice} />}
        <Title order={3} size="h5">
          Receipts
        </Title>
        {receipts.isPending ? (
          <PanelLoader label="Loading the receipts…" />
        ) : receipts.isError ? (
          <LoadError what="the receipts" error={receipts.error} onRetry={receipts.refetch} />
        ) : (
          <ReceiptsTable
            receipts={receipts.data.results}
            onRefund={isVoid ? undefined : setRefunding}
          />
        )}
      </Stack>
      <ReasonModal
        opened={voidOpen}
        onClose={() => {
          setVoidOpen(false);
        }}
        title={`Void invoice ${invoice.number}`}
        description="A numbered credit note records the void. The stay can then be billed again."
        reasonRequired
        confirmLabel="Void invoice"
        pending={voiding.isPending}
        error={voiding.error}
        onConfirm={(reason) => {
          voiding.mutate(
            { reason, key: voidKey },
            {
              onSuccess: () => {
                setVoidOpen(false);
                setVoidKey(newIdempotencyKey());
                notifySuccess('Invoice voided', `${invoice.number} is void.`);
              },
            },
          );
        }}
      />
      {refunding !== null && (
        <RefundModal
          receipt={refunding}
          onClose={() => {
            setRefunding(null);
          }}
        />
      )}
    </Paper>
  );
}

/** A refund of (part of) a receipt: the amount and why. */
export const refundSchema = z.object({
  amount: amount(),
  reason: requiredText('Give a reason.').check(z.maxLength(500, 'At most 500 characters.')),
});

function RefundModal({ receipt, onClose }: { receipt: Receipt; onClose: () => void }) {
  const refund = useRefundPayment();
  const [key] = useState(newIdempotencyKey);
  const form = useForm<z.input<typeof refundSchema>>({
    initialValues: { amount: '', reason: '' },
    validate: validateWith(refundSchema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(refund.error));
  }, [refund.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (refund.isPending) return;
    refund.mutate(
      { paymentId: receipt.id, ...refundSchema.parse(values), key },
      {
        onSuccess: (row) => {
          notifySuccess('Refund recorded', `Refund ${row.number} was issued.`);
          onClose();
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={`Refund ${receipt.number}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Amount to refund"
            required
            inputMode="decimal"
            {...form.getInputProps('amount')}
          />
          <TextInput label="Reason" required maxLength={500} {...form.getInputProps('reason')} />
          <FormError error={refund.error} shownFields={['amount', 'reason']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={refund.isPending}>
              Refund
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A corrected bill for a voided invoice's stay: the discharge date and the charges again. */
export function rebillSchema(admittedOn: string, today: string) {
  return z.object({
    discharged_on: dateWithin('Enter the discharge date.', {
      min: [admittedOn, 'The discharge date cannot be before the admission date.'],
      max: [today, 'The discharge date cannot be in the future.'],
    }),
    room_charge_per_day: amount(),
    doctor_fee: amount(),
    medicine_cost: amount(),
    other_charge: amount(),
  });
}

const REBILL_FIELDS = [
  'discharged_on',
  'room_charge_per_day',
  'doctor_fee',
  'medicine_cost',
  'other_charge',
];

function RebillForm({ invoice }: { invoice: InvoiceWithPayment }) {
  const rebill = useRebillInvoice(invoice.id);
  const navigate = useNavigate();
  const hospital = useHospital();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const schema = rebillSchema(invoice.admitted_on, today);
  const form = useForm<z.input<typeof schema>>({
    initialValues: {
      discharged_on: invoice.discharged_on,
      room_charge_per_day: invoice.room_charge_per_day,
      doctor_fee: invoice.doctor_fee,
      medicine_cost: invoice.medicine_cost,
      other_charge: invoice.other_charge,
    },
    validate: validateWith(schema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(rebill.error));
  }, [rebill.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (rebill.isPending) return;
    const body: RebillBody = schema.parse(values);
    rebill.mutate(body, {
      onSuccess: (corrected) => {
        notifySuccess('Corrected invoice issued', `${corrected.number} replaces ${invoice.number}.`);
        void navigate(paths.admin.invoice.getHref(corrected.id));
      },
    });
  }, focusFirstError(form));

  const charge = (name: (typeof REBILL_FIELDS)[number], label: string) => (
    <TextInput label={label} required inputMode="decimal" w={160} {...form.getInputProps(name)} />
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Bill the stay again">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Bill the stay again
        </Title>
        <Group align="flex-start" wrap="wrap">
          <DateField
            label="Discharged on"
            required
            min={invoice.admitted_on}
            max={today}
            w={180}
            {...form.getInputProps('discharged_on')}
          />
          {charge('room_charge_per_day', 'Room charge per day')}
          {charge('doctor_fee', 'Doctor fee')}
          {charge('medicine_cost', 'Medicine cost')}
          {charge('other_charge', 'Other charges')}
        </Group>
        <Group>
          <Button type="submit" loading={rebill.isPending}>
            Issue corrected invoice
          </Button>
        </Group>
        <FormError error={rebill.error} shownFields={REBILL_FIELDS} />
      </Stack>
    </form>
  );
}
