import {
  Anchor,
  Badge,
  Button,
  Group,
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
import { DoctorSelect } from '@/components/pickers/doctor-select';
import type { AccountStatus } from '@/components/status-badge';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useDoctor } from '@/lib/api/resources/doctors';
import { usePatients } from '@/lib/api/resources/patients';
import { idFrom, pageFrom, useUrlParams } from '@/lib/use-url-params';

import { PatientDecision } from './patient-decision';

const PARAMS = ['status', 'doctor', 'search', 'ordering', 'page'] as const;
const ORDERINGS = ['name', '-name', 'created_at', '-created_at'] as const;
const PAGE_SIZE = 25;

const TABS: { value: AccountStatus | 'ALL'; label: string; empty: string }[] = [
  { value: 'ALL', label: 'All', empty: 'No patients yet.' },
  { value: 'APPROVED', label: 'Approved', empty: 'No approved patients.' },
  { value: 'PENDING', label: 'Pending approval', empty: 'No patient is waiting for approval.' },
  { value: 'REJECTED', label: 'Rejected', empty: 'No rejected sign-ups.' },
  { value: 'DELETED', label: 'Deleted', empty: 'No deleted patients.' },
];

function statusOf(value: string): AccountStatus | undefined {
  return TABS.find((tab) => tab.value === value && tab.value !== 'ALL')?.value as
    | AccountStatus
    | undefined;
}

/** Patients (admin): status tabs, doctor filter, search by name or symptoms, pages. */
export function PatientsPage() {
  const [params, setParams] = useUrlParams(PARAMS);
  const page = pageFrom(params.page);
  const status = statusOf(params.status);
  const ordering = orderingFrom(params.ordering, ORDERINGS);
  const doctorId = idFrom(params.doctor);
  const filterDoctor = useDoctor(doctorId);
  const [searchText, setSearchText] = useState(params.search);
  const setSearch = useDebouncedCallback((value: string) => {
    setParams({ search: value.trim() });
  }, 300);
  const patients = usePatients({
    status,
    assigned_doctor: doctorId ?? undefined,
    ordering,
    search: params.search === '' ? undefined : params.search,
    page,
    page_size: PAGE_SIZE,
  });
  const filtered = params.search !== '' || doctorId !== null;
  const tab = TABS.find((item) => item.value === (status ?? 'ALL')) ?? TABS[0];

  return (
    <Stack gap="md">
      <PageHeader
        title="Patients"
        actions={
          <Button component={Link} to={paths.admin.newPatient.getHref()}>
            Register a patient
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
                label="Search by name or symptoms"
                type="search"
                value={searchText}
                onChange={(event) => {
                  setSearchText(event.currentTarget.value);
                  setSearch(event.currentTarget.value);
                }}
                w={280}
              />
              <DoctorSelect
                label="Assigned doctor"
                placeholder="Any doctor"
                clearable
                value={doctorId}
                knownOptions={
                  filterDoctor.data === undefined
                    ? []
                    : [{ value: filterDoctor.data.id, label: filterDoctor.data.full_name }]
                }
                onChange={(value) => {
                  setParams({ doctor: value });
                }}
                w={280}
              />
            </Group>
            <DataTable
              label={`Patients, ${item.label}`}
              noun="patients"
              loading={patients.isPending}
              error={patients.error}
              onRetry={patients.refetch}
              records={patients.data?.results}
              rowKey={(patient) => patient.id}
              minWidth={820}
              empty={{
                title: filtered ? 'No patients match these filters.' : (tab?.empty ?? ''),
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
                  render: (patient) => (
                    <>
                      <Anchor component={Link} to={paths.admin.patient.getHref(patient.id)}>
                        {patient.full_name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {patient.username}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'symptoms',
                  header: 'Symptoms',
                  cellStyle: { maxWidth: 260 },
                  render: (patient) => (
                    <Text size="sm" lineClamp={2}>
                      {patient.symptoms}
                    </Text>
                  ),
                },
                {
                  key: 'doctor',
                  header: 'Assigned doctor',
                  render: (patient) => patient.assigned_doctor_name ?? '—',
                },
                { key: 'mobile', header: 'Mobile', render: (patient) => patient.mobile },
                {
                  key: 'status',
                  header: 'Status',
                  render: (patient) => (
                    <Group gap={6}>
                      <StatusBadge kind="account" status={patient.status} />
                      {patient.is_admitted && (
                        <Badge variant="light" color="blue" c="dark.7" tt="none">
                          In hospital
                        </Badge>
                      )}
                    </Group>
                  ),
                },
              ]}
              rowActions={(patient) =>
                patient.status === 'PENDING' ? <PatientDecision patient={patient} /> : null
              }
              pagination={{
                page,
                pageSize: PAGE_SIZE,
                count: patients.data?.count ?? 0,
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
