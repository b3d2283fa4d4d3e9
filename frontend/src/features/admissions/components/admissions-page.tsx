import { Anchor, Button, Group, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';

import { ListPagination } from '@/components/list-pagination';
import { PageHeader } from '@/components/page-header';
import { DoctorSelect } from '@/components/pickers/doctor-select';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
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
      <Tabs
        value={status}
        onChange={(value) => {
          setParams({ status: value === 'DISCHARGED' ? value : null });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="md">
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
              {admissions.isPending ? (
                <PanelLoader label="Loading admissions…" />
              ) : admissions.isError ? (
                <LoadError what="the admissions" error={admissions.error} onRetry={admissions.refetch} />
              ) : admissions.data.results.length === 0 ? (
                <EmptyList title={doctorId !== null ? 'No admissions under this doctor.' : tab.empty} />
              ) : (
                <>
                  <Table.ScrollContainer minWidth={760}>
                    <Table striped highlightOnHover verticalSpacing="sm">
                      <VisuallyHidden component="caption">Admissions, {tab.label}</VisuallyHidden>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Patient</Table.Th>
                          <Table.Th scope="col">Doctor</Table.Th>
                          <Table.Th scope="col">Admitted</Table.Th>
                          {current ? (
                            <Table.Th scope="col">Room</Table.Th>
                          ) : (
                            <Table.Th scope="col">Discharged</Table.Th>
                          )}
                          <Table.Th scope="col">
                            <VisuallyHidden>Actions</VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {admissions.data.results.map((admission) => (
                          <Table.Tr key={admission.id}>
                            <Table.Td>
                              <Anchor component={Link} to={paths.admin.admission.getHref(admission.id)}>
                                {admission.patient_name}
                              </Anchor>
                              <Text size="xs" c="dimmed" lineClamp={1}>
                                {admission.symptoms}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              {admission.doctor_name}
                              <Text size="xs" c="dimmed">
                                {admission.doctor_department}
                              </Text>
                            </Table.Td>
                            <Table.Td>{format.date(admission.admitted_on)}</Table.Td>
                            <Table.Td>
                              {current
                                ? admission.room === ''
                                  ? '—'
                                  : admission.room
                                : admission.discharged_on === null
                                  ? '—'
                                  : format.date(admission.discharged_on)}
                            </Table.Td>
                            <Table.Td>
                              {current ? (
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
                              ) : null}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <ListPagination
                    page={page}
                    pageSize={PAGE_SIZE}
                    count={admissions.data.count}
                    label="admissions"
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
