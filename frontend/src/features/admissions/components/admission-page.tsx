import { Anchor, Button, DataList, Paper, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { StatusBadge } from '@/components/status-badge';
import { paths } from '@/config/paths';
import { useHospitalFormat } from '@/lib/hospital';
import { idFrom } from '@/lib/use-url-params';

import { useAdmission } from '../api/get-admission';
import type { Admission } from '../api/keys';
import { DischargePanel } from './discharge-panel';

const BACK = { to: paths.admin.admissions.getHref(), label: 'Admissions' };

/** One admission (admin): the stay, and the discharge with its bill preview, or the invoice. */
export function AdmissionPage() {
  const id = idFrom(useParams().admissionId);
  if (id === null) {
    return (
      <Stack>
        <PageHeader title="Admission not found" back={BACK} />
        <EmptyList title="There is no admission at this address." />
      </Stack>
    );
  }
  return <AdmissionDetails id={id} />;
}

function AdmissionDetails({ id }: { id: number }) {
  const admission = useAdmission(id);
  if (admission.isPending) return <PanelLoader label="Loading the admission…" />;
  if (admission.isError) {
    return (
      <Stack>
        <PageHeader title="Admission" back={BACK} />
        <LoadError what="the admission" error={admission.error} onRetry={admission.refetch} />
      </Stack>
    );
  }
  return <AdmissionView admission={admission.data} />;
}

function AdmissionView({ admission }: { admission: Admission }) {
  const format = useHospitalFormat();
  return (
    <Stack gap="lg">
      <PageHeader
        title={`Admission of ${admission.patient_name}`}
        back={BACK}
        badge={<StatusBadge kind="admission" status={admission.status} />}
        actions={
          admission.invoice !== null ? (
            <Button component={Link} to={paths.admin.invoice.getHref(admission.invoice)}>
              Open invoice
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder p="lg" maw={760}>
        <DataList>
          <DataList.Item>
            <DataList.ItemLabel>Patient</DataList.ItemLabel>
            <DataList.ItemValue>
              <Anchor component={Link} to={paths.admin.patient.getHref(admission.patient)}>
                {admission.patient_name}
              </Anchor>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Attending doctor</DataList.ItemLabel>
            <DataList.ItemValue>
              <Anchor component={Link} to={paths.admin.doctor.getHref(admission.doctor)}>
                {admission.doctor_name}
              </Anchor>{' '}
              ({admission.doctor_department})
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Admitted</DataList.ItemLabel>
            <DataList.ItemValue>{format.date(admission.admitted_on)}</DataList.ItemValue>
          </DataList.Item>
          {admission.discharged_on !== null && (
            <DataList.Item>
              <DataList.ItemLabel>Discharged</DataList.ItemLabel>
              <DataList.ItemValue>{format.date(admission.discharged_on)}</DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>Symptoms or reason</DataList.ItemLabel>
            <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>
              {admission.symptoms}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Room or bed</DataList.ItemLabel>
            <DataList.ItemValue>{admission.room === '' ? '—' : admission.room}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Daily room rate</DataList.ItemLabel>
            <DataList.ItemValue>
              {admission.room_charge_per_day === null
                ? '—'
                : format.money(admission.room_charge_per_day)}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      {admission.status === 'ADMITTED' && <DischargePanel admission={admission} />}
    </Stack>
  );
}
