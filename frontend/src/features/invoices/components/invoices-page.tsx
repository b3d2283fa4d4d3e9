import { Anchor, Group, Stack } from '@mantine/core';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { formatMoney, isIsoDate } from '@/lib/format';
import { paths } from '@/config/paths';
import { useHospitalFormat } from '@/lib/hospital';
import { pageFrom, useUrlParams } from '@/lib/use-url-params';

import { useInvoices } from '../api/get-invoices';
import { DownloadPdfButton } from './download-pdf-button';
import { DateField } from '@/components/date-field';

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
      <DataTable
        label="Invoices"
        noun="invoices"
        loading={invoices.isPending}
        error={invoices.error}
        onRetry={invoices.refetch}
        records={invoices.data?.results}
        rowKey={(invoice) => invoice.id}
        minWidth={820}
        empty={{
          title: filtered ? 'No invoices issued in these dates' : 'No invoices yet',
          description: 'An invoice is issued when a patient is discharged.',
        }}
        columns={[
          {
            key: 'number',
            header: 'Number',
            card: 'title',
            render: (invoice) => (
              <Anchor component={Link} to={paths.admin.invoice.getHref(invoice.id)}>
                {invoice.number}
              </Anchor>
            ),
          },
          { key: 'patient', header: 'Patient', render: (invoice) => invoice.patient_name },
          { key: 'doctor', header: 'Doctor', render: (invoice) => invoice.doctor_name },
          {
            key: 'issued',
            header: 'Issued',
            render: (invoice) => format.dateTime(invoice.issued_at),
          },
          {
            key: 'total',
            header: 'Total',
            cellStyle: { textAlign: 'right' },
            render: (invoice) => formatMoney(invoice.total, invoice.currency),
          },
        ]}
        rowActions={(invoice) => <DownloadPdfButton invoice={invoice} size="xs" withNumber />}
        pagination={{
          page,
          pageSize: PAGE_SIZE,
          count: invoices.data?.count ?? 0,
          onChange: (next) => {
            setParams({ page: next });
          },
        }}
      />
    </Stack>
  );
}
