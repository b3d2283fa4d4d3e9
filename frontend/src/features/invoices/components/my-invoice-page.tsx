import { Anchor, Button, Card, DataList, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { type Invoice, useInvoice } from '@/lib/api/resources/invoices';
import { formatMoney } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';

import { DownloadPdfButton } from './download-pdf-button';


function InvoiceNotFound() {
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>Invoice not found</Title>
      <Text>There is no invoice of yours at this address.</Text>
      <div>
        <Button component={Link} to={paths.patient.invoices.getHref()}>
          Go to my invoices
        </Button>
      </div>
    </Stack>
  );
}

function InvoiceDetails({ invoice }: { invoice: Invoice }) {
  const format = useHospitalFormat();
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  const days = invoice.days === 1 ? '1 day' : `${invoice.days} days`;
  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Anchor component={Link} to={paths.patient.invoices.getHref()} size="sm">
          ← My invoices
        </Anchor>
        <Title order={1}>Invoice {invoice.number}</Title>
        <Text c="dimmed">Issued {format.dateTime(invoice.issued_at)}</Text>
      </div>
      <Group>
        <DownloadPdfButton invoice={invoice} withNumber />
      </Group>
      <Card withBorder padding="lg">
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Patient</DataList.ItemLabel>
            <DataList.ItemValue>{invoice.patient_name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Doctor</DataList.ItemLabel>
            <DataList.ItemValue>
              Dr. {invoice.doctor_name} ({invoice.doctor_department})
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Admitted</DataList.ItemLabel>
            <DataList.ItemValue>{format.date(invoice.admitted_on)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Discharged</DataList.ItemLabel>
            <DataList.ItemValue>{format.date(invoice.discharged_on)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
            <DataList.ItemValue>{invoice.symptoms}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Card>
      <Card withBorder padding="lg">
        <Table captionSide="top" verticalSpacing="xs">
          <Table.Caption>Charges</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col" ta="right">
                Amount
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                Room: {days} × {money(invoice.room_charge_per_day)}
              </Table.Th>
              <Table.Td ta="right">{money(invoice.room_charge)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                Doctor&apos;s fee
              </Table.Th>
              <Table.Td ta="right">{money(invoice.doctor_fee)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                Medicines
              </Table.Th>
              <Table.Td ta="right">{money(invoice.medicine_cost)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                Other charges
              </Table.Th>
              <Table.Td ta="right">{money(invoice.other_charge)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Table.Td ta="right" fw={700}>
                {money(invoice.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Card>
    </Stack>
  );
}

/** One invoice of the patient (`/patient/invoices/:invoiceId`) with its PDF. */
export function InvoicePage() {
  const { invoiceId } = useParams();
  const id = Number(invoiceId);
  const valid = Number.isInteger(id) && id > 0;
  const invoice = useInvoice(valid ? id : null);

  if (!valid) return <InvoiceNotFound />;
  if (invoice.isPending) return <PageLoader label="Loading the invoice…" />;
  if (invoice.isError) {
    if (invoice.error instanceof ApiError && invoice.error.status === 404) {
      return <InvoiceNotFound />;
    }
    return <LoadError error={invoice.error} what="the invoice" onRetry={invoice.refetch} />;
  }
  return <InvoiceDetails invoice={invoice.data} />;
}
