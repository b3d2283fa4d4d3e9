import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';

import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
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
      {log.isPending ? (
        <PanelLoader label="Loading your access log…" />
      ) : log.isError ? (
        <LoadError what="your access log" error={log.error} onRetry={log.refetch} />
      ) : log.data.results.length === 0 ? (
        <EmptyList
          title="Nobody has opened your record yet"
          description="When a doctor or the hospital opens your record, it shows here."
        />
      ) : (
        <>
          <Table striped verticalSpacing="sm">
            <VisuallyHidden component="caption">Who saw my record</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">What</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.results.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actor_name}</Text>
                    <Text size="xs" c="dimmed">
                      {describeRole(entry.actor_role)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{describeAccess(entry.action)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ListPagination
            count={log.data.count}
            page={page}
            pageSize={ACCESS_LOG_PAGE_SIZE}
            onChange={setPage}
            label="the access log"
          />
        </>
      )}
    </Stack>
  );
}
