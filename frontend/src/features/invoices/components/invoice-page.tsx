import { Anchor, DataList, Divider, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';

import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { paths } from '@/config/paths';
import { type Invoice, useInvoice } from '@/lib/api/resources/invoices';
import { formatMoney, formatPhone } from '@/lib/format';
import { useHospital, useHospitalFormat } from '@/lib/hospital';
import { idFrom } from '@/lib/use-url-params';

import { DownloadPdfButton } from './download-pdf-button';

const BACK = { to: paths.admin.invoices.getHref(), label: 'Invoices' };

/** One invoice (admin): every line as issued, and its PDF. */
export function InvoicePage() {
  const id = idFrom(useParams().invoiceId);
  if (id === null) {
    return (
      <Stack>
        <PageHeader title="Invoice not found" back={BACK} />
        <EmptyList title="There is no invoice at this address." />
      </Stack>
    );
  }
  return <InvoiceDetails id={id} />;
}

function InvoiceDetails({ id }: { id: number }) {
  const invoice = useInvoice(id);
  if (invoice.isPending) return <PanelLoader label="Loading the invoice…" />;
  if (invoice.isError) {
    return (
      <Stack>
        <PageHeader title="Invoice" back={BACK} />
        <LoadError what="the invoice" error={invoice.error} onRetry={invoice.refetch} />
      </Stack>
    );
  }
  return <InvoiceView invoice={invoice.data} />;
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const format = useHospitalFormat();
  const hospital = useHospital();
  const money = (amount: string) => formatMoney(amount, invoice.currency);

  return (
    <Stack gap="lg">
      <PageHeader
        title={`Invoice ${invoice.number}`}
        back={BACK}
        actions={<DownloadPdfButton invoice={invoice} />}
      />
      <Paper withBorder p="lg" maw={760}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={700}>{hospital.data?.name}</Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                {hospital.data?.address}
              </Text>
            </div>
            <Text size="sm" ta="right">
              Issued {format.dateTime(invoice.issued_at)}
            </Text>
          </Group>
          <Divider />
          <DataList>
            <DataList.Item>
              <DataList.ItemLabel>Patient</DataList.ItemLabel>
              <DataList.ItemValue>
                <Anchor component={Link} to={paths.admin.patient.getHref(invoice.patient)}>
                  {invoice.patient_name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatPhone(invoice.patient_mobile)} · {invoice.patient_address}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
              <DataList.ItemValue>{invoice.symptoms}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Doctor</DataList.ItemLabel>
              <DataList.ItemValue>
                {invoice.doctor_name} ({invoice.doctor_department})
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Stay</DataList.ItemLabel>
              <DataList.ItemValue>
                <Anchor component={Link} to={paths.admin.admission.getHref(invoice.admission)}>
                  {format.date(invoice.admitted_on)} – {format.date(invoice.discharged_on)}
                </Anchor>
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Title order={2} size="h4">
            Charges
          </Title>
          <Table verticalSpacing={6} aria-label="Charges">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">
                  Room ({invoice.days} {invoice.days === 1 ? 'day' : 'days'} ×{' '}
                  {money(invoice.room_charge_per_day)})
                </Table.Th>
                <Table.Td ta="right">{money(invoice.room_charge)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Doctor fee</Table.Th>
                <Table.Td ta="right">{money(invoice.doctor_fee)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Medicine cost</Table.Th>
                <Table.Td ta="right">{money(invoice.medicine_cost)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Other charges</Table.Th>
                <Table.Td ta="right">{money(invoice.other_charge)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {money(invoice.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
    </Stack>
  );
}
