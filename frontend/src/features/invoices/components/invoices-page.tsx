import { Anchor, Group, Stack, Table, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';

import { DateField } from '@/components/date-field';
import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { paths } from '@/config/paths';
import { formatMoney, isIsoDate } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { pageFrom, useUrlParams } from '@/lib/use-url-params';

import { useInvoices } from '../api/get-invoices';
import { DownloadPdfButton } from './download-pdf-button';

const PARAMS = ['from', 'to', 'page'] as const;
const PAGE_SIZE = 25;

/** Invoices (admin): every issued invoice, newest first, by issue date; view and download. */
export function InvoicesPage() {
  const [params, setParams] = useUrlParams(PARAMS);
  const page = pageFrom(params.page);
  const from = isIsoDate(params.from) ? params.from : undefined;
  const to = isIsoDate(params.to) ? params.to : undefined;
  const invoices = useInvoices({ issued_from: from, issued_to: to, page, page_size: PAGE_SIZE });
  const format = useHospitalFormat();
  const filtered = from !== undefined || to !== undefined;

  return (
    <Stack gap="md">
      <PageHeader
        title="Invoices"
        description="Invoices are issued at discharge and never change afterwards."
      />
      <Group align="flex-end" gap="sm">
        <DateField
          label="Issued from"
          value={params.from}
          onChange={(value) => {
            setParams({ from: value });
          }}
        />
        <DateField
          label="Issued to"
          value={params.to}
          onChange={(value) => {
            setParams({ to: value });
          }}
        />
      </Group>
      {invoices.isPending ? (
        <PanelLoader label="Loading invoices…" />
      ) : invoices.isError ? (
        <LoadError what="the invoices" error={invoices.error} onRetry={invoices.refetch} />
      ) : invoices.data.results.length === 0 ? (
        <EmptyList
          title={filtered ? 'No invoices issued in these dates' : 'No invoices yet'}
          description="An invoice is issued when a patient is discharged."
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <VisuallyHidden component="caption">Invoices</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Number</Table.Th>
                  <Table.Th scope="col">Patient</Table.Th>
                  <Table.Th scope="col">Doctor</Table.Th>
                  <Table.Th scope="col">Issued</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Total
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invoices.data.results.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      <Anchor component={Link} to={paths.admin.invoice.getHref(invoice.id)}>
                        {invoice.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{invoice.patient_name}</Table.Td>
                    <Table.Td>{invoice.doctor_name}</Table.Td>
                    <Table.Td>{format.dateTime(invoice.issued_at)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(invoice.total, invoice.currency)}</Table.Td>
                    <Table.Td>
                      <DownloadPdfButton invoice={invoice} size="xs" withNumber />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListPagination
            page={page}
            pageSize={PAGE_SIZE}
            count={invoices.data.count}
            label="invoices"
            onChange={(next) => {
              setParams({ page: next });
            }}
          />
        </>
      )}
    </Stack>
  );
}
