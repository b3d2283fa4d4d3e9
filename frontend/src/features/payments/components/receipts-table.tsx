import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';

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
  if (receipts.length === 0) {
    return <Text c="dimmed">No receipts yet.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Receipts" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {receipts.map((receipt) => (
            <Table.Tr key={receipt.id}>
              <Table.Td>
                {receipt.number}
                {receipt.kind === 'ADVANCE' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (advance)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{format.dateTime(receipt.received_at)}</Table.Td>
              <Table.Td>{METHOD_LABEL[receipt.method]}</Table.Td>
              <Table.Td ta="right">
                {formatMoney(receipt.amount, receipt.currency)}
                {receipt.refunded !== '0.00' && (
                  <Text size="xs" c="dimmed">
                    refunded {formatMoney(receipt.refunded, receipt.currency)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
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
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
