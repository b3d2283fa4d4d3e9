import {
  Anchor,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { PageHeader } from '@/components/page-header';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import type { AccountStatus } from '@/components/status-badge';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useDepartments, useDoctors } from '@/lib/api/resources/doctors';
import { useHospitalFormat } from '@/lib/hospital';
import { pageFrom, useUrlParams } from '@/lib/use-url-params';

import { DoctorDecision } from './doctor-decision';

const PARAMS = ['status', 'department', 'search', 'page'] as const;
const PAGE_SIZE = 25;

const TABS: { value: AccountStatus | 'ALL'; label: string; empty: string }[] = [
  { value: 'ALL', label: 'All', empty: 'No doctors yet.' },
  { value: 'APPROVED', label: 'Approved', empty: 'No approved doctors.' },
  { value: 'PENDING', label: 'Pending approval', empty: 'No doctor is waiting for approval.' },
  { value: 'REJECTED', label: 'Rejected', empty: 'No rejected applications.' },
  { value: 'DELETED', label: 'Deleted', empty: 'No deleted doctors.' },
];

function statusOf(value: string): AccountStatus | undefined {
  return TABS.find((tab) => tab.value === value && tab.value !== 'ALL')?.value as
    | AccountStatus
    | undefined;
}

/** Doctors (admin): status tabs, department filter, name search, pages; register a doctor. */
export function DoctorsPage() {
  const [params, setParams] = useUrlParams(PARAMS);
  const page = pageFrom(params.page);
  const status = statusOf(params.status);
  const [searchText, setSearchText] = useState(params.search);
  const setSearch = useDebouncedCallback((value: string) => {
    setParams({ search: value.trim() });
  }, 300);
  const departments = useDepartments();
  const doctors = useDoctors({
    status,
    department: params.department === '' ? undefined : params.department,
    search: params.search === '' ? undefined : params.search,
    page,
    page_size: PAGE_SIZE,
  });
  const format = useHospitalFormat();
  const filtered = params.search !== '' || params.department !== '';
  const tab = TABS.find((item) => item.value === (status ?? 'ALL')) ?? TABS[0];

  return (
    <Stack gap="md">
      <PageHeader
        title="Doctors"
        actions={
          <Button component={Link} to={paths.admin.newDoctor.getHref()}>
            Register a doctor
          </Button>
        }
      />
      <Tabs
        value={status ?? 'ALL'}
        onChange={(value) => {
          setParams({ status: value === 'ALL' ? null : value });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((item) => (
            <Tabs.Tab key={item.value} value={item.value}>
              {item.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((item) => (
          <Tabs.Panel key={item.value} value={item.value} pt="md">
            <Stack gap="md">
              <Group align="flex-end" gap="sm">
                <TextInput
                  label="Search by name"
                  type="search"
                  value={searchText}
                  onChange={(event) => {
                    setSearchText(event.currentTarget.value);
                    setSearch(event.currentTarget.value);
                  }}
                  w={260}
                />
                <Select
                  label="Department"
                  placeholder="All departments"
                  clearable
                  data={(departments.data ?? []).map((department) => ({
                    value: department.code,
                    label: department.name,
                  }))}
                  value={params.department === '' ? null : params.department}
                  onChange={(value) => {
                    setParams({ department: value });
                  }}
                  w={260}
                />
              </Group>
              {doctors.isPending ? (
                <PanelLoader label="Loading doctors…" />
              ) : doctors.isError ? (
                <LoadError what="the doctors" error={doctors.error} onRetry={doctors.refetch} />
              ) : doctors.data.results.length === 0 ? (
                <EmptyList title={filtered ? 'No doctors match these filters.' : tab?.empty ?? ''} />
              ) : (
                <>
                  <Table.ScrollContainer minWidth={760}>
                    <Table striped highlightOnHover verticalSpacing="sm">
                      <VisuallyHidden component="caption">Doctors, {item.label}</VisuallyHidden>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Name</Table.Th>
                          <Table.Th scope="col">Department</Table.Th>
                          <Table.Th scope="col">Mobile</Table.Th>
                          <Table.Th scope="col">Status</Table.Th>
                          <Table.Th scope="col">Since</Table.Th>
                          <Table.Th scope="col">
                            <VisuallyHidden>Actions</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {doctors.data.results.map((doctor) => (
                          <Table.Tr key={doctor.id}>
                            <Table.Td>
                              <Anchor component={Link} to={paths.admin.doctor.getHref(doctor.id)}>
                                {doctor.full_name}
                              </Anchor>
                              <Text size="xs" c="dimmed">
                                {doctor.username}
                              </Text>
                            </Table.Td>
                            <Table.Td>{doctor.department_name}</Table.Td>
                            <Table.Td>{doctor.mobile}</Table.Td>
                            <Table.Td>
                              <StatusBadge kind="account" status={doctor.status} />
                            </Table.Td>
                            <Table.Td>{format.dateTime(doctor.created_at)}</Table.Td>
                            <Table.Td>
                              {doctor.status === 'PENDING' && <DoctorDecision doctor={doctor} />}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <ListPagination
                    page={page}
                    pageSize={PAGE_SIZE}
                    count={doctors.data.count}
                    label="doctors"
                    onChange={(next) => {
                      setParams({ page: next });
                    }}
                  />
                </>
              )}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
