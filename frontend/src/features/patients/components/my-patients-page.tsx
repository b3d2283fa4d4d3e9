import { Anchor, Badge, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { paths } from '@/config/paths';
import { usePatients } from '@/lib/api/resources/patients';

const PATIENTS_PAGE_SIZE = 25;


/** "My patients": the doctor's assigned patients, searchable by name or symptoms. */
export function MyPatientsPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const patients = usePatients({ search: debouncedSearch, page, page_size: PATIENTS_PAGE_SIZE });

  const count = patients.data?.count ?? 0;
  const list = (
    <Stack gap="md">
      {patients.data !== undefined && count > 0 && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {count === 1 ? '1 patient' : `${count} patients`}
        </Text>
      )}
      <DataTable
        label="My patients"
        noun="patients"
        what="your patients"
        loading={patients.isPending}
        error={patients.error}
        onRetry={patients.refetch}
        records={patients.data?.results}
        rowKey={(patient) => patient.id}
        empty={
          debouncedSearch === ''
            ? {
                title: 'No patients assigned to you yet',
                description:
                  'Patients appear here when the hospital assigns them to you or admits them under your care.',
              }
            : { title: `No patient matches “${debouncedSearch}”` }
        }
        columns={[
          {
            key: 'name',
            header: 'Name',
            card: 'title',
            render: (patient) => (
              <Group gap="xs">
                <span>{patient.full_name}</span>
                {patient.is_admitted && (
                  <Badge color="orange" variant="light" c="dark.7">
                    Admitted
                  </Badge>
                )}
              </Group>
            ),
          },
          { key: 'symptoms', header: 'Symptoms', render: (patient) => patient.symptoms },
          {
            key: 'mobile',
            header: 'Mobile',
            render: (patient) => <Anchor href={`tel:${patient.mobile}`}>{patient.mobile}</Anchor>,
          },
          {
            key: 'address',
            header: 'Address',
            render: (patient) => (
              <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
                {patient.address}
              </Text>
            ),
          },
        ]}
        rowActions={(patient) => (
          <Group gap="sm">
            <Anchor component={Link} to={paths.doctor.patient.getHref(patient.id)} size="sm">
              Open {patient.full_name}&apos;s page
            </Anchor>
            <Anchor component={Link} to={paths.doctor.patientRecord.getHref(patient.id)} size="sm">
              Open {patient.full_name}&apos;s record
            </Anchor>
          </Group>
        )}
        pagination={{ page, pageSize: PATIENTS_PAGE_SIZE, count, onChange: setPage }}
      />
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Title order={1}>My patients</Title>
      <TextInput
        type="search"
        label="Search by name or symptoms"
        placeholder="e.g. Priya or chest pain"
        value={search}
        maw={420}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      {list}
    </Stack>
  );
}
