import { Button, DataList, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useParams } from 'react-router';

import { ConfirmModal } from '@/components/confirm-modal';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useDownloadDocumentPdf } from '../api/download-document-pdf';
import { useVisitNoteForAppointment } from '../api/get-visit-note';
import type { VisitNote } from '../api/keys';
import { useSaveVisitNote } from '../api/save-visit-note';
import { useSignDocument } from '../api/sign-document';

import { Addenda } from './addenda';
import { DocumentStatusBadge } from './document-status';
import { VisitNoteForm } from './visit-note-form';

const VITAL_LABELS: [keyof NonNullable<VisitNote['vitals']>, string][] = [
  ['pulse_per_min', 'Pulse (/min)'],
  ['temperature_c', 'Temperature (°C)'],
  ['spo2_percent', 'SpO₂ (%)'],
  ['respiratory_rate_per_min', 'Respiratory rate (/min)'],
  ['weight_kg', 'Weight (kg)'],
  ['height_cm', 'Height (cm)'],
];

/** A signed visit note, read-only. */
function SignedVisitNote({ note }: { note: VisitNote }) {
  const format = useHospitalFormat();
  const download = useDownloadDocumentPdf();
  const vitals = note.vitals;
  const prescription = note.prescription;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <DataList orientation="vertical" gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>Chief complaint</DataList.ItemLabel>
            <DataList.ItemValue>{note.chief_complaint}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Findings</DataList.ItemLabel>
            <DataList.ItemValue>{note.findings}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Diagnosis</DataList.ItemLabel>
            <DataList.ItemValue>
              {note.diagnosis}
              {note.icd10_code && ` (ICD-10 ${note.icd10_code}: ${note.icd10_description})`}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Plan</DataList.ItemLabel>
            <DataList.ItemValue>{note.plan}</DataList.ItemValue>
          </DataList.Item>
          {vitals !== null && (
            <DataList.Item>
              <DataList.ItemLabel>Vitals</DataList.ItemLabel>
              <DataList.ItemValue>
                {[
                  vitals.systolic_mmhg !== null &&
                    `BP ${String(vitals.systolic_mmhg)}/${String(vitals.diastolic_mmhg)} mmHg`,
                  ...VITAL_LABELS.filter(([name]) => vitals[name] !== null).map(
                    ([name, label]) => `${label} ${String(vitals[name])}`,
                  ),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        <Text size="xs" c="dimmed" mt="sm">
          Signed by {note.author_name}
          {note.signed_at !== null && `, ${format.dateTime(note.signed_at)}`}
        </Text>
      </Paper>
      {prescription !== null && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Prescription
            </Title>
            <Button
              variant="light"
              loading={download.isPending}
              onClick={() => {
                download.mutate({ kind: 'PRESCRIPTION', id: prescription.id });
              }}
            >
              Download prescription PDF
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Medicine</Table.Th>
                  <Table.Th>Dose</Table.Th>
                  <Table.Th>Frequency</Table.Th>
                  <Table.Th>Days</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {prescription.lines.map((line, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>
                      {line.medicine} {line.strength}
                    </Table.Td>
                    <Table.Td>
                      {line.dose} ({line.route.toLowerCase()})
                    </Table.Td>
                    <Table.Td>{line.frequency}</Table.Td>
                    <Table.Td>{line.duration_days}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Addenda kind="visit-note" documentId={note.id} addenda={note.addenda} />
    </Stack>
  );
}

/** The doctor's note of one appointment: `/doctor/appointments/:appointmentId/note`. */
export function VisitNotePage() {
  const { appointmentId } = useParams();
  const id = Number(appointmentId);
  const note = useVisitNoteForAppointment(id);
  const save = useSaveVisitNote();
  const sign = useSignDocument();
  const [confirming, { open, close }] = useDisclosure(false);

  const header = (badge?: React.ReactNode) => (
    <PageHeader
      title="Visit note"
      back={{ to: paths.doctor.appointments.getHref(), label: 'My appointments' }}
      badge={badge}
    />
  );
  if (note.isPending) return <PageLoader label="Loading the visit note…" />;
  if (note.isError) {
    return (
      <>
        {header()}
        <LoadError error={note.error} what="the visit note" onRetry={note.refetch} />
      </>
    );
  }
  const current = note.data;
  if (current?.status === 'SIGNED') {
    return (
      <>
        {header(<DocumentStatusBadge status="SIGNED" />)}
        <SignedVisitNote note={current} />
      </>
    );
  }
  return (
    <>
      {header(current !== null ? <DocumentStatusBadge status="DRAFT" /> : undefined)}
      <Stack gap="lg" maw={900}>
        <VisitNoteForm
          key={current?.updated_at ?? 'new'}
          note={current}
          pending={save.isPending}
          error={save.error}
          onSave={(body) => {
            save.mutate(
              { appointmentId: id, noteId: current?.id ?? null, body },
              {
                onSuccess: () => {
                  notifySuccess('Draft saved', 'Only you can read this draft until you sign it.');
                },
              },
            );
          }}
        />
        {current !== null && (
          <Group>
            <Button color="blue.9" onClick={open}>
              Sign visit note
            </Button>
          </Group>
        )}
      </Stack>
      {current !== null && (
        <ConfirmModal
          opened={confirming}
          onClose={() => {
            if (!sign.isPending) close();
          }}
          title="Sign this visit note?"
          confirmLabel="Sign"
          color="blue.9"
          pending={sign.isPending}
          error={sign.error}
          onConfirm={() => {
            sign.mutate(
              { kind: 'visit-note', id: current.id },
              {
                onSuccess: () => {
                  close();
                  notifySuccess('Visit note signed', 'The note and its prescription are final.');
                },
              },
            );
          }}
        >
          A signed note and its prescription can never be changed; corrections are addenda. The
          saved draft is what gets signed.
        </ConfirmModal>
      )}
    </>
  );
}
