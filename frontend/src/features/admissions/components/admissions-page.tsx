import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { StatusTabs } from '@/components/status-tabs';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { paths } from '@/config/paths';
import { useHospitalFormat } from '@/lib/hospital';
import { idFrom, pageFrom, useUrlParams } from '@/lib/use-url-params';

import { useAdmissions } from '../api/get-admissions';

const PARAMS = ['status', 'doctor', 'page'] as const;
const PAGE_SIZE = 25;

const TABS = [
  { value: 'ADMITTED', label: 'In hospital', empty: 'No patient is in hospital.' },
  { value: 'DISCHARGED', label: 'Discharged', empty: 'No discharged admissions.' },
] as const;

/** Admissions (admin): who is in hospital now, who was discharged; admit a patient. */
export function AdmissionsPage() {
  const [params, setParams] = useUrlParams(PARAMS);
  const page = pageFrom(params.page);
  const status = params.status === 'DISCHARGED' ? 'DISCHARGED' : 'ADMITTED';
  const doctorId = idFrom(params.doctor);
  const admissions = useAdmissions({
    status,
    doctor: doctorId ?? undefined,
    page,
    page_size: PAGE_SIZE,
  });
  const format = useHospitalFormat();
  const current = status === 'ADMITTED';

  return (
    <Stack gap="md">
      <PageHeader
        title="Admissions"
        actions={
          <Button component={Link} to={paths.admin.admitPatient.getHref()}>
            Admit a patient
          </Button>
        }
      />
      <StatusTabs
        tabs={TABS}
        value={status}
        onChange={(value) => {
          setParams({ status: value === 'DISCHARGED' ? value : null });
        }}
      >
        {(tab) => (
          <Stack gap="md">
            <Group align="flex-end">
              <DoctorSelect
                label="Doctor"
                placeholder="Any doctor"
                clearable
                value={doctorId}
                onChange={(value) => {
                  setParams({ doctor: value });
                }}
                w={280}
              />
            </Group>
            <DataTable
              label={`Admissions, ${tab.label}`}
              noun="admissions"
              loading={admissions.isPending}
              error={admissions.error}
              onRetry={admissions.refetch}
              records={admissions.data?.results}
              rowKey={(admission) => admission.id}
              minWidth={760}
              empty={{ title: doctorId !== null ? 'No admissions under this doctor.' : tab.empty }}
              columns={[
                {
                  key: 'patient',
                  header: 'Patient',
                  card: 'title',
                  render: (admission) => (
                    <>
                      <Anchor component={Link} to={paths.admin.admission.getHref(admission.id)}>
                        {admission.patient_name}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {admission.symptoms}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'doctor',
                  header: 'Doctor',
                  render: (admission) => (
                    <>
                      {admission.doctor_name}
                      <Text size="xs" c="dimmed">
                        {admission.doctor_department}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'admitted',
                  header: 'Admitted',
                  render: (admission) => format.date(admission.admitted_on),
                },
                current
                  ? {
                      key: 'room',
                      header: 'Room',
                      render: (admission) => (admission.room === '' ? '—' : admission.room),
                    }
                  : {
                      key: 'discharged',
                      header: 'Discharged',
                      render: (admission) =>
                        admission.discharged_on === null
                          ? '—'
                          : format.date(admission.discharged_on),
                    },
              ]}
              rowActions={(admission) =>
                current ? (
                  <Button
                    size="xs"
                    variant="light"
                    component={Link}
                    to={paths.admin.admission.getHref(admission.id)}
                    aria-label={`Discharge ${admission.patient_name}`}
                  >
                    Discharge
                  </Button>
                ) : admission.invoice !== null ? (
                  <Anchor
                    component={Link}
                    to={paths.admin.invoice.getHref(admission.invoice)}
                    size="sm"
                    aria-label={`Invoice of ${admission.patient_name}`}
                  >
                    Invoice
                  </Anchor>
                ) : null
              }
              pagination={{
                page,
                pageSize: PAGE_SIZE,
                count: admissions.data?.count ?? 0,
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
