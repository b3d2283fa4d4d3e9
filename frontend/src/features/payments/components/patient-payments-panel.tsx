import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useParams } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { notifyError, notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useDownloadDocument } from '../api/download-document';
import { useInvoiceAccount } from '../api/get-invoice-account';
import { useReceipts } from '../api/get-receipts';
import { BalanceFacts } from './invoice-payments-panel';
import { ReceiptsTable } from './receipts-table';

/** The patient's view of an invoice's payments: state, balance, receipts to download. */
export function PatientPaymentsPanel() {
  const id = idFrom(useParams().invoiceId);
  if (id === null) return null;
  return <PatientPayments id={id} />;
}

function PatientPayments({ id }: { id: number }) {
  const account = useInvoiceAccount(id);
  const receipts = useReceipts({ invoice: id });
  const download = useDownloadDocument();
  if (account.isPending || receipts.isPending) return <PanelLoader label="Loading the payments…" />;
  if (account.isError) {
    return <LoadError what="the payments" error={account.error} onRetry={account.refetch} />;
  }
  if (receipts.isError) {
    return <LoadError what="the receipts" error={receipts.error} onRetry={receipts.refetch} />;
  }
  const invoice = account.data;
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
        <ReceiptsTable receipts={receipts.data.results} />
      </Stack>
    </Paper>
  );
}
