import { Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useHospitalFormat } from '@/lib/hospital';

import { ACCESS_LOG_PAGE_SIZE, useMyAccessLog } from '../api/get-my-access-log';
import { describeAccess, describeRole } from './describe-access';

/** "Who saw my record": every time someone at the hospital opened or changed the patient's data. */
export function AccessLogPage() {
  const [page, setPage] = useState(1);
  const log = useMyAccessLog(page);
  const format = useHospitalFormat();

  return (
    <Stack gap="md" maw={900}>
      <PageHeader
        title="Who saw my record"
        description="Every time someone at the hospital opened or changed your record, newest first. Your own visits are not listed."
      />
      <DataTable
        label="Who saw my record"
        noun="the access log"
        what="your access log"
        loading={log.isPending}
        error={log.error}
        onRetry={log.refetch}
        records={log.data?.results}
        rowKey={(entry) => entry.id}
        empty={{
          title: 'Nobody has opened your record yet',
          description: 'When a doctor or the hospital opens your record, it shows here.',
        }}
        columns={[
          {
            key: 'when',
            header: 'When',
            card: 'title',
            render: (entry) => <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>,
          },
          {
            key: 'who',
            header: 'Who',
            render: (entry) => (
              <>
                <Text size="sm">{entry.actor_name}</Text>
                <Text size="xs" c="dimmed">
                  {describeRole(entry.actor_role)}
                </Text>
              </>
            ),
          },
          { key: 'what', header: 'What', render: (entry) => describeAccess(entry.action) },
        ]}
        pagination={{
          page,
          pageSize: ACCESS_LOG_PAGE_SIZE,
          count: log.data?.count ?? 0,
          onChange: setPage,
        }}
      />
    </Stack>
  );
}
