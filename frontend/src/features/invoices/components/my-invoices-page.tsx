import { Button, Card, DataList, Group, Stack, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import type { components } from '@/lib/api/schema';
import { formatMoney } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';

import { useDashboard } from '../api/get-balance';
import { useInvoices } from '../api/get-invoices';
import { DownloadPdfButton } from './download-pdf-button';

type Invoice = components['schemas']['InvoiceWithPayment'];

const INVOICES_PAGE_SIZE = 25;

function InvoiceCard({ invoice }: { invoice: Invoice }) {
  const headingId = useId();
  const format = useHospitalFormat();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          Invoice {invoice.number}
        </Title>
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Stay</DataList.ItemLabel>
            <DataList.ItemValue>
              {format.date(invoice.admitted_on)} to {format.date(invoice.discharged_on)} (
              {invoice.days === 1 ? '1 day' : `${invoice.days} days`})
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Doctor</DataList.ItemLabel>
            <DataList.ItemValue>
              Dr. {invoice.doctor_name} ({invoice.doctor_department})
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Total</DataList.ItemLabel>
            <DataList.ItemValue fw={700}>
              {formatMoney(invoice.total, invoice.currency)}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Group gap="sm">
          <Button
            component={Link}
            to={paths.patient.invoice.getHref(invoice.id)}
            variant="default"
            aria-label={`View invoice ${invoice.number}`}
          >
            View invoice
          </Button>
          <DownloadPdfButton invoice={invoice} withNumber />
        </Group>
      </Stack>
    </Card>
  );
}

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

  const list = (() => {
    if (invoices.isPending) return <PageLoader label="Loading your invoices…" />;
    if (invoices.isError) {
      return <LoadError error={invoices.error} what="your invoices" onRetry={invoices.refetch} />;
    }
    const { results, count } = invoices.data;
    if (results.length === 0) return <NoInvoiceYet />;
    return (
      <Stack gap="md">
        {results.map((invoice) => (
          <InvoiceCard key={invoice.id} invoice={invoice} />
        ))}
        <ListPagination
          count={count}
          page={page}
          pageSize={INVOICES_PAGE_SIZE}
          onChange={setPage}
          label="invoices"
        />
      </Stack>
    );
  })();

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>My invoices</Title>
      {list}
    </Stack>
  );
}
