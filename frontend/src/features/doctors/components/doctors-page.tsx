import {
  Anchor,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';

import { DataTable, orderingFrom } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { StatusTabs } from '@/components/status-tabs';
import type { AccountStatus } from '@/components/status-badge';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useDepartments, useDoctors } from '@/lib/api/resources/doctors';
import { useHospitalFormat } from '@/lib/hospital';
import { pageFrom, useUrlParams } from '@/lib/use-url-params';

import { DoctorDecision } from './doctor-decision';

const PARAMS = ['status', 'department', 'search', 'ordering', 'page'] as const;
const ORDERINGS = ['name', '-name', 'created_at', '-created_at', 'department', '-department'] as const;
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
  const ordering = orderingFrom(params.ordering, ORDERINGS);
  const [searchText, setSearchText] = useState(params.search);
  const setSearch = useDebouncedCallback((value: string) => {
    setParams({ search: value.trim() });
  }, 300);
  const departments = useDepartments();
  const doctors = useDoctors({
    status,
    department: params.department === '' ? undefined : params.department,
    search: params.search === '' ? undefined : params.search,
    ordering,
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
      <StatusTabs
        tabs={TABS}
        value={status ?? 'ALL'}
        onChange={(value) => {
          setParams({ status: value === 'ALL' ? null : value });
        }}
      >
        {(item) => (
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
            <DataTable
              label={`Doctors, ${item.label}`}
              noun="doctors"
              loading={doctors.isPending}
              error={doctors.error}
              onRetry={doctors.refetch}
              records={doctors.data?.results}
              rowKey={(doctor) => doctor.id}
              empty={{
                title: filtered ? 'No doctors match these filters.' : (tab?.empty ?? ''),
              }}
              sort={{
                value: ordering,
                onChange: (next) => {
                  setParams({ ordering: next });
                },
              }}
              columns={[
                {
                  key: 'name',
                  header: 'Name',
                  sortField: 'name',
                  card: 'title',
                  render: (doctor) => (
                    <>
                      <Anchor component={Link} to={paths.admin.doctor.getHref(doctor.id)}>
                        {doctor.full_name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {doctor.username}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'department',
                  header: 'Department',
                  sortField: 'department',
                  render: (doctor) => doctor.department_name,
                },
                { key: 'mobile', header: 'Mobile', render: (doctor) => doctor.mobile },
                {
                  key: 'status',
                  header: 'Status',
                  render: (doctor) => <StatusBadge kind="account" status={doctor.status} />,
                },
                {
                  key: 'since',
                  header: 'Since',
                  sortField: 'created_at',
                  render: (doctor) => format.dateTime(doctor.created_at),
                },
              ]}
              rowActions={(doctor) =>
                doctor.status === 'PENDING' ? <DoctorDecision doctor={doctor} /> : null
              }
              pagination={{
                page,
                pageSize: PAGE_SIZE,
                count: doctors.data?.count ?? 0,
                onChange: (next) => {
                  setParams({ page: next });
                },
              }}
            />
          </Stack>
        )}
      </StatusTabs>
    </Stack>
  );
}
