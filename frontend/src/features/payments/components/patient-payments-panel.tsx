import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useParams } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { useInvoice } from '@/lib/api/resources/invoices';
import { notifyError, notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useDownloadDocument } from '../api/download-document';
import { useReceipts } from '../api/get-receipts';
import type { InvoiceWithPayment } from '../api/keys';
import { BalanceFacts } from './invoice-payments-panel';
import { ReceiptsTable } from './receipts-table';

/** The patient's view of an invoice's payments: state, balance, receipts to download. */
export function PatientPaymentsPanel() {
  const id = idFrom(useParams().invoiceId);
  if (id === null) return null;
  return <PatientPayments id={id} />;
}

function PatientPayments({ id }: { id: number }) {
  const account = useInvoice(id);
  if (account.isPending) return <PanelLoader label="Loading the payments…" />;
  if (account.isError) {
    return <LoadError what="the payments" error={account.error} onRetry={account.refetch} />;
  }
  return <PatientAccount invoice={account.data} />;
}

/**
 * An advance stays a receipt of the stay (a void gives it back to the stay), so the stay's
 * receipts are read and those of this invoice kept, with the advances it applied.
 */
function PatientAccount({ invoice }: { invoice: InvoiceWithPayment }) {
  const receipts = useReceipts({ admission: invoice.admission });
  const download = useDownloadDocument();
  if (receipts.isPending) return <PanelLoader label="Loading the receipts…" />;
  if (receipts.isError) {
    return <LoadError what="the receipts" error={receipts.error} onRetry={receipts.refetch} />;
  }
  const appliesAdvance = invoice.advance_applied !== '0.00';
  const mine = receipts.data.results.filter(
    (receipt) =>
      receipt.invoice === invoice.id || (appliesAdvance && receipt.kind === 'ADVANCE'),
  );
  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Payments
          </Title>
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
        </Group>
        <BalanceFacts invoice={invoice} />
        <Title order={3} size="h5">
          Receipts
        </Title>
        <ReceiptsTable receipts={mine} />
      </Stack>
    </Paper>
  );
}
