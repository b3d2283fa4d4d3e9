import { Button, Group, Text } from '@mantine/core';

import { DataTable } from '@/components/data-table';

import { formatMoney } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { notifyError, notifySuccess } from '@/lib/notify';

import { useDownloadDocument } from '../api/download-document';
import type { Receipt } from '../api/keys';
import { METHOD_LABEL } from '../api/keys';

interface ReceiptsTableProps {
  receipts: Receipt[];
  /** The admin may refund a receipt; patients only download. */
  onRefund?: (receipt: Receipt) => void;
}

/** Receipts with their PDF ("print receipt") and, for the admin, a refund. */
export function ReceiptsTable({ receipts, onRefund }: ReceiptsTableProps) {
  const format = useHospitalFormat();
  const download = useDownloadDocument();
  return (
    <DataTable
      label="Receipts"
      cardHeadingOrder={4}
      noun="receipts"
      loading={false}
      records={receipts}
      rowKey={(receipt) => receipt.id}
      striped={false}
      empty={{ title: 'No receipts yet.' }}
      columns={[
        {
          key: 'number',
          header: 'Receipt',
          card: 'title',
          render: (receipt) => (
            <>
              {receipt.number}
              {receipt.kind === 'ADVANCE' && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (advance)
                </Text>
              )}
            </>
          ),
        },
        {
          key: 'received',
          header: 'Received',
          render: (receipt) => format.dateTime(receipt.received_at),
        },
        { key: 'method', header: 'Method', render: (receipt) => METHOD_LABEL[receipt.method] },
        {
          key: 'amount',
          header: 'Amount',
          cellStyle: { textAlign: 'right' },
          render: (receipt) => (
            <>
              {formatMoney(receipt.amount, receipt.currency)}
              {receipt.refunded !== '0.00' && (
                <Text size="xs" c="dimmed">
                  refunded {formatMoney(receipt.refunded, receipt.currency)}
                </Text>
              )}
            </>
          ),
        },
      ]}
      rowActions={(receipt) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            aria-label={`Download receipt ${receipt.number}`}
            onClick={() => {
              download.mutate(
                { kind: 'receipt', id: receipt.id, number: receipt.number },
                {
                  onSuccess: (name) => {
                    notifySuccess('Receipt downloaded', `${name} was saved.`);
                  },
                  onError: (error) => {
                    notifyError(`Could not download ${receipt.number}`, error);
                  },
                },
              );
            }}
          >
            Receipt PDF
          </Button>
          {onRefund && receipt.refunded !== receipt.amount && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={`Refund ${receipt.number}`}
              onClick={() => {
                onRefund(receipt);
              }}
            >
              Refund
            </Button>
          )}
        </Group>
      )}
    />
  );
}
