import {
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';

import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { isIsoDate } from '@/lib/format';
import { useHospitalFormat } from '@/lib/hospital';
import { pageFrom, useUrlParams } from '@/lib/use-url-params';

import { type AuditExportQuery, useExportAuditEvents } from '../api/export-audit-events';
import { useAuditEvents } from '../api/get-audit-events';

const PARAMS = ['actor', 'patient', 'action', 'kind', 'from', 'to', 'page'] as const;
const PAGE_SIZE = 25;
const KINDS = [
  { value: 'ACCESS', label: 'Access' },
  { value: 'CHANGE', label: 'Change' },
  { value: 'SECURITY', label: 'Security' },
];
const KIND_COLORS: Record<string, string> = { ACCESS: 'blue', CHANGE: 'gray', SECURITY: 'red' };

function positiveId(value: string): number | undefined {
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

function isKind(value: string): value is 'ACCESS' | 'CHANGE' | 'SECURITY' {
  return value === 'ACCESS' || value === 'CHANGE' || value === 'SECURITY';
}

/** The audit log (admin): who did or saw what, filtered, with a CSV export of the filtered set. */
export function AuditEventsPage() {
  const [params, setParams] = useUrlParams(PARAMS);
  const page = pageFrom(params.page);
  const filters: AuditExportQuery = {
    actor: positiveId(params.actor),
    patient: positiveId(params.patient),
    action: params.action.trim() === '' ? undefined : params.action.trim(),
    kind: isKind(params.kind) ? params.kind : undefined,
    date_from: isIsoDate(params.from) ? params.from : undefined,
    date_to: isIsoDate(params.to) ? params.to : undefined,
  };
  const events = useAuditEvents({ ...filters, page, page_size: PAGE_SIZE });
  const exportCsv = useExportAuditEvents();
  const format = useHospitalFormat();

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit log"
        description="Every change, every read of a patient's data and every refused attempt, newest first. The log cannot be edited."
        actions={
          <Button
            variant="default"
            loading={exportCsv.isPending}
            onClick={() => {
              exportCsv.mutate(filters);
            }}
          >
            Download CSV
          </Button>
        }
      />
      {exportCsv.isError && <FormError error={exportCsv.error} title="Could not download the CSV" />}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Patient id"
          inputMode="numeric"
          w={120}
          value={params.patient}
          onChange={(event) => {
            setParams({ patient: event.currentTarget.value });
          }}
        />
        <TextInput
          label="Actor (user id)"
          inputMode="numeric"
          w={140}
          value={params.actor}
          onChange={(event) => {
            setParams({ actor: event.currentTarget.value });
          }}
        />
        <TextInput
          label="Action"
          placeholder="patient.retrieve"
          w={180}
          value={params.action}
          onChange={(event) => {
            setParams({ action: event.currentTarget.value });
          }}
        />
        <Select
          label="Kind"
          placeholder="Any"
          data={KINDS}
          clearable
          w={140}
          value={isKind(params.kind) ? params.kind : null}
          onChange={(value) => {
            setParams({ kind: value });
          }}
        />
        <DateField
          label="From"
          value={params.from}
          onChange={(value) => {
            setParams({ from: value });
          }}
        />
        <DateField
          label="To"
          value={params.to}
          onChange={(value) => {
            setParams({ to: value });
          }}
        />
      </Group>
      <DataTable
        label="Audit events"
        noun="audit events"
        what="the audit log"
        loading={events.isPending}
        error={events.error}
        onRetry={events.refetch}
        records={events.data?.results}
        rowKey={(event) => event.id}
        minWidth={960}
        empty={{ title: 'No events match these filters' }}
        columns={[
          {
            key: 'when',
            header: 'When',
            card: 'title',
            render: (event) => <time dateTime={event.at}>{format.dateTime(event.at)}</time>,
          },
          {
            key: 'who',
            header: 'Who',
            render: (event) => (
              <>
                <Text size="sm">{event.actor_name === '' ? 'Nobody signed in' : event.actor_name}</Text>
                <Text size="xs" c="dimmed">
                  {event.actor_role}
                  {event.actor === null ? '' : ` · user ${event.actor}`}
                </Text>
              </>
            ),
          },
          {
            key: 'kind',
            header: 'Kind',
            render: (event) => (
              <>
                <Badge variant="light" color={KIND_COLORS[event.kind] ?? 'gray'}>
                  {event.kind}
                </Badge>
                {event.outcome === 'FAILURE' && (
                  <Text size="xs" c="red.9">
                    refused
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'action',
            header: 'Action',
            render: (event) => (
              <>
                <Text size="sm" ff="monospace">
                  {event.action}
                </Text>
                {event.filters.length > 0 && (
                  <Text size="xs" c="dimmed">
                    filters: {event.filters.join(', ')}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'record',
            header: 'Record',
            render: (event) =>
              event.object_type === ''
                ? '—'
                : `${event.object_type}${event.object_id === '' ? ' (list)' : ` #${event.object_id}`}`,
          },
          {
            key: 'patients',
            header: 'Patients',
            render: (event) => (event.patient_ids.length === 0 ? '—' : event.patient_ids.join(', ')),
          },
          {
            key: 'request',
            header: 'Request',
            render: (event) => (
              <Text size="xs" ff="monospace">
                {event.request_id === '' ? '—' : event.request_id.slice(0, 12)}
              </Text>
            ),
          },
        ]}
        pagination={{
          page,
          pageSize: PAGE_SIZE,
          count: events.data?.count ?? 0,
          onChange: (next) => {
            setParams({ page: next });
          },
        }}
      />
    </Stack>
  );
}
