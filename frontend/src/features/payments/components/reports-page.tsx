import '@mantine/charts/styles.css';

import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';

import { DateField } from '@/components/date-field';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
import { formatMoney, todayIn } from '@/lib/format';
import { useHospital } from '@/lib/hospital';
import { notifyError, notifySuccess } from '@/lib/notify';

import type { MoneyDocument } from '../api/download-document';
import { useDownloadDocument } from '../api/download-document';
import { METHOD_LABEL } from '../api/keys';
import { useCollections, useOutstanding } from '../api/get-reports';

function CsvButton({ document, label }: { document: MoneyDocument; label: string }) {
  const download = useDownloadDocument();
  return (
    <Button
      size="xs"
      variant="light"
      loading={download.isPending}
      onClick={() => {
        download.mutate(document, {
          onSuccess: (name) => {
            notifySuccess('CSV downloaded', `${name} was saved.`);
          },
          onError: (error) => {
            notifyError('Could not download the CSV', error);
          },
        });
      }}
    >
      {label}
    </Button>
  );
}

/** The cashier's reports (admin): daily collections and outstanding invoices by age. */
export function ReportsPage() {
  const hospital = useHospital();
  // "Today" is the hospital's date: wait for its time zone before the dates are first set.
  if (hospital.isPending) return <PanelLoader label="Loading the reports…" />;
  return <Reports today={todayIn(hospital.data?.time_zone ?? 'UTC')} />;
}

function Reports({ today }: { today: string }) {
  const [range, setRange] = useState({ date_from: today, date_to: today });
  const [asOf, setAsOf] = useState(today);
  return (
    <Stack gap="lg">
      <PageHeader title="Payment reports" />
      <Paper withBorder p="lg">
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              Collections
            </Title>
            <Group align="flex-end">
              <DateField
                label="From"
                value={range.date_from}
                onChange={(value) => {
                  setRange((current) => ({ ...current, date_from: value }));
                }}
              />
              <DateField
                label="To"
                value={range.date_to}
                onChange={(value) => {
                  setRange((current) => ({ ...current, date_to: value }));
                }}
              />
              <CsvButton document={{ kind: 'collections-csv', query: range }} label="Collections CSV" />
            </Group>
          </Group>
          <Collections range={range} />
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              Outstanding invoices by age
            </Title>
            <Group align="flex-end">
              <DateField
                label="As of"
                value={asOf}
                onChange={(value) => {
                  setAsOf(value);
                }}
              />
              <CsvButton
                document={{ kind: 'outstanding-csv', query: { as_of: asOf } }}
                label="Outstanding CSV"
              />
            </Group>
          </Group>
          <Outstanding asOf={asOf} />
        </Stack>
      </Paper>
    </Stack>
  );
}

function Collections({ range }: { range: { date_from: string; date_to: string } }) {
  const report = useCollections(range);
  if (report.isPending) return <PanelLoader label="Loading the collections…" />;
  if (report.isError) {
    return <LoadError what="the collections" error={report.error} onRetry={report.refetch} />;
  }
  const data = report.data;
  const money = (amount: string) => formatMoney(amount, data.currency);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table aria-label="Collections by method">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Method</Table.Th>
              <Table.Th ta="right">Receipts</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.by_method.map((row) => (
              <Table.Tr key={row.method}>
                <Table.Td>{METHOD_LABEL[row.method]}</Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
                <Table.Td ta="right">{money(row.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table aria-label="Collections by cashier">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cashier</Table.Th>
              <Table.Th ta="right">Receipts</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.by_cashier.map((row) => (
              <Table.Tr key={row.cashier}>
                <Table.Td>{row.cashier_name}</Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
                <Table.Td ta="right">{money(row.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
      <Group gap="xl">
        <span>Received {money(data.received)}</span>
        <span>Refunded {money(data.refunded)}</span>
        <strong>Net {money(data.net)}</strong>
      </Group>
      <BarChart
        h={220}
        data={data.by_method.map((row) => ({
          method: METHOD_LABEL[row.method],
          amount: Number(row.amount),
        }))}
        dataKey="method"
        series={[{ name: 'amount', label: 'Amount', color: 'teal.6' }]}
        role="img"
        aria-label="Collections by method chart"
      />
    </Stack>
  );
}

function Outstanding({ asOf }: { asOf: string }) {
  const report = useOutstanding({ as_of: asOf });
  if (report.isPending) return <PanelLoader label="Loading the outstanding invoices…" />;
  if (report.isError) {
    return <LoadError what="the outstanding invoices" error={report.error} onRetry={report.refetch} />;
  }
  const data = report.data;
  const money = (amount: string) => formatMoney(amount, data.currency);
  return (
    <Stack>
      <Table aria-label="Outstanding invoices by age">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Age (days)</Table.Th>
            <Table.Th ta="right">Invoices</Table.Th>
            <Table.Th ta="right">Balance</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.buckets.map((row) => (
            <Table.Tr key={row.bucket}>
              <Table.Td>{row.bucket === '90+' ? 'Over 90' : row.bucket}</Table.Td>
              <Table.Td ta="right">{row.count}</Table.Td>
              <Table.Td ta="right">{money(row.balance)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">Total</Table.Th>
            <Table.Td ta="right">{data.count}</Table.Td>
            <Table.Td ta="right">{money(data.balance)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <BarChart
        h={200}
        data={data.buckets.map((row) => ({ bucket: row.bucket, balance: Number(row.balance) }))}
        dataKey="bucket"
        series={[{ name: 'balance', label: 'Balance', color: 'red.6' }]}
        role="img"
        aria-label="Outstanding by age chart"
      />
    </Stack>
  );
}
