import {
  Anchor,
  Badge,
  Card,
  DataList,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { usePatients } from '@/lib/api/resources/patients';
import type { components } from '@/lib/api/schema';


type Patient = components['schemas']['Patient'];

const PATIENTS_PAGE_SIZE = 25;

function PatientCard({ patient }: { patient: Patient }) {
  const headingId = useId();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {patient.full_name}
          </Title>
          {patient.is_admitted && (
            <Badge color="orange" variant="light" c="dark.7">
              Admitted
            </Badge>
          )}
        </Group>
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
            <DataList.ItemValue>{patient.symptoms}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Mobile</DataList.ItemLabel>
            <DataList.ItemValue>
              <Anchor href={`tel:${patient.mobile}`}>{patient.mobile}</Anchor>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Address</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {patient.address}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Group>
          <Anchor component={Link} to={paths.doctor.patientRecord.getHref(patient.id)}>
            Open {patient.full_name}'s record
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

/** "My patients": the doctor's assigned patients, searchable by name or symptoms. */
export function MyPatientsPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const patients = usePatients({ search: debouncedSearch, page, page_size: PATIENTS_PAGE_SIZE });

  const list = (() => {
    if (patients.isPending) return <PageLoader label="Loading your patients…" />;
    if (patients.isError) {
      return <LoadError error={patients.error} what="your patients" onRetry={patients.refetch} />;
    }
    const { results, count } = patients.data;
    if (results.length === 0) {
      return debouncedSearch === '' ? (
        <EmptyList
          title="No patients assigned to you yet"
          description="Patients appear here when the hospital assigns them to you or admits them under your care."
        />
      ) : (
        <EmptyList title={`No patient matches “${debouncedSearch}”`} />
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed" aria-live="polite">
          {count === 1 ? '1 patient' : `${count} patients`}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {results.map((patient) => (
            <PatientCard key={patient.id} patient={patient} />
          ))}
        </SimpleGrid>
        <ListPagination
          count={count}
          page={page}
          pageSize={PATIENTS_PAGE_SIZE}
          onChange={setPage}
          label="patients"
        />
      </Stack>
    );
  })();

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
