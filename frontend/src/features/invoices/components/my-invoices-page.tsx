import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { EmptyList } from '@/components/list-states';
import { paths } from '@/config/paths';
import { formatMoney } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';

import { useDashboard } from '../api/get-balance';
import { useInvoices } from '../api/get-invoices';
import { DownloadPdfButton } from './download-pdf-button';

const INVOICES_PAGE_SIZE = 25;

/** Said when there is no invoice yet: it is issued at discharge. */
function NoInvoiceYet() {
  const dashboard = useDashboard();
  const format = useHospitalFormat();
  const admissions = dashboard.data?.patient?.admissions;
  if (admissions?.status === 'ADMITTED' && admissions.admitted_on !== null) {
    return (
      <EmptyList
        title="Your invoice appears here after discharge"
        description={`You are in hospital since ${format.date(admissions.admitted_on)}. The invoice for your stay is issued when you are discharged.`}
      />
    );
  }
  return (
    <EmptyList
      title="You have no invoices"
      description="An invoice appears here after you are discharged from a hospital stay."
    />
  );
}

/** "My invoices": the patient's invoices with a PDF download; before discharge, why there is none. */
export function MyInvoicesPage() {
  const [page, setPage] = useState(1);
  const invoices = useInvoices({ page, page_size: INVOICES_PAGE_SIZE });

  const format = useHospitalFormat();

  const list = (
    <DataTable
      label="My invoices"
      noun="invoices"
      loading={invoices.isPending}
      error={invoices.error}
      onRetry={invoices.refetch}
      records={invoices.data?.results}
      rowKey={(invoice) => invoice.id}
      empty={<NoInvoiceYet />}
      columns={[
        {
          key: 'number',
          header: 'Invoice',
          card: 'title',
          render: (invoice) => `Invoice ${invoice.number}`,
        },
        {
          key: 'stay',
          header: 'Stay',
          render: (invoice) =>
            `${format.date(invoice.admitted_on)} to ${format.date(invoice.discharged_on)} (${
              invoice.days === 1 ? '1 day' : `${invoice.days} days`
            })`,
        },
        {
          key: 'doctor',
          header: 'Doctor',
          render: (invoice) => `Dr. ${invoice.doctor_name} (${invoice.doctor_department})`,
        },
        {
          key: 'total',
          header: 'Total',
          render: (invoice) => (
            <Text span fw={700} size="sm">
              {formatMoney(invoice.total, invoice.currency)}
            </Text>
          ),
        },
      ]}
      rowActions={(invoice) => (
        <Group gap="xs">
          <Button
            component={Link}
            to={paths.patient.invoice.getHref(invoice.id)}
            variant="default"
            size="xs"
            aria-label={`View invoice ${invoice.number}`}
          >
            View invoice
          </Button>
          <DownloadPdfButton invoice={invoice} withNumber />
        </Group>
      )}
      pagination={{
        page,
        pageSize: INVOICES_PAGE_SIZE,
        count: invoices.data?.count ?? 0,
        onChange: setPage,
      }}
    />
  );

  return (
    <Stack gap="lg">
      <Title order={1}>My invoices</Title>
      {list}
    </Stack>
  );
}
