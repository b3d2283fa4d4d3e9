import {
  Anchor,
  Badge,
  Button,
  Group,
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
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import type { AccountStatus } from '@/components/status-badge';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useDoctor } from '@/lib/api/resources/doctors';
import { usePatients } from '@/lib/api/resources/patients';
import { idFrom, pageFrom, useUrlParams } from '@/lib/use-url-params';

import { PatientDecision } from './patient-decision';

const PARAMS = ['status', 'doctor', 'search', 'page'] as const;
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
  const doctorId = idFrom(params.doctor);
  const filterDoctor = useDoctor(doctorId);
  const [searchText, setSearchText] = useState(params.search);
  const setSearch = useDebouncedCallback((value: string) => {
    setParams({ search: value.trim() });
  }, 300);
  const patients = usePatients({
    status,
    assigned_doctor: doctorId ?? undefined,
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
              {patients.isPending ? (
                <PanelLoader label="Loading patients…" />
              ) : patients.isError ? (
                <LoadError what="the patients" error={patients.error} onRetry={patients.refetch} />
              ) : patients.data.results.length === 0 ? (
                <EmptyList title={filtered ? 'No patients match these filters.' : tab?.empty ?? ''} />
              ) : (
                <>
                  <Table.ScrollContainer minWidth={820}>
                    <Table striped highlightOnHover verticalSpacing="sm">
                      <VisuallyHidden component="caption">Patients, {item.label}</VisuallyHidden>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Name</Table.Th>
                          <Table.Th scope="col">Symptoms</Table.Th>
                          <Table.Th scope="col">Assigned doctor</Table.Th>
                          <Table.Th scope="col">Mobile</Table.Th>
                          <Table.Th scope="col">Status</Table.Th>
                          <Table.Th scope="col">
                            <VisuallyHidden>Actions</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {patients.data.results.map((patient) => (
                          <Table.Tr key={patient.id}>
                            <Table.Td>
                              <Anchor component={Link} to={paths.admin.patient.getHref(patient.id)}>
                                {patient.full_name}
                              </Anchor>
                              <Text size="xs" c="dimmed">
                                {patient.username}
                              </Text>
                            </Table.Td>
                            <Table.Td maw={260}>
                              <Text size="sm" lineClamp={2}>
                                {patient.symptoms}
                              </Text>
                            </Table.Td>
                            <Table.Td>{patient.assigned_doctor_name ?? '—'}</Table.Td>
                            <Table.Td>{patient.mobile}</Table.Td>
                            <Table.Td>
                              <Group gap={6}>
                                <StatusBadge kind="account" status={patient.status} />
                                {patient.is_admitted && (
                                  <Badge variant="light" color="blue" c="dark.7" tt="none">
                                    In hospital
                                  </Badge>
                                )}
                              </Group>
                            </Table.Td>
                            <Table.Td>
                              {patient.status === 'PENDING' && (
                                <PatientDecision patient={patient} />
                              )}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <ListPagination
                    page={page}
                    pageSize={PAGE_SIZE}
                    count={patients.data.count}
                    label="patients"
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
