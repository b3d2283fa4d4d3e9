import { Anchor, Card, DataList, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { EmptyList, LoadError } from '@/components/list-states';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { useAdmissions } from '@/lib/api/resources/admissions';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';


type Admission = components['schemas']['AdmissionForDoctor'];

const ADMISSIONS_PAGE_SIZE = 25;

/** The patient's contact details as the stay recorded them (kept after a reassignment). */
function ContactItems({ admission }: { admission: Admission }) {
  return (
    <>
      <DataList.Item>
        <DataList.ItemLabel>Mobile</DataList.ItemLabel>
        <DataList.ItemValue>
          <Anchor href={`tel:${admission.patient_mobile}`}>{admission.patient_mobile}</Anchor>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Address</DataList.ItemLabel>
        <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
          {admission.patient_address}
        </DataList.ItemValue>
      </DataList.Item>
    </>
  );
}

function DischargedCard({ admission }: { admission: Admission }) {
  const headingId = useId();
  const format = useHospitalFormat();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {admission.patient_name}
        </Title>
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Admitted</DataList.ItemLabel>
            <DataList.ItemValue>{format.date(admission.admitted_on)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Discharged</DataList.ItemLabel>
            <DataList.ItemValue>
              {admission.discharged_on === null ? '—' : format.date(admission.discharged_on)}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Symptoms</DataList.ItemLabel>
            <DataList.ItemValue>{admission.symptoms}</DataList.ItemValue>
          </DataList.Item>
          <ContactItems admission={admission} />
        </DataList>
        <Anchor component={Link} to={paths.doctor.stay.getHref(admission.id)}>
          Stay record and discharge summary
        </Anchor>
      </Stack>
    </Card>
  );
}

/** "Discharged patients": the stays the doctor attended that ended in a discharge; no money. */
export function DischargedPatientsPage() {
  const [page, setPage] = useState(1);
  const admissions = useAdmissions({ status: 'DISCHARGED', page, page_size: ADMISSIONS_PAGE_SIZE });

  const list = (() => {
    if (admissions.isPending) return <PageLoader label="Loading discharged patients…" />;
    if (admissions.isError) {
      return (
        <LoadError
          error={admissions.error}
          what="discharged patients"
          onRetry={admissions.refetch}
        />
      );
    }
    const { results, count } = admissions.data;
    if (results.length === 0) {
      return (
        <EmptyList
          title="No discharged patients yet"
          description="Patients you attended during a hospital stay appear here once they are discharged."
        />
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {count === 1 ? '1 discharge' : `${count} discharges`}, latest admission first
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {results.map((admission) => (
            <DischargedCard key={admission.id} admission={admission} />
          ))}
        </SimpleGrid>
        <ListPagination
          count={count}
          page={page}
          pageSize={ADMISSIONS_PAGE_SIZE}
          onChange={setPage}
          label="discharged patients"
        />
      </Stack>
    );
  })();

  return (
    <Stack gap="lg">
      <Title order={1}>Discharged patients</Title>
      {list}
    </Stack>
  );
}
