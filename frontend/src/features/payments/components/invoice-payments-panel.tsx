import { Anchor, Button, DataList, Group, Modal, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { ReasonModal } from '@/components/reason-modal';
import { paths } from '@/config/paths';
import { fieldErrors } from '@/lib/api/errors';
import { useInvoice } from '@/lib/api/resources/invoices';
import { formatMoney } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useDownloadDocument } from '../api/download-document';
import { useReceipts } from '../api/get-receipts';
import type { InvoiceWithPayment, Receipt } from '../api/keys';
import { newIdempotencyKey } from '../api/keys';
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

function RefundModal({ receipt, onClose }: { receipt: Receipt; onClose: () => void }) {
  const refund = useRefundPayment();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [key] = useState(newIdempotencyKey);
  const errors = fieldErrors(refund.error);
  return (
    <Modal opened onClose={onClose} title={`Refund ${receipt.number}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          refund.mutate(
            { paymentId: receipt.id, amount: amount.trim(), reason: reason.trim(), key },
            {
              onSuccess: (row) => {
                notifySuccess('Refund recorded', `Refund ${row.number} was issued.`);
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label="Amount to refund"
            required
            inputMode="decimal"
            value={amount}
            error={errors.amount}
            onChange={(event) => {
              setAmount(event.currentTarget.value);
            }}
          />
          <TextInput
            label="Reason"
            required
            maxLength={500}
            value={reason}
            error={errors.reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
            }}
          />
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

function RebillForm({ invoice }: { invoice: InvoiceWithPayment }) {
  const rebill = useRebillInvoice(invoice.id);
  const navigate = useNavigate();
  const [values, setValues] = useState({
    discharged_on: invoice.discharged_on,
    room_charge_per_day: invoice.room_charge_per_day,
    doctor_fee: invoice.doctor_fee,
    medicine_cost: invoice.medicine_cost,
    other_charge: invoice.other_charge,
  });
  const errors = fieldErrors(rebill.error);
  const field = (name: keyof typeof values, label: string) => (
    <TextInput
      label={label}
      required
      value={values[name]}
      error={errors[name]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [name]: value }));
      }}
      w={160}
    />
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        rebill.mutate(values, {
          onSuccess: (corrected) => {
            notifySuccess('Corrected invoice issued', `${corrected.number} replaces ${invoice.number}.`);
            void navigate(paths.admin.invoice.getHref(corrected.id));
          },
        });
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          Bill the stay again
        </Title>
        <Group align="flex-end" wrap="wrap">
          {field('discharged_on', 'Discharged on')}
          {field('room_charge_per_day', 'Room charge per day')}
          {field('doctor_fee', 'Doctor fee')}
          {field('medicine_cost', 'Medicine cost')}
          {field('other_charge', 'Other charges')}
          <Button type="submit" loading={rebill.isPending}>
            Issue corrected invoice
          </Button>
        </Group>
        <FormError error={rebill.error} shownFields={Object.keys(values)} />
      </Stack>
    </form>
  );
}
