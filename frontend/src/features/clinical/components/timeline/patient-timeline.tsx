import { Anchor, Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { Link } from 'react-router';

import { FormError } from '@/components/form-error';
import { EmptyList, LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { useHospitalFormat } from '@/lib/hospital';

import { type PdfKind, useDownloadDocumentPdf } from '../../api/download-document-pdf';
import { useTimeline } from '../../api/get-timeline';
import type { TimelineEntry } from '../../api/keys';

const KIND_LABEL: Record<TimelineEntry['kind'], string> = {
  VISIT: 'Visit',
  STAY: 'Hospital stay',
  VISIT_NOTE: 'Visit note',
  PROGRESS_NOTE: 'Progress note',
  DISCHARGE_SUMMARY: 'Discharge summary',
  PRESCRIPTION: 'Prescription',
  INVOICE: 'Invoice',
};

interface PatientTimelineProps {
  patientId: number;
  /** Where an entry leads for this role (a visit to its note, a stay to its record), if anywhere. */
  linkFor?: (entry: TimelineEntry) => string | null;
}

/** A patient's record in time order, newest first, with the PDFs they may download. */
export function PatientTimeline({ patientId, linkFor }: PatientTimelineProps) {
  const timeline = useTimeline(patientId);
  const download = useDownloadDocumentPdf();
  const format = useHospitalFormat();

  if (timeline.isPending) return <PanelLoader label="Loading the record…" />;
  if (timeline.isError) {
    return <LoadError error={timeline.error} what="the record" onRetry={timeline.refetch} />;
  }
  const { entries } = timeline.data;
  if (entries.length === 0) {
    return (
      <EmptyList
        title="Nothing recorded yet"
        description="Visits, stays, notes and prescriptions appear here."
      />
    );
  }
  return (
    <Paper withBorder p="md">
      <FormError error={download.error} title="Could not download" />
      <Timeline bulletSize={14} lineWidth={2} aria-label="Patient timeline">
        {entries.map((entry) => {
          const link = linkFor?.(entry) ?? null;
          const pdfKind: PdfKind | null =
            entry.has_pdf && (entry.kind === 'PRESCRIPTION' || entry.kind === 'DISCHARGE_SUMMARY')
              ? entry.kind
              : null;
          const label = KIND_LABEL[entry.kind];
          return (
            <Timeline.Item
              key={`${entry.kind}-${String(entry.id)}`}
              title={
                <Group gap="xs">
                  <Text fw={600}>{label}</Text>
                  <Badge variant="light" color={entry.status === 'DRAFT' ? 'yellow' : 'gray'} c="dark.7">
                    {entry.status.toLowerCase().replace('_', ' ')}
                  </Badge>
                </Group>
              }
            >
              <Stack gap={4}>
                <Text size="sm">{entry.title}</Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(entry.at)} · {entry.doctor_name}
                </Text>
                <Group gap="sm">
                  {link !== null && (
                    <Anchor component={Link} to={link} size="sm">
                      Open {label.toLowerCase()}
                    </Anchor>
                  )}
                  {pdfKind !== null && (
                    <Button
                      size="xs"
                      variant="light"
                      loading={download.isPending && download.variables.id === entry.id}
                      onClick={() => {
                        download.mutate({ kind: pdfKind, id: entry.id });
                      }}
                    >
                      Download {label.toLowerCase()} PDF
                    </Button>
                  )}
                </Group>
              </Stack>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
