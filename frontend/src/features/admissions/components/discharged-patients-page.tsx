import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { paths } from '@/config/paths';
import { useAdmissions } from '@/lib/api/resources/admissions';
import { useHospitalFormat } from '@/lib/hospital';

const ADMISSIONS_PAGE_SIZE = 25;


/** "Discharged patients": the stays the doctor attended that ended in a discharge; no money. */
export function DischargedPatientsPage() {
  const [page, setPage] = useState(1);
  const admissions = useAdmissions({ status: 'DISCHARGED', page, page_size: ADMISSIONS_PAGE_SIZE });

  const format = useHospitalFormat();
  const count = admissions.data?.count ?? 0;
  const list = (
    <Stack gap="md">
      {admissions.data !== undefined && count > 0 && (
        <Text size="sm" c="dimmed">
          {count === 1 ? '1 discharge' : `${count} discharges`}, latest admission first
        </Text>
      )}
      <DataTable
        label="Discharged patients"
        noun="discharged patients"
        what="discharged patients"
        loading={admissions.isPending}
        error={admissions.error}
        onRetry={admissions.refetch}
        records={admissions.data?.results}
        rowKey={(admission) => admission.id}
        empty={{
          title: 'No discharged patients yet',
          description:
            'Patients you attended during a hospital stay appear here once they are discharged.',
        }}
        columns={[
          {
            key: 'patient',
            header: 'Patient',
            card: 'title',
            render: (admission) => admission.patient_name,
          },
          {
            key: 'admitted',
            header: 'Admitted',
            render: (admission) => format.date(admission.admitted_on),
          },
          {
            key: 'discharged',
            header: 'Discharged',
            render: (admission) =>
              admission.discharged_on === null ? '—' : format.date(admission.discharged_on),
          },
          { key: 'symptoms', header: 'Symptoms', render: (admission) => admission.symptoms },
          {
            key: 'mobile',
            header: 'Mobile',
            // The patient's contact details as the stay recorded them (kept after a reassignment).
            render: (admission) => (
              <Anchor href={`tel:${admission.patient_mobile}`}>{admission.patient_mobile}</Anchor>
            ),
          },
          {
            key: 'address',
            header: 'Address',
            render: (admission) => (
              <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
                {admission.patient_address}
              </Text>
            ),
          },
        ]}
        rowActions={(admission) => (
          <Anchor
            component={Link}
            to={paths.doctor.stay.getHref(admission.id)}
            size="sm"
            aria-label={`Stay record and discharge summary, ${admission.patient_name}`}
          >
            Stay record and discharge summary
          </Anchor>
        )}
        pagination={{ page, pageSize: ADMISSIONS_PAGE_SIZE, count, onChange: setPage }}
      />
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Title order={1}>Discharged patients</Title>
      {list}
    </Stack>
  );
}
